package gov.suggestions.notification.rest;

import java.net.URI;
import java.util.UUID;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.suggestions.notification.domain.StaffRecipient;
import gov.suggestions.notification.service.Caller;
import gov.suggestions.notification.service.StaffRecipientService;

@Path("/api/v1/staff-recipients")
@Tag(name = "Staff recipients", description = "Staff who receive notices: their unit and roles decide which rules reach them")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ "system", "unit-office" })
public class StaffRecipientResource {

    static final String EXAMPLE = """
            {"username":"zhang.office@sz-zsj","name":"张某某","unitCode":"sz-zsj","roles":["unit-office"],
             "email":"zhang@sz-zsj.example.gov.cn","mobile":"13900139000","locale":"zh-CN","preferredChannels":["EMAIL"]}""";
    static final String RESPONSE_EXAMPLE = """
            {"id":"7c1d2c7e-2b7a-4e59-9d0a-0e9a5d2f4b11","username":"zhang.office@sz-zsj","name":"张某某","unitCode":"sz-zsj",
             "roles":["unit-office"],"email":"zhang@sz-zsj.example.gov.cn","mobile":"13900139000","locale":"zh-CN","preferredChannels":["EMAIL"],"version":0,
             "updatedAt":"2020-05-20T10:00:00+08:00"}""";

    private final StaffRecipientService service;
    private final CallerFactory callers;
    private final IfMatch preconditions;

    public StaffRecipientResource(StaffRecipientService service, CallerFactory callers, IfMatch preconditions) {
        this.preconditions = preconditions;
        this.service = service;
        this.callers = callers;
    }

    @POST
    @Operation(summary = "Register a staff recipient", description = "The system registers anyone; a unit office only people of its own unit (409 otherwise, and 409 when the username is registered already).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "unit office", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Registered; ETag carries the version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StaffRecipientResponse.class), examples = @ExampleObject(name = "registered", value = RESPONSE_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "InvalidRequest")
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response register(@Valid @NotNull StaffRecipientRequest request) {
        StaffRecipient staff = service.register(callers.current(), request.toData());
        return Response.created(URI.create("/api/v1/staff-recipients/" + staff.id)).tag(etag(staff))
                .entity(StaffRecipientResponse.of(staff)).build();
    }

    @GET
    @Operation(summary = "List staff recipients", description = "A unit office sees its own unit's people; the system everyone.")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PageSchemas.StaffRecipients.class),
            examples = @ExampleObject(name = "page", value = "{\"items\":[" + RESPONSE_EXAMPLE + "],\"page\":0,\"size\":20,\"total\":1}")))
    @APIResponse(responseCode = "400", ref = "InvalidPaging")
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public PageResponse<StaffRecipientResponse> list(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return PageResponse.of(service.list(callers.current(), page, size), StaffRecipientResponse::of);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a staff recipient", description = "Someone of another unit answers 404 for a unit office.")
    @APIResponse(responseCode = "200", description = "Found; ETag carries the version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StaffRecipientResponse.class), examples = @ExampleObject(name = "found", value = RESPONSE_EXAMPLE)))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("id") UUID id) {
        StaffRecipient staff = service.get(callers.current(), id);
        return Response.ok(StaffRecipientResponse.of(staff)).tag(etag(staff)).build();
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Change a staff recipient", description = "Needs If-Match with the ETag last read. 409 when the username is taken or the person would move to another unit than the caller's.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "unit office", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Changed; ETag carries the new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StaffRecipientResponse.class), examples = @ExampleObject(name = "changed", value = RESPONSE_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "InvalidRequest")
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") @Size(max = IfMatch.MAX_LENGTH) String ifMatch, @Valid @NotNull StaffRecipientRequest request) {
        Caller caller = callers.current();
        StaffRecipient staff = service.update(caller, id, preconditions.expectedVersion(ifMatch, () -> service.get(caller, id).version), request.toData());
        return Response.ok(StaffRecipientResponse.of(staff)).tag(etag(staff)).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove a staff recipient", description = "Needs If-Match. Notices already sent stay in the delivery log.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response remove(@PathParam("id") UUID id, @HeaderParam("If-Match") @Size(max = IfMatch.MAX_LENGTH) String ifMatch) {
        Caller caller = callers.current();
        service.remove(caller, id, preconditions.expectedVersion(ifMatch, () -> service.get(caller, id).version));
        return Response.noContent().build();
    }

    private static EntityTag etag(StaffRecipient staff) {
        return new EntityTag(Long.toString(staff.version));
    }
}
