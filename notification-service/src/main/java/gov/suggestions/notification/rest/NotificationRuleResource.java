package gov.suggestions.notification.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

import gov.suggestions.notification.domain.NotificationRule;
import gov.suggestions.notification.service.Caller;
import gov.suggestions.notification.service.RuleService;

@Path("/api/v1/notification-rules")
@Tag(name = "Notification rules", description = "Event type → audience, channels and template; changes apply to the next event, no rebuild")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ "system", "platform-admin", "congress-office" })
public class NotificationRuleResource {

    static final String EXAMPLE = """
            {"eventType":"case.overdue.v1","audience":"UNIT_LEADER","channels":["EMAIL","INBOX"],"template":"staff-overdue","enabled":true}""";
    static final String RESPONSE_EXAMPLE = """
            {"id":"5f0c7a52-3d1e-4b8a-9c2f-7e6d1a4b8c90","eventType":"case.overdue.v1","audience":"UNIT_LEADER","channels":["EMAIL","INBOX"],"template":"staff-overdue",
             "enabled":true,"congressBody":null,"version":0}""";

    private final RuleService service;
    private final CallerFactory callers;
    private final IfMatch preconditions;

    public NotificationRuleResource(RuleService service, CallerFactory callers, IfMatch preconditions) {
        this.preconditions = preconditions;
        this.service = service;
        this.callers = callers;
    }

    @GET
    @Operation(summary = "List the rules", description = "By event type and audience: platform-admin and system see every rule, a congress office the global rules and its own body's overrides.")
    @APIResponse(responseCode = "200", description = "The rule table", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "rules", value = "[" + RESPONSE_EXAMPLE + "]")))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public List<NotificationRuleResponse> list() {
        return service.all(callers.current()).stream().map(NotificationRuleResponse::of).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a rule", description = "Another body's override answers 404 to a congress office.")
    @APIResponse(responseCode = "200", description = "Found; ETag carries the version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NotificationRuleResponse.class), examples = @ExampleObject(name = "rule", value = RESPONSE_EXAMPLE)))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("id") UUID id) {
        NotificationRule rule = service.get(callers.current(), id);
        return Response.ok(NotificationRuleResponse.of(rule)).tag(etag(rule)).build();
    }

    @POST
    @Operation(summary = "Add a rule", description = "One rule per event type, audience and congress body; the template must exist in zh-CN and en (409 otherwise). "
            + "A global rule (no congressBody) is added only by platform-admin or system; a congress office adds overrides for its own body (403 otherwise).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "overdue to leaders", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Added", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NotificationRuleResponse.class),
            examples = @ExampleObject(name = "rule", value = RESPONSE_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "InvalidRequest")
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response create(@Valid @NotNull NotificationRuleRequest request) {
        NotificationRule rule = service.create(callers.current(), request.toData());
        return Response.created(URI.create("/api/v1/notification-rules/" + rule.id)).tag(etag(rule))
                .entity(NotificationRuleResponse.of(rule)).build();
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Change a rule", description = "Needs If-Match with the ETag last read; applies to the next event consumed. 409 for a duplicate event type and audience or a template that does not exist. "
            + "Global rules: platform-admin and system only (403 for a congress office); a congress office changes its own body's overrides.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "overdue to leaders", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NotificationRuleResponse.class),
            examples = @ExampleObject(name = "rule", value = RESPONSE_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "InvalidRequest")
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") @Size(max = IfMatch.MAX_LENGTH) String ifMatch, @Valid @NotNull NotificationRuleRequest request) {
        Caller caller = callers.current();
        RuleService.RuleData data = request.toData();
        NotificationRule rule = service.update(caller, id, preconditions.expectedVersion(ifMatch, () -> service.versionForChange(caller, id, data)), data);
        return Response.ok(NotificationRuleResponse.of(rule)).tag(etag(rule)).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove a rule", description = "Needs If-Match. Removing a body's override makes the body follow the global rule again. "
            + "Global rules: platform-admin and system only; a congress office removes its own body's overrides.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response remove(@PathParam("id") UUID id, @HeaderParam("If-Match") @Size(max = IfMatch.MAX_LENGTH) String ifMatch) {
        Caller caller = callers.current();
        service.remove(caller, id, preconditions.expectedVersion(ifMatch, () -> service.versionForChange(caller, id)));
        return Response.noContent().build();
    }

    private static EntityTag etag(NotificationRule rule) {
        return new EntityTag(Long.toString(rule.version));
    }
}
