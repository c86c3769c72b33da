package gov.suggestions.workflow.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.suggestions.workflow.service.Caller;
import gov.suggestions.workflow.service.CaseCommands;
import gov.suggestions.workflow.service.CaseCommunications;
import gov.suggestions.workflow.domain.Limits;

/**
 * A communication that served several cases at once (one symposium 座谈会 for several suggestions of the unit):
 * recorded once, linked to each case. The common error responses are added by {@link CommonErrorsFilter}.
 */
@Path("/api/v1/communications")
@Tag(name = "Cases")
@Produces(MediaType.APPLICATION_JSON)
public class CommunicationResource {

    private final CaseCommunications service;
    private final CallerFactory callers;

    public CommunicationResource(CaseCommunications service, CallerFactory callers) {
        this.service = service;
        this.callers = callers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Caller.HANDLER, Caller.UNIT_OFFICE })
    @Operation(summary = "Record one communication for several cases", description = "E.g. a symposium (座谈会) held once for several suggestions "
            + "of the caller's unit. Each listed case counts it as its communication (先沟通后答复), gets its own history entry and its own "
            + "case.communication-recorded.v1, all with the same communicationId and sharedCaseCount. All or nothing: a case not visible "
            + "to the caller answers 404 naming it, a case whose state does not allow a communication answers 409 naming it, and then "
            + "nothing is recorded for any case. At most " + CaseCommands.MAX_SHARED_CASES + " cases. No If-Match: the cases are locked "
            + "while the communication is added; the response gives each case's new version.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "symposium", value = """
            { "caseIds": ["7a1c2e4f-0b9d-4c1e-8f5a-2d3b4c5e6f70", "8b2d3f50-1cae-4d2f-9a6b-3e4c5d6f7081"],
              "kind": "SYMPOSIUM", "occurredAt": "2020-08-20T15:00:00+08:00",
              "participants": [ { "name": "王副局长", "title": "副局长", "leader": true }, { "name": "李某", "title": "处长", "leader": false } ],
              "summary": "在政务服务大厅召开座谈会,逐件沟通办理思路", "deputyViews": "希望加快数据共享和审批便民化进度" }""")))
    @APIResponse(responseCode = "201", description = "Recorded once and linked to every listed case", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CaseResponses.SharedCommunicationView.class), examples = @ExampleObject(name = "recorded", value = """
                    { "id": "3c1d2e4f-0b9d-4c1e-8f5a-2d3b4c5e6f71", "kind": "SYMPOSIUM", "occurredAt": "2020-08-20T15:00:00+08:00",
                      "participants": [ { "name": "王副局长", "title": "副局长", "leader": true } ],
                      "summary": "在政务服务大厅召开座谈会,逐件沟通办理思路", "deputyViews": "希望加快数据共享和审批便民化进度",
                      "recordedBy": "handler-1", "sharedCaseCount": 2,
                      "cases": [ { "id": "7a1c2e4f-0b9d-4c1e-8f5a-2d3b4c5e6f70", "number": "20200055", "unitCode": "sz-zsj", "state": "COMMUNICATING", "round": 1, "version": 3 },
                                 { "id": "8b2d3f50-1cae-4d2f-9a6b-3e4c5d6f7081", "number": "20200226", "unitCode": "sz-zsj", "state": "COMMUNICATING", "round": 1, "version": 4 } ] }""")))
    @IdempotentCreate
    @Parameter(in = org.eclipse.microprofile.openapi.annotations.enums.ParameterIn.HEADER, name = "Idempotency-Key", description = IdempotentCreate.HEADER_DOC,
            example = "c2f6a1d4-symposium-0820", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, pattern = "^[\\x21-\\x7e]{8,100}$",
                    minLength = Limits.IDEMPOTENCY_KEY_MIN, maxLength = Limits.IDEMPOTENCY_KEY))
    @APIResponse(responseCode = "422", description = IdempotentCreate.REUSED_DOC, content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(ref = "#/components/schemas/Problem"), examples = @ExampleObject(name = "key reused", value = IdempotentCreate.REUSED_EXAMPLE)))
    public Response record(@Valid @NotNull CaseCommands.RecordSharedCommunication request) {
        return Response.status(201).entity(CaseResponses.SharedCommunicationView.of(service.recordSharedCommunication(callers.current(), request)))
                .build();
    }
}
