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

@Path("/api/v1/deputies")
@Tag(name = "Reference data", description = "Congress bodies, their sessions, handling units and deputies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeputyResource {

    static final String EXAMPLE = """
            { "congressBody": "shenzhen-npc", "id": "D-0117", "name": "王某某", "delegation": "福田代表团",
              "phone": "13800000000", "email": "wang@example.org", "version": 0 }""";

    static final String REQUEST_EXAMPLE = """
            { "congressBody": "shenzhen-npc", "id": "D-0117", "name": "王某某", "delegation": "福田代表团",
              "phone": "13800000000", "email": "wang@example.org" }""";

    private final ReferenceDataService service;
    private final CallerFactory callers;
    private final IfMatch preconditions;

    public DeputyResource(ReferenceDataService service, CallerFactory callers, IfMatch preconditions) {
        this.preconditions = preconditions;
        this.service = service;
        this.callers = callers;
    }

    @GET
    @RolesAllowed({ Caller.CONGRESS_OFFICE, Caller.SYSTEM })
    @Operation(summary = "List deputys", description = "Paged (page from 0, size 1–200, default 20) with the total.")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeputyPage.class),
                    examples = @ExampleObject(name = "example", value = "{ \"items\": [" + EXAMPLE + "], \"total\": 1, \"page\": 0, \"size\": 20 }")))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "ForbiddenOutsideCongressBody")
    @APIResponse(responseCode = "400", ref = "InvalidRequest")
    public DeputyPage list(
            @Parameter(description = "Congress body code", example = "shenzhen-npc", required = true) @QueryParam("congressBody") @jakarta.validation.constraints.NotBlank @Size(max = Limits.CODE) String congressBody,
            @Parameter(description = "Page, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Limits.LAST_PAGE) int page,
            @Parameter(description = "Page size") @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Limits.PAGE_SIZE) int size) {
        Page<?> found = service.listDeputies(congressBody, callers.current(), page, size);
        return new DeputyPage(found.items().stream().map(o -> DeputyResponse.of((gov.suggestions.suggestion.domain.Deputy) o)).toList(), found.total(), found.page(), found.size());
    }

    @GET
    @Path("{congressBody}/{id}")
    @RolesAllowed({ Caller.CONGRESS_OFFICE, Caller.SYSTEM })
    @Operation(summary = "Read a deputy", description = "Answers the record with its version as ETag. Another congress body's roster answers 404.")
    @APIResponse(responseCode = "200", description = "The record",
            headers = @Header(name = "ETag", description = "Version"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeputyResponse.class),
                    examples = @ExampleObject(name = "example", value = EXAMPLE)))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "ForbiddenOutsideCongressBody")
    @APIResponse(responseCode = "404", ref = "NoSuchRecord")
    public Response get(@Parameter(description = "Congress body code", example = "shenzhen-npc") @PathParam("congressBody") @Size(max = Limits.CODE) String congressBody,
            @Parameter(description = "Deputy id", example = "D-0117") @PathParam("id") @Size(max = Limits.DEPUTY_ID) String id) {
        var found = service.deputy(congressBody, id, callers.current());
        return Response.ok(DeputyResponse.of(found)).tag(new EntityTag(Long.toString(found.version))).build();
    }

    @POST
    @RolesAllowed({ Caller.CONGRESS_OFFICE, Caller.SYSTEM })
    @Operation(summary = "Create a deputy", description = "Answers 201 with Location and ETag; an existing code answers 409.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DeputyRequest.class), examples = @ExampleObject(name = "example", value = REQUEST_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created",
            headers = @Header(name = "ETag", description = "Version"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeputyResponse.class),
                    examples = @ExampleObject(name = "example", value = EXAMPLE)))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "ForbiddenOutsideCongressBody")
    @APIResponse(responseCode = "400", ref = "InvalidRequest")
    @APIResponse(responseCode = "409", ref = "CodeTaken")
    public Response create(@NotNull @Valid DeputyRequest request) {
        var created = service.createDeputy(request.toData(), callers.current());
        return Response.created(URI.create("/api/v1/deputies/" + created.key.congressBody + "/" + created.key.id))
                .tag(new EntityTag(Long.toString(created.version))).entity(DeputyResponse.of(created)).build();
    }

    @PUT
    @Path("{congressBody}/{id}")
    @RolesAllowed({ Caller.CONGRESS_OFFICE, Caller.SYSTEM })
    @Operation(summary = "Update a deputy", description = "Replaces the record; send its ETag in If-Match. A body naming another `congressBody` or `id` than the path answers 400 naming that field.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DeputyRequest.class), examples = @ExampleObject(name = "example", value = REQUEST_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Updated",
            headers = @Header(name = "ETag", description = "Version"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeputyResponse.class),
                    examples = @ExampleObject(name = "example", value = EXAMPLE)))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "ForbiddenOutsideCongressBody")
    @APIResponse(responseCode = "400", ref = "InvalidRequest")
    @APIResponse(responseCode = "404", ref = "NoSuchRecord")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response update(@Parameter(description = "Congress body code", example = "shenzhen-npc") @PathParam("congressBody") @Size(max = Limits.CODE) String congressBody,
            @Parameter(description = "Deputy id", example = "D-0117") @PathParam("id") @Size(max = Limits.DEPUTY_ID) String id,
            @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = "ETag of the record", example = "\"0\"")
            @HeaderParam("If-Match") @Size(max = Limits.IF_MATCH) String ifMatch,
            @NotNull @Valid DeputyRequest request) {
        gov.suggestions.suggestion.domain.InvalidFieldException.requireSame("congressBody", congressBody, request.congressBody());
        gov.suggestions.suggestion.domain.InvalidFieldException.requireSame("id", id, request.id());
        Caller caller = callers.current();
        long expected = preconditions.expectedVersion(ifMatch, () -> service.deputyVersionForChange(congressBody, id, caller));
        var updated = service.updateDeputy(congressBody, id, request.toData(), expected, caller);
        return Response.ok(DeputyResponse.of(updated)).tag(new EntityTag(Long.toString(updated.version))).build();
    }

    @DELETE
    @Path("{congressBody}/{id}")
    @RolesAllowed({ Caller.CONGRESS_OFFICE, Caller.SYSTEM })
    @Operation(summary = "Delete a deputy", description = "Send its ETag in If-Match.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "ForbiddenOutsideCongressBody")
    @APIResponse(responseCode = "404", ref = "NoSuchRecord")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response delete(@Parameter(description = "Congress body code", example = "shenzhen-npc") @PathParam("congressBody") @Size(max = Limits.CODE) String congressBody,
            @Parameter(description = "Deputy id", example = "D-0117") @PathParam("id") @Size(max = Limits.DEPUTY_ID) String id,
            @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = "ETag of the record", example = "\"0\"")
            @HeaderParam("If-Match") @Size(max = Limits.IF_MATCH) String ifMatch) {
        Caller caller = callers.current();
        service.deleteDeputy(congressBody, id, preconditions.expectedVersion(ifMatch, () -> service.deputyVersionForChange(congressBody, id, caller)), caller);
        return Response.noContent().build();
    }

    @POST
    @Path("bulk")
    @RolesAllowed(Caller.SYSTEM)
    @Operation(summary = "Upsert deputys in bulk", description = "For the congress's own systems: creates what is new, updates what exists (by code), in one transaction. At most 1000 records.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY, implementation = DeputyRequest.class),
            examples = @ExampleObject(name = "batch", value = "[" + REQUEST_EXAMPLE + "]")))
    @APIResponse(responseCode = "200", description = "How many were created and updated",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UpsertResult.class),
                    examples = @ExampleObject(name = "result", value = "{ \"created\": 1, \"updated\": 0 }")))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "ForbiddenOutsideCongressBody")
    @APIResponse(responseCode = "400", ref = "InvalidRequest")
    public UpsertResult upsert(@NotNull @Size(min = 1, max = Limits.BULK) List<@NotNull @Valid DeputyRequest> batch) {
        return UpsertResult.of(service.upsertDeputies(batch.stream().map(DeputyRequest::toData).toList(), callers.current()));
    }
}
