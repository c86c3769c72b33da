package gov.suggestions.workflow.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.suggestions.workflow.service.Caller;
import gov.suggestions.workflow.service.ReceivedSuggestionService;

@Path("/api/v1/received-suggestions")
@Tag(name = "Received suggestions", description = "Suggestions this service has received from suggestion-service; handling cases open from them")
@Produces(MediaType.APPLICATION_JSON)
public class ReceivedSuggestionResource {

    static final String EXAMPLE = """
            {
              "suggestionId": "0b5d1f0e-6a43-4c55-9d2e-1c9f3a7b8e21",
              "congressBody": "shenzhen-npc",
              "number": "20200055",
              "kind": "SUGGESTION",
              "title": "关于加快推进政务数据共享的建议",
              "leadDeputy": { "id": "D-0117", "name": "王某某" },
              "term": 6,
              "session": 8,
              "year": 2020,
              "submittedOn": "2020-05-10",
              "sourceEventId": "5f0c2d8e-1b7a-4f8e-9a41-0d3c6b2e9f10",
              "receivedAt": "2020-05-12T09:30:01+08:00"
            }""";

    static final String NOT_FOUND = """
            { "type": "urn:gov-suggestions:problem:not-found", "title": "未找到", "status": 404,
              "detail": "workflow-service 尚未收到您可查看的建议 0b5d1f0e-6a43-4c55-9d2e-1c9f3a7b8e21",
              "instance": "/api/v1/received-suggestions/0b5d1f0e-6a43-4c55-9d2e-1c9f3a7b8e21" }""";

    static final String UNAUTHENTICATED = """
            { "type": "urn:gov-suggestions:problem:unauthenticated", "title": "未认证", "status": 401,
              "detail": "需要有效的 Bearer 令牌", "instance": "/api/v1/received-suggestions/0b5d1f0e-6a43-4c55-9d2e-1c9f3a7b8e21" }""";

    static final String FORBIDDEN = """
            { "type": "urn:gov-suggestions:problem:forbidden", "title": "无权访问", "status": 403,
              "detail": "您的角色不允许此操作", "instance": "/api/v1/received-suggestions/0b5d1f0e-6a43-4c55-9d2e-1c9f3a7b8e21" }""";

    private final ReceivedSuggestionService service;
    private final CallerFactory callers;

    public ReceivedSuggestionResource(ReceivedSuggestionService service, CallerFactory callers) {
        this.service = service;
        this.callers = callers;
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Caller.CONGRESS_OFFICE, Caller.GOV_SUPERVISOR, Caller.SYSTEM })
    @Operation(summary = "Read a received suggestion",
            description = "Shows that suggestion-service's `suggestion.submitted.v1` reached this service. "
                    + "A congress office sees only its own congress body's suggestions; anything else answers 404.")
    @APIResponse(responseCode = "200", description = "The suggestion as received",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReceivedSuggestionResponse.class),
                    examples = @ExampleObject(name = "received", value = EXAMPLE)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unauthenticated", value = UNAUTHENTICATED)))
    @APIResponse(responseCode = "403", description = "Role not allowed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "forbidden", value = FORBIDDEN)))
    @APIResponse(responseCode = "404", description = "Not received (yet), or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = NOT_FOUND)))
    public ReceivedSuggestionResponse get(@Parameter(description = "Suggestion id", example = "0b5d1f0e-6a43-4c55-9d2e-1c9f3a7b8e21")
            @PathParam("id") UUID id) {
        return ReceivedSuggestionResponse.of(service.get(id, callers.current()));
    }
}
