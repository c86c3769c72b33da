package gov.suggestions.notification.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import gov.suggestions.notification.service.RuleService;

@Path("/api/v1/notification-rules")
@Tag(name = "Notification rules", description = "Event type → audience, channels and template; changes apply to the next event, no rebuild")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ "system", "congress-office" })
public class NotificationRuleResource {

    static final String EXAMPLE = """
            {"eventType":"case.overdue.v1","audience":"UNIT_LEADER","channels":["EMAIL","INBOX"],"template":"staff-overdue","enabled":true}""";
    static final String RESPONSE_EXAMPLE = """
            {"id":17,"eventType":"case.overdue.v1","audience":"UNIT_LEADER","channels":["EMAIL","INBOX"],"template":"staff-overdue",
             "enabled":true,"version":0}""";

    private final RuleService service;

    public NotificationRuleResource(RuleService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "List the rules", description = "Every rule, by event type and audience.")
    @APIResponse(responseCode = "200", description = "The rule table", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "rules", value = "[" + RESPONSE_EXAMPLE + "]")))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public List<NotificationRuleResponse> list() {
        return service.all().stream().map(NotificationRuleResponse::of).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a rule")
    @APIResponse(responseCode = "200", description = "Found; ETag carries the version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "rule", value = RESPONSE_EXAMPLE)))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("id") long id) {
        NotificationRule rule = service.get(id);
        return Response.ok(NotificationRuleResponse.of(rule)).tag(etag(rule)).build();
    }

    @POST
    @Operation(summary = "Add a rule", description = "One rule per event type and audience; the template must exist in zh-CN and en (409 otherwise).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "overdue to leaders", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Added", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "rule", value = RESPONSE_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "InvalidRequest")
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response create(@Valid @NotNull NotificationRuleRequest request) {
        NotificationRule rule = service.create(request.toData());
        return Response.created(URI.create("/api/v1/notification-rules/" + rule.id)).tag(etag(rule))
                .entity(NotificationRuleResponse.of(rule)).build();
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Change a rule", description = "Needs If-Match with the ETag last read; applies to the next event consumed. 409 for a duplicate event type and audience or a template that does not exist.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "overdue to leaders", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "rule", value = RESPONSE_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "InvalidRequest")
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response update(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull NotificationRuleRequest request) {
        NotificationRule rule = service.update(id, ifMatch, request.toData());
        return Response.ok(NotificationRuleResponse.of(rule)).tag(etag(rule)).build();
    }

    private static EntityTag etag(NotificationRule rule) {
        return new EntityTag(Long.toString(rule.version));
    }
}
