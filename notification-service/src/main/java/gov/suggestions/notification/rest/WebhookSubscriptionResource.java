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

import gov.suggestions.notification.domain.WebhookSubscription;
import gov.suggestions.notification.service.WebhookSubscriptionService;

@Path("/api/v1/webhook-subscriptions")
@Tag(name = "Webhook subscriptions", description = "Other government systems receive the event types they subscribe to, each POST signed: X-Signature = sha256=hex(HMAC-SHA256(secret, X-Signature-Timestamp + \".\" + body))")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("system")
public class WebhookSubscriptionResource {

    static final String EXAMPLE = """
            {"name":"市民端 App","url":"https://citizen-app.example.gov.cn/hooks/suggestions",
             "eventTypes":["case.replied.v1","case.concluded.v1"],"secret":"a-long-shared-secret-0123456789","enabled":true}""";
    static final String RESPONSE_EXAMPLE = """
            {"id":"5b0f8c9e-1d2a-4c3b-9e8f-7a6b5c4d3e2f","name":"市民端 App","url":"https://citizen-app.example.gov.cn/hooks/suggestions",
             "eventTypes":["case.replied.v1","case.concluded.v1"],"enabled":true,"version":0,"updatedAt":"2020-05-20T10:00:00+08:00"}""";

    private final WebhookSubscriptionService service;
    private final IfMatch preconditions;
    public WebhookSubscriptionResource(WebhookSubscriptionService service, IfMatch preconditions) {
        this.preconditions = preconditions;
        this.service = service;
    }

    @POST
    @Operation(summary = "Subscribe a system", description = "Events of the listed types are POSTed, signed, to the URL from now on. deputy.contact-updated.v1 (personal data) cannot be subscribed: 409.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "citizen app", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Registered; ETag carries the version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookSubscriptionResponse.class), examples = @ExampleObject(name = "registered", value = RESPONSE_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "InvalidRequest")
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response register(@Valid @NotNull WebhookSubscriptionRequest request) {
        WebhookSubscription subscription = service.create(request.toData());
        return Response.created(URI.create("/api/v1/webhook-subscriptions/" + subscription.id)).tag(etag(subscription))
                .entity(WebhookSubscriptionResponse.of(subscription)).build();
    }

    @GET
    @Operation(summary = "List subscriptions", description = "Secrets are never shown.")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PageSchemas.WebhookSubscriptions.class),
            examples = @ExampleObject(name = "page", value = "{\"items\":[" + RESPONSE_EXAMPLE + "],\"page\":0,\"size\":20,\"total\":1}")))
    @APIResponse(responseCode = "400", ref = "InvalidPaging")
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public PageResponse<WebhookSubscriptionResponse> list(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return PageResponse.of(service.list(page, size), WebhookSubscriptionResponse::of);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a subscription", description = "The secret is never shown.")
    @APIResponse(responseCode = "200", description = "Found; ETag carries the version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookSubscriptionResponse.class), examples = @ExampleObject(name = "found", value = RESPONSE_EXAMPLE)))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response get(@PathParam("id") UUID id) {
        WebhookSubscription subscription = service.get(id);
        return Response.ok(WebhookSubscriptionResponse.of(subscription)).tag(etag(subscription)).build();
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Change a subscription", description = "Needs If-Match with the ETag last read; the secret is replaced. An event type that cannot be subscribed: 409.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "citizen app", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Changed; ETag carries the new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookSubscriptionResponse.class), examples = @ExampleObject(name = "changed", value = RESPONSE_EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "InvalidRequest")
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") @Size(max = IfMatch.MAX_LENGTH) String ifMatch, @Valid @NotNull WebhookSubscriptionRequest request) {
        WebhookSubscription subscription = service.update(id, preconditions.expectedVersion(ifMatch, () -> service.get(id).version), request.toData());
        return Response.ok(WebhookSubscriptionResponse.of(subscription)).tag(etag(subscription)).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove a subscription", description = "Needs If-Match. Deliveries already made stay in the delivery log.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response remove(@PathParam("id") UUID id, @HeaderParam("If-Match") @Size(max = IfMatch.MAX_LENGTH) String ifMatch) {
        service.remove(id, preconditions.expectedVersion(ifMatch, () -> service.get(id).version));
        return Response.noContent().build();
    }

    private static EntityTag etag(WebhookSubscription subscription) {
        return new EntityTag(Long.toString(subscription.version));
    }
}
