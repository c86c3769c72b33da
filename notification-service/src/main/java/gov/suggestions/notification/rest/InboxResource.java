package gov.suggestions.notification.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.suggestions.notification.service.InboxService;

@Path("/api/v1/inbox")
@Tag(name = "Inbox", description = "The caller's own in-app notices: a deputy by the token's deputy id, staff by their registered username")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "deputy", "handler", "unit-office", "unit-leader", "congress-office", "gov-supervisor" })
public class InboxResource {

    static final String EXAMPLE = """
            {"id":"3f7e9a52-5d0c-4b8e-8a55-2a4c3c1f9e01","eventType":"suggestion.assigned.v1",
             "suggestionId":"0b5d1f0e-6a43-4c55-9d2e-1c9f3a7b8e21","caseId":null,"subject":"您的建议 20200055 已交办",
             "body":"王某某代表:您好!您领衔提出的第 20200055 号建议《关于加快推进政务数据共享的建议》已于 2020-05-20 交办……",
             "receivedAt":"2020-05-20T10:00:00+08:00","readAt":null}""";

    private final InboxService service;
    private final CallerFactory callers;

    public InboxResource(InboxService service, CallerFactory callers) {
        this.service = service;
        this.callers = callers;
    }

    @GET
    @Operation(summary = "List my notices", description = "Newest first; unread=true lists only those not yet marked read.")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PageSchemas.Inbox.class),
            examples = @ExampleObject(name = "page", value = "{\"items\":[" + EXAMPLE + "],\"page\":0,\"size\":20,\"total\":1}")))
    @APIResponse(responseCode = "400", ref = "InvalidPaging")
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public PageResponse<InboxNotificationResponse> list(@QueryParam("unread") @DefaultValue("false") boolean unread,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return PageResponse.of(service.list(callers.current(), unread, page, size), InboxNotificationResponse::of);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read one of my notices", description = "Someone else's notice answers 404.")
    @APIResponse(responseCode = "200", description = "Found", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InboxNotificationResponse.class),
            examples = @ExampleObject(name = "notice", value = EXAMPLE)))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public InboxNotificationResponse get(@PathParam("id") UUID id) {
        return InboxNotificationResponse.of(service.get(callers.current(), id));
    }

    @POST
    @Path("{id}/read")
    @Operation(summary = "Mark one of my notices read", description = "Idempotent: marking again keeps the first time.")
    @APIResponse(responseCode = "200", description = "Marked", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InboxNotificationResponse.class),
            examples = @ExampleObject(name = "notice", value = EXAMPLE)))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public InboxNotificationResponse markRead(@PathParam("id") UUID id) {
        return InboxNotificationResponse.of(service.markRead(callers.current(), id));
    }
}
