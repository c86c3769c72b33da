package gov.suggestions.workflow.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.suggestions.workflow.service.Caller;
import gov.suggestions.workflow.service.CaseImports;
import gov.suggestions.workflow.service.ImportCommands;

/** Past and in-flight cases of a unit adopting the suite, with the steps they went through on the old platform. */
@Path("/api/v1/case-imports")
@Tag(name = "Case imports", description = "The steps of cases handled on a previous platform, imported with their real dates")
@Produces(MediaType.APPLICATION_JSON)
public class CaseImportResource {

    static final String REQUEST_EXAMPLE = """
            { "cases": [ { "sourceRecord": "old:2021/0001/sz-zsj", "suggestionNumber": "20210001", "unitCode": "sz-zsj", "steps": [
                { "step": "DISTRIBUTION", "actor": "办公室张某", "leaderInCharge": "王副局长", "leaderInChargeId": "wang-fujuzhang",
                  "undertakingDepartment": "数据资源处", "responsiblePerson": "李某", "internalDeadline": "2021-07-31", "distributedOn": "2021-05-12" },
                { "step": "COMMUNICATION", "actor": "李某", "kind": "PHONE", "occurredAt": "2021-05-20T10:00:00+08:00",
                  "participants": [ { "name": "王副局长", "title": "副局长", "leader": true } ], "summary": "电话沟通办理思路" },
                { "step": "EXTENSION", "actor": "办公室张某", "requestedDueOn": "2021-09-10", "reason": "需会同多个部门研究",
                  "requestedOn": "2021-06-01", "decidedOn": "2021-06-03" },
                { "step": "REPLY", "actor": "办公室张某", "category": "A", "content": "王某某代表:您提出的建议收悉……",
                  "disclosure": "PUBLIC", "issuedOn": "2021-06-20", "documentNumber": "深政数函〔2021〕12号" },
                { "step": "EVALUATION", "actor": "王某某", "result": "SATISFIED", "evaluatedOn": "2021-07-01" },
                { "step": "CONCLUSION", "actor": "办公室张某", "concludedOn": "2021-07-02" } ] } ] }""";

    static final String RESPONSE_EXAMPLE = """
            { "results": [
                { "index": 0, "sourceRecord": "old:2021/0001/sz-zsj", "caseId": "7a1c2e4f-0b9d-4c1e-8f5a-2d3b4c5e6f70", "outcome": "IMPORTED",
                  "stepsApplied": 5, "stepsUnchanged": 0, "field": null, "reason": null },
                { "index": 1, "sourceRecord": "old:2021/0002/sz-zsj", "caseId": "0c2d3e4f-0b9d-4c1e-8f5a-2d3b4c5e6f71", "outcome": "REJECTED",
                  "stepsApplied": 0, "stepsUnchanged": 0, "field": "steps[2].issuedOn", "reason": "issuedOn 2021-05-11 is before the distribution on 2021-05-12" },
                { "index": 2, "sourceRecord": "old:2021/0003/sz-zsj", "caseId": null, "outcome": "NOT_OPEN", "stepsApplied": 0, "stepsUnchanged": 0,
                  "field": null, "reason": "no case of suggestion 20210003 for unit sz-zsj yet (its assignment may not have arrived): retry later" } ] }""";

    static final String BAD_REQUEST = """
            { "type": "urn:gov-suggestions:problem:validation", "title": "请求数据无效", "status": 400,
              "detail": "cases: 个数必须在1和200之间", "instance": "/api/v1/case-imports",
              "violations": [ { "field": "cases", "message": "个数必须在1和200之间" } ] }""";

    static final String UNAUTHENTICATED = """
            { "type": "urn:gov-suggestions:problem:unauthenticated", "title": "未认证", "status": 401,
              "detail": "需要有效的 Bearer 令牌", "instance": "/api/v1/case-imports" }""";

    static final String FORBIDDEN = """
            { "type": "urn:gov-suggestions:problem:forbidden", "title": "无权访问", "status": 403,
              "detail": "您的角色不允许此操作", "instance": "/api/v1/case-imports" }""";

    private final CaseImports imports;
    private final CallerFactory callers;

    public CaseImportResource(CaseImports imports, CallerFactory callers) {
        this.imports = imports;
        this.callers = callers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.DATA_MIGRATOR)
    @Operation(operationId = "importCases", summary = "Import cases with the steps they went through",
            description = "For the data-migrator of a congress body (token claim congress_body): 1 to " + ImportCommands.MAX_CASES + " cases, each the case"
                    + " of a suggestion number of that body and a unit, opened by the suggestion's assignment, with the steps of the old platform in order"
                    + " (DISTRIBUTION, COMMUNICATION, JOINT_OPINION, REPLY, EVALUATION, CONCLUSION), each with its real date and who did it there."
                    + " Each step passes the transition table and rules of the live operation; a reply or joint opinion is drafted, submitted, approved"
                    + " by every review step and issued or sent. Each case is imported in its own transaction: a refused step (field and reason in the"
                    + " result) leaves that case as it was. A step imported before for the same case, source record and index with the same content is"
                    + " skipped (UNCHANGED); a different one is refused. History entries carry imported {by, sourceRecord, step}; events carry"
                    + " imported: true. 400 only for a malformed body (cases, sourceRecord, suggestionNumber, unitCode, steps, a step's kind).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "import", value = REQUEST_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "One result per case, in the order of the request",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportCommands.Results.class),
                    examples = @ExampleObject(name = "results", value = RESPONSE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The body is malformed (fields named in violations)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "#/components/schemas/Problem"),
                    examples = @ExampleObject(name = "validation", value = BAD_REQUEST)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "#/components/schemas/Problem"),
                    examples = @ExampleObject(name = "unauthenticated", value = UNAUTHENTICATED)))
    @APIResponse(responseCode = "403", description = "Not a data-migrator, or its token names no congress body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "#/components/schemas/Problem"),
                    examples = @ExampleObject(name = "forbidden", value = FORBIDDEN)))
    public ImportCommands.Results importCases(@Valid @NotNull ImportCommands.ImportCases request, @Context HttpHeaders headers) {
        return new ImportCommands.Results(imports.importAll(callers.current(), request, Problems.locale(headers)));
    }
}
