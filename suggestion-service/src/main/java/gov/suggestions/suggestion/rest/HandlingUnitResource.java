package gov.suggestions.suggestion.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.suggestions.suggestion.domain.Limits;
import gov.suggestions.suggestion.rest.ReferenceDataDtos.*;
import gov.suggestions.suggestion.service.Caller;
import gov.suggestions.suggestion.domain.Page;
import gov.suggestions.suggestion.service.ReferenceDataService;

@Path("/api/v1/units")
@Tag(name = "Reference data", description = "Congress bodies, their sessions, handling units and deputies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HandlingUnitResource {

    static final String EXAMPLE = """
            { "code": "sz-zsj", "name": "深圳市政务服务数据管理局", "unifiedSocialCreditCode": "11440300MB2C92413C", "version": 0 }""";

    static final String REQUEST_EXAMPLE = """
            { "code": "sz-zsj", "name": "深圳市政务服务数据管理局", "unifiedSocialCreditCode": "11440300MB2C92413C" }""";

    private final ReferenceDataService service;
    private final CallerFactory callers;
    private final IfMatch preconditions;

    public HandlingUnitResource(ReferenceDataService service, CallerFactory callers, IfMatch preconditions) {
        this.preconditions = preconditions;
        this.service = service;
        this.callers = callers;
    }

    @GET
    @RolesAllowed({ Caller.CONGRESS_OFFICE, Caller.GOV_SUPERVISOR, Caller.SYSTEM, Caller.UNIT_OFFICE, Caller.PLATFORM_ADMIN })
    @Operation(summary = "List handling units", description = "Paged (page from 0, size 1–200, default 20) with the total.")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnitPage.class),
                    examples = @ExampleObject(name = "example", value = "{ \"items\": [" + EXAMPLE + "], \"total\": 1, \"page\": 0, \"size\": 20 }")))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "ForbiddenOutsideCongressBody")
    @APIResponse(responseCode = "400", ref = "InvalidRequest")
    public UnitPage list(
            @Parameter(description = "Page, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Limits.LAST_PAGE) int page,
            @Parameter(description = "Page size") @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Limits.PAGE_SIZE) int size) {
        Page<?> found = service.listUnits(page, size, callers.current());
        return new UnitPage(found.items().stream().map(o -> UnitResponse.of((gov.suggestions.suggestion.domain.HandlingUnit) o)).toList(), found.total(), found.page(), found.size());
    }

    @GET
    @Path("{code}")
    @RolesAllowed({ Caller.CONGRESS_OFFICE, Caller.GOV_SUPERVISOR, Caller.SYSTEM, Caller.UNIT_OFFICE, Caller.PLATFORM_ADMIN })
    @Operation(summary = "Read a handling unit", description = "Answers the record with its version as ETag.")
    @APIResponse(responseCode = "200", description = "The record",
            headers = @Header(name = "ETag", description = "Version"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnitResponse.class),
                    examples = @ExampleObject(name = "example", value = EXAMPLE)))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "ForbiddenOutsideCongressBody")
    @APIResponse(responseCode = "404", ref = "NoSuchRecord")
    public Response get(@Parameter(description = "Unit code", example = "sz-zsj") @PathParam("code") @Size(max = Limits.CODE) String code) {
        var found = service.unit(code, callers.current());
        return Response.ok(UnitResponse.of(found)).tag(new EntityTag(Long.toString(found.version))).build();
    }

    @POST
    @RolesAllowed({ Caller.PLATFORM_ADMIN, Caller.SYSTEM })
    @Operation(summary = "Create a handling unit", description = "Units are shared by every congress body: only `platform-admin` or a `system` token without `congress_body` changes them. Answers 201 with Location and ETag; an existing code answers 409.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = UnitRequest.class), examples = @ExampleObject(name = "example", value = REQUEST_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created",
            headers = @Header(name = "ETag", description = "Version"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnitResponse.class),
                    examples = @ExampleObject(name = "example", value = EXAMPLE)))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "ForbiddenOutsideCongressBody")
    @APIResponse(responseCode = "400", ref = "InvalidRequest")
    @APIResponse(responseCode = "409", ref = "CodeTaken")
    public Response create(@NotNull @Valid UnitRequest request) {
        var created = service.createUnit(request.toData(), callers.current());
        return Response.created(URI.create("/api/v1/units/" + created.code))
                .tag(new EntityTag(Long.toString(created.version))).entity(UnitResponse.of(created)).build();
    }

    @PUT
    @Path("{code}")
    @RolesAllowed({ Caller.PLATFORM_ADMIN, Caller.SYSTEM })
    @Operation(summary = "Update a handling unit", description = "Replaces the record; send its ETag in If-Match. A body naming another code than the path answers 400 naming `code`.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = UnitRequest.class), examples = @ExampleObject(name = "example", value = REQUEST_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Updated",
            headers = @Header(name = "ETag", description = "Version"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnitResponse.class),
                    examples = @ExampleObject(name = "example", value = EXAMPLE)))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "ForbiddenOutsideCongressBody")
    @APIResponse(responseCode = "400", ref = "InvalidRequest")
    @APIResponse(responseCode = "404", ref = "NoSuchRecord")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response update(@Parameter(description = "Unit code", example = "sz-zsj") @PathParam("code") @Size(max = Limits.CODE) String code,
            @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = "ETag of the record", example = "\"0\"")
            @HeaderParam("If-Match") @Size(max = Limits.IF_MATCH) String ifMatch,
            @NotNull @Valid UnitRequest request) {
        gov.suggestions.suggestion.domain.InvalidFieldException.requireSame("code", code, request.code());
        Caller caller = callers.current();
        var updated = service.updateUnit(code, request.toData(), preconditions.expectedVersion(ifMatch, () -> service.unitVersionForChange(code, caller)), caller);
        return Response.ok(UnitResponse.of(updated)).tag(new EntityTag(Long.toString(updated.version))).build();
    }

    @DELETE
    @Path("{code}")
    @RolesAllowed({ Caller.PLATFORM_ADMIN, Caller.SYSTEM })
    @Operation(summary = "Delete a handling unit", description = "Only `platform-admin` or a `system` token without `congress_body`. Send its ETag in If-Match.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "ForbiddenOutsideCongressBody")
    @APIResponse(responseCode = "404", ref = "NoSuchRecord")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response delete(@Parameter(description = "Unit code", example = "sz-zsj") @PathParam("code") @Size(max = Limits.CODE) String code,
            @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = "ETag of the record", example = "\"0\"")
            @HeaderParam("If-Match") @Size(max = Limits.IF_MATCH) String ifMatch) {
        Caller caller = callers.current();
        service.deleteUnit(code, preconditions.expectedVersion(ifMatch, () -> service.unitVersionForChange(code, caller)), caller);
        return Response.noContent().build();
    }

    @POST
    @Path("bulk")
    @RolesAllowed({ Caller.PLATFORM_ADMIN, Caller.SYSTEM })
    @Operation(summary = "Upsert handling units in bulk", description = "For the congress's own systems: creates what is new, updates what exists (by code), in one transaction. At most 1000 records.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY, implementation = UnitRequest.class),
            examples = @ExampleObject(name = "batch", value = "[" + REQUEST_EXAMPLE + "]")))
    @APIResponse(responseCode = "200", description = "How many were created and updated",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UpsertResult.class),
                    examples = @ExampleObject(name = "result", value = "{ \"created\": 1, \"updated\": 0 }")))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "ForbiddenOutsideCongressBody")
    @APIResponse(responseCode = "400", ref = "InvalidRequest")
    public UpsertResult upsert(@NotNull @Size(min = 1, max = Limits.BULK) List<@NotNull @Valid UnitRequest> batch) {
        return UpsertResult.of(service.upsertUnits(batch.stream().map(UnitRequest::toData).toList(), callers.current()));
    }
}
