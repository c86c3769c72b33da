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

@Path("/api/v1/congress-bodies")
@Tag(name = "Reference data", description = "Congress bodies, their sessions, handling units and deputies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CongressBodyResource {

    static final String EXAMPLE = """
            { "code": "shenzhen-npc", "name": "深圳市人民代表大会", "kind": "NPC",
              "sessions": [ { "term": 6, "session": 8, "year": 2020, "name": "第六届人民代表大会第八次会议" } ], "version": 0 }""";

    static final String REQUEST_EXAMPLE = """
            { "code": "shenzhen-npc", "name": "深圳市人民代表大会", "kind": "NPC",
              "sessions": [ { "term": 6, "session": 8, "year": 2020, "name": "第六届人民代表大会第八次会议" } ] }""";

    private final ReferenceDataService service;
    private final CallerFactory callers;
    private final IfMatch preconditions;

    public CongressBodyResource(ReferenceDataService service, CallerFactory callers, IfMatch preconditions) {
        this.preconditions = preconditions;
        this.service = service;
        this.callers = callers;
    }

    @GET
    @RolesAllowed({ Caller.CONGRESS_OFFICE, Caller.GOV_SUPERVISOR, Caller.SYSTEM, Caller.PLATFORM_ADMIN })
    @Operation(summary = "List congress bodys", description = "Paged (page from 0, size 1–200, default 20) with the total.")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CongressBodyPage.class),
                    examples = @ExampleObject(name = "example", value = "{ \"items\": [" + EXAMPLE + "], \"total\": 1, \"page\": 0, \"size\": 20 }")))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "ForbiddenOutsideCongressBody")
    @APIResponse(responseCode = "400", ref = "InvalidRequest")
    public CongressBodyPage list(
            @Parameter(description = "Page, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Limits.LAST_PAGE) int page,
            @Parameter(description = "Page size") @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Limits.PAGE_SIZE) int size) {
        Page<?> found = service.listBodies(page, size, callers.current());
        return new CongressBodyPage(found.items().stream().map(o -> CongressBodyResponse.of((gov.suggestions.suggestion.domain.CongressBody) o)).toList(), found.total(), found.page(), found.size());
    }

    @GET
    @Path("{code}")
    @RolesAllowed({ Caller.CONGRESS_OFFICE, Caller.GOV_SUPERVISOR, Caller.SYSTEM, Caller.PLATFORM_ADMIN })
    @Operation(summary = "Read a congress body", description = "Answers the record with its version as ETag.")
    @APIResponse(responseCode = "200", description = "The record",
            headers = @Header(name = "ETag", description = "Version"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CongressBodyResponse.class),
                    examples = @ExampleObject(name = "example", value = EXAMPLE)))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "ForbiddenOutsideCongressBody")
    @APIResponse(responseCode = "404", ref = "NoSuchRecord")
    public Response get(@Parameter(description = "Congress body code", example = "shenzhen-npc") @PathParam("code") @Size(max = Limits.CODE) String code) {
        var found = service.body(code, callers.current());
        return Response.ok(CongressBodyResponse.of(found)).tag(new EntityTag(Long.toString(found.version))).build();
    }

    @POST
    @RolesAllowed({ Caller.PLATFORM_ADMIN, Caller.SYSTEM })
    @Operation(summary = "Create a congress body", description = "Only `platform-admin` or `system`. Answers 201 with Location and ETag; an existing code answers 409.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CongressBodyRequest.class), examples = @ExampleObject(name = "example", value = REQUEST_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created",
            headers = @Header(name = "ETag", description = "Version"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CongressBodyResponse.class),
                    examples = @ExampleObject(name = "example", value = EXAMPLE)))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "ForbiddenOutsideCongressBody")
    @APIResponse(responseCode = "400", ref = "InvalidRequest")
    @APIResponse(responseCode = "409", ref = "CodeTaken")
    public Response create(@NotNull @Valid CongressBodyRequest request) {
        var created = service.createBody(request.toData(), callers.current());
        return Response.created(URI.create("/api/v1/congress-bodies/" + created.code))
                .tag(new EntityTag(Long.toString(created.version))).entity(CongressBodyResponse.of(created)).build();
    }

    @PUT
    @Path("{code}")
    @RolesAllowed({ Caller.CONGRESS_OFFICE, Caller.PLATFORM_ADMIN, Caller.SYSTEM })
    @Operation(summary = "Update a congress body", description = "Replaces the record; send its ETag in If-Match. A congress office updates only its own body (another body answers 403). A body naming another code than the path answers 400 naming `code`.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CongressBodyRequest.class), examples = @ExampleObject(name = "example", value = REQUEST_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Updated",
            headers = @Header(name = "ETag", description = "Version"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CongressBodyResponse.class),
                    examples = @ExampleObject(name = "example", value = EXAMPLE)))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "ForbiddenOutsideCongressBody")
    @APIResponse(responseCode = "400", ref = "InvalidRequest")
    @APIResponse(responseCode = "404", ref = "NoSuchRecord")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response update(@Parameter(description = "Congress body code", example = "shenzhen-npc") @PathParam("code") @Size(max = Limits.CODE) String code,
            @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = "ETag of the record", example = "\"0\"")
            @HeaderParam("If-Match") @Size(max = Limits.IF_MATCH) String ifMatch,
            @NotNull @Valid CongressBodyRequest request) {
        gov.suggestions.suggestion.domain.InvalidFieldException.requireSame("code", code, request.code());
        Caller caller = callers.current();
        var updated = service.updateBody(code, request.toData(), preconditions.expectedVersion(ifMatch, () -> service.bodyVersionForChange(code, caller)), caller);
        return Response.ok(CongressBodyResponse.of(updated)).tag(new EntityTag(Long.toString(updated.version))).build();
    }

    @DELETE
    @Path("{code}")
    @RolesAllowed({ Caller.PLATFORM_ADMIN, Caller.SYSTEM })
    @Operation(summary = "Delete a congress body", description = "Only `platform-admin` or `system`. Send its ETag in If-Match.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "ForbiddenOutsideCongressBody")
    @APIResponse(responseCode = "404", ref = "NoSuchRecord")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response delete(@Parameter(description = "Congress body code", example = "shenzhen-npc") @PathParam("code") @Size(max = Limits.CODE) String code,
            @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = "ETag of the record", example = "\"0\"")
            @HeaderParam("If-Match") @Size(max = Limits.IF_MATCH) String ifMatch) {
        Caller caller = callers.current();
        service.deleteBody(code, preconditions.expectedVersion(ifMatch, () -> service.bodyVersionForChange(code, caller)), caller);
        return Response.noContent().build();
    }

    @POST
    @Path("bulk")
    @RolesAllowed({ Caller.PLATFORM_ADMIN, Caller.SYSTEM })
    @Operation(summary = "Upsert congress bodys in bulk", description = "For the congress's own systems: creates what is new, updates what exists (by code), in one transaction. At most 1000 records.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY, implementation = CongressBodyRequest.class),
            examples = @ExampleObject(name = "batch", value = "[" + REQUEST_EXAMPLE + "]")))
    @APIResponse(responseCode = "200", description = "How many were created and updated",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UpsertResult.class),
                    examples = @ExampleObject(name = "result", value = "{ \"created\": 1, \"updated\": 0 }")))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "ForbiddenOutsideCongressBody")
    @APIResponse(responseCode = "400", ref = "InvalidRequest")
    public UpsertResult upsert(@NotNull @Size(min = 1, max = Limits.BULK) List<@NotNull @Valid CongressBodyRequest> batch) {
        return UpsertResult.of(service.upsertBodies(batch.stream().map(CongressBodyRequest::toData).toList(), callers.current()));
    }
}
