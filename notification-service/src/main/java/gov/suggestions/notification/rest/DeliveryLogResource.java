package gov.suggestions.notification.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.suggestions.notification.service.DeliveryLogService;
import gov.suggestions.notification.domain.InvalidFieldException;
import gov.suggestions.notification.domain.Text;

@Path("/api/v1/delivery-log")
@Tag(name = "Delivery log", description = "What was sent to whom about a suggestion or case, when, on which channel, with which outcome")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "system", "congress-office", "unit-office" })
public class DeliveryLogResource {

    static final String EXAMPLE = """
            {"items":[{"notificationId":"3f7e9a52-5d0c-4b8e-8a55-2a4c3c1f9e01","eventType":"case.distributed.v1",
              "suggestionId":"0b5d1f0e-6a43-4c55-9d2e-1c9f3a7b8e21","caseId":"6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d","unitCode":"sz-zsj",
              "recipientKind":"STAFF","recipientName":"陈某某","channel":"SMS","destination":"139****9000","subject":"建议 20200055 已分办",
              "status":"SENT","failureReason":null,"createdAt":"2020-05-21T10:00:00+08:00","sentAt":"2020-05-21T10:00:31+08:00",
              "attempts":[{"number":1,"startedAt":"2020-05-21T10:00:01+08:00","finishedAt":"2020-05-21T10:00:06+08:00","outcome":"ERROR",
                           "detail":"IllegalStateException: SMS gateway answered HTTP 503"},
                          {"number":2,"startedAt":"2020-05-21T10:00:30+08:00","finishedAt":"2020-05-21T10:00:31+08:00","outcome":"SENT","detail":null}]}],
             "page":0,"size":20,"total":1}""";

    private final DeliveryLogService service;
    private final CallerFactory callers;

    public DeliveryLogResource(DeliveryLogService service, CallerFactory callers) {
        this.service = service;
        this.callers = callers;
    }

    @GET
    @Operation(summary = "Delivery log of a suggestion or a case",
            description = "Exactly one of suggestionId and caseId. The congress office sees its congress body's notices, a unit office its unit's; e-mail addresses and phone numbers are masked.")
    @APIResponse(responseCode = "200", description = "One page, oldest first", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PageSchemas.DeliveryLog.class),
            examples = @ExampleObject(name = "log", value = EXAMPLE)))
    @APIResponse(responseCode = "400", ref = "InvalidQuery")
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public PageResponse<DeliveryLogEntryResponse> log(@QueryParam("suggestionId") UUID suggestionId, @QueryParam("caseId") UUID caseId,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        if ((suggestionId == null) == (caseId == null)) {
            throw new InvalidFieldException("suggestionId", Text.of("须且只须给出 suggestionId 与 caseId 之一", "give exactly one of suggestionId and caseId"));
        }
        return PageResponse.of(service.log(callers.current(), suggestionId, caseId, page, size), DeliveryLogEntryResponse::of);
    }
}
