package gov.suggestions.workflow.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.suggestions.workflow.domain.CaseState;
import gov.suggestions.workflow.service.Caller;
import gov.suggestions.workflow.service.CaseCommands;
import gov.suggestions.workflow.service.CaseService;
import gov.suggestions.workflow.service.CaseCommunications;
import gov.suggestions.workflow.service.CaseSteps;
import gov.suggestions.workflow.domain.Limits;
import gov.suggestions.workflow.service.ReplyLetterDocument;
import gov.suggestions.workflow.service.Supervision;

/**
 * The handling case. Every state change needs {@code If-Match} with the case's ETag; the
 * common error responses (401, 403, 404, 409, 412, 428) are added to each operation by
 * {@link CommonErrorsFilter}. Over 400 lines because each operation carries its OpenAPI description and examples
 * (the contract the tests validate against); the methods themselves are a line or two each, calling the services.
 */
@Path("/api/v1/cases")
@Tag(name = "Cases", description = "One unit's handling of one suggestion: distribution, communication, drafts, review, reply, evaluation, conclusion")
@Produces(MediaType.APPLICATION_JSON)
public class CaseResource {

    static final String UNIT_ROLES_DOC = "unit-office, unit-leader, handler of the case's unit";

    static final String CASE_EXAMPLE = """
            { "id": "7a1c2e4f-0b9d-4c1e-8f5a-2d3b4c5e6f70", "suggestionId": "0b5d1f0e-6a43-4c55-9d2e-1c9f3a7b8e21",
              "congressBody": "shenzhen-npc", "number": "20200055", "kind": "SUGGESTION", "title": "关于加快推进政务数据共享的建议",
              "year": 2020, "supervisionLevel": "ORDINARY", "priority": "ORDINARY",
              "leadDeputy": { "id": "D-0117", "name": "王某某" }, "unitCode": "sz-zsj", "unitName": "深圳市政务服务数据管理局",
              "role": "LEAD", "state": "DISTRIBUTED", "assignedOn": "2020-05-20", "dueOn": "2020-08-20", "round": 1,
              "distribution": { "leaderInCharge": "王副局长", "leaderInChargeId": "wang-fujuzhang", "leadHandler": null, "undertakingDepartment": "数据资源处",
                                "assistingDepartments": ["政务服务处"], "responsiblePerson": "李某", "internalDeadline": "2020-07-31" },
              "review": { "chain": ["DEPARTMENT_HEAD", "LEADER_IN_CHARGE", "PRINCIPAL_LEADER", "OFFICE_CHECK"], "currentStep": null, "complete": false },
              "communicationsThisRound": 0,
              "jointUnits": [ { "unitCode": "sz-fgw", "unitName": "深圳市发展和改革委员会", "state": "OPINION_SENT", "dueOn": "2020-06-20",
                                "opinion": "我委支持……", "sentAt": "2020-06-15T10:00:00+08:00", "onTime": true, "late": false, "daysLate": 0 } ],
              "replies": [], "evaluations": [], "openedAt": "2020-05-20T09:00:00+08:00", "updatedAt": "2020-05-21T10:00:00+08:00", "version": 1 }""";

    static final String NOT_YOURS_EXAMPLE = """
            { "type": "urn:gov-suggestions:problem:not-yours", "title": "此步骤不属于您", "status": 403,
              "detail": "当前审核环节 LEADER_IN_CHARGE 须由指定的 wang-fujuzhang 本人决定", "instance": "/api/v1/cases/7a1c2e4f-0b9d-4c1e-8f5a-2d3b4c5e6f70/review-decisions" }""";

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final CaseService service;
    private final CaseSteps steps;
    private final CaseCommunications communications;
    private final CallerFactory callers;
    private final ReplyLetterDocument letterDocument;
    private final Supervision supervision;
    private final gov.suggestions.workflow.service.PublicReplies publicReplies;
    private final IfMatch preconditions;

    public CaseResource(CaseService service, CaseSteps steps, CaseCommunications communications, CallerFactory callers, ReplyLetterDocument letterDocument, Supervision supervision,
            gov.suggestions.workflow.service.PublicReplies publicReplies, IfMatch preconditions) {
        this.preconditions = preconditions;
        this.publicReplies = publicReplies;
        this.supervision = supervision;
        this.service = service;
        this.steps = steps;
        this.communications = communications;
        this.callers = callers;
        this.letterDocument = letterDocument;
    }

    @GET
    @Path("{id}/reply-letter")
    @Produces(DOCX)
    @RolesAllowed({ Caller.UNIT_OFFICE, Caller.UNIT_LEADER, Caller.HANDLER, Caller.CONGRESS_OFFICE, Caller.GOV_SUPERVISOR, Caller.SYSTEM, Caller.DEPUTY })
    @Operation(summary = "Download the reply letter (.docx)", description = "The latest issued reply letter as a Word document: document number, addressee, body, result category, commitments, contacts, unit, date and the copies to the congress office and the government office.")
    @APIResponse(responseCode = "200", description = "The letter", headers = @Header(name = "Content-Disposition", description = "attachment; filename=<document number>.docx"),
            content = @Content(mediaType = DOCX, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary",
                    maxLength = Limits.REPLY_LETTER_BYTES, description = "At most " + Limits.REPLY_LETTER_BYTES + " bytes")))
    public Response replyLetter(@PathParam("id") UUID id) {
        java.util.Map.Entry<gov.suggestions.workflow.domain.HandlingCase, gov.suggestions.workflow.domain.ReplyLetter> letter =
                service.latestLetter(id, callers.current());
        String filename = java.net.URLEncoder.encode(letter.getValue().documentNumber + ".docx", java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
        return Response.ok(letterDocument.write(letter.getKey(), letter.getValue()), DOCX)
                .header("Content-Disposition", "attachment; filename=\"reply-letter.docx\"; filename*=UTF-8''" + filename).build();
    }

    @Schema(name = "PublicationWithdrawalRequest", description = "Withdraw the published reply letter (撤回公开)")
    public record WithdrawalRequest(@jakarta.validation.constraints.NotBlank @Size(max = Limits.TEXT)
            @Schema(description = "Why the letter is no longer public", examples = "答复内容涉及尚未公开的规划信息") String reason) {
    }

    @Schema(name = "PublicationWithdrawal", description = "The withdrawn publication")
    public record WithdrawalView(UUID publicationId, @Schema(maxLength = Limits.DOCUMENT_NUMBER) String documentNumber,
            @Schema(minimum = "1", maximum = "" + Limits.MAX_ROUNDS) int round, java.time.OffsetDateTime withdrawnAt,
            @Schema(maxLength = Limits.SUBJECT) String withdrawnBy, @Schema(maxLength = Limits.TEXT) String reason) {
    }

    @POST
    @Path("{id}/reply-letter/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Caller.UNIT_OFFICE, Caller.CONGRESS_OFFICE })
    @Operation(operationId = "withdrawReplyPublication", summary = "Withdraw the published reply letter (撤回公开)",
            description = "The unit office of the case's unit or the congress office of its body withdraws the publication of the case's latest published reply letter, with a reason: "
                    + "from then on /api/v1/public/replies answers 404 for it and leaves it out of its list. 409 when no letter of the case is published (none issued, "
                    + "none with disclosure PUBLIC, or all already withdrawn). Recorded in the case's history (WITHDRAW_PUBLICATION); the case's state stays.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "withdrawal",
            value = "{ \"reason\": \"答复内容涉及尚未公开的规划信息\" }")))
    @APIResponse(responseCode = "200", description = "Withdrawn", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WithdrawalView.class), examples = @ExampleObject(name = "withdrawn", value = """
                    { "publicationId": "3f0c9a8e-2b1d-4c5e-9f7a-6b5c4d3e2f10", "documentNumber": "深政数函〔2020〕1号", "round": 1,
                      "withdrawnAt": "2020-07-25T10:00:00+08:00", "withdrawnBy": "office-sz-zsj", "reason": "答复内容涉及尚未公开的规划信息" }""")))
    public WithdrawalView withdrawPublication(@PathParam("id") UUID id, @jakarta.validation.Valid @NotNull WithdrawalRequest request) {
        gov.suggestions.workflow.service.PublicReplies.Withdrawal w = publicReplies.withdraw(id, callers.current(), request.reason());
        return new WithdrawalView(w.publicationId(), w.documentNumber(), w.round(), CaseResponses.at(w.withdrawnAt()), w.withdrawnBy(), w.reason());
    }

    @GET
    @RolesAllowed({ Caller.UNIT_OFFICE, Caller.UNIT_LEADER, Caller.HANDLER, Caller.CONGRESS_OFFICE, Caller.GOV_SUPERVISOR, Caller.SYSTEM, Caller.DEPUTY })
    @Operation(summary = "List cases", description = "The cases the caller may see (own unit, own congress body, own suggestions as a deputy; supervisors all), ordered by deadline.")
    @APIResponse(responseCode = "200", description = "A page of cases", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CaseResponses.CasePage.class), examples = @ExampleObject(name = "page", value = """
                    { "items": [ { "id": "7a1c2e4f-0b9d-4c1e-8f5a-2d3b4c5e6f70", "suggestionId": "0b5d1f0e-6a43-4c55-9d2e-1c9f3a7b8e21",
                      "number": "20200055", "title": "关于加快推进政务数据共享的建议", "unitCode": "sz-zsj", "role": "LEAD",
                      "state": "ASSIGNED", "dueOn": "2020-08-20", "round": 1 } ], "total": 1, "page": 0, "size": 20 }""")))
    public CaseResponses.CasePage list(@Parameter(description = "Only cases in this state") @QueryParam("state") CaseState state,
            @Parameter(description = "Only the cases of this suggestion") @QueryParam("suggestionId") UUID suggestionId,
            @Parameter(description = "Only this unit's cases", example = "sz-zsj") @QueryParam("unitCode") @Size(max = Limits.UNIT_CODE) @jakarta.validation.constraints.Pattern(regexp = Limits.UNIT_CODE_PATTERN) String unitCode,
            @Parameter(description = "Page, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Limits.MAX_PAGE) int page,
            @Parameter(description = "Page size, at most " + Limits.PAGE_SIZE) @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Limits.PAGE_SIZE) int size) {
        CaseService.Page<gov.suggestions.workflow.domain.HandlingCase> result = service.list(callers.current(), state, suggestionId, unitCode, page, size);
        return new CaseResponses.CasePage(result.items().stream().map(CaseResponses.CaseSummary::of).toList(), result.total(), page, size);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Caller.UNIT_OFFICE, Caller.UNIT_LEADER, Caller.HANDLER, Caller.CONGRESS_OFFICE, Caller.GOV_SUPERVISOR, Caller.SYSTEM, Caller.DEPUTY })
    @Operation(summary = "Read a case", description = "The case with its distribution, review chain, joint units' opinions (LEAD), replies and evaluations. The ETag is what state changes send back in If-Match.")
    @APIResponse(responseCode = "200", description = "The case", headers = @Header(name = "ETag", description = "The case's version"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseResponses.CaseResponse.class),
                    examples = @ExampleObject(name = "case", value = CASE_EXAMPLE)))
    public Response get(@PathParam("id") UUID id) {
        return ok(service.get(id, callers.current()), 200);
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({ Caller.UNIT_OFFICE, Caller.UNIT_LEADER, Caller.HANDLER, Caller.CONGRESS_OFFICE, Caller.GOV_SUPERVISOR, Caller.SYSTEM })
    @Operation(summary = "Read a case's history", description = "Every transition with actor, time, comment and the hash chain linking the entries, "
            + "in order from `fromSeq`: at most " + Limits.HISTORY_PAGE + " entries per answer; when an answer is full, ask again with `fromSeq` "
            + "one past its last `seq`.")
    @APIResponse(responseCode = "200", description = "The entries in order, at most " + Limits.HISTORY_PAGE, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CaseResponses.HistoryEntry.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY, maxItems = Limits.HISTORY_PAGE),
            examples = @ExampleObject(name = "history", value = """
                    [ { "seq": 1, "action": "OPEN", "fromState": null, "toState": "ASSIGNED", "actor": "system",
                        "occurredAt": "2020-05-20T09:00:00+08:00", "comment": "交办", "detail": "{\\"dueOn\\":\\"2020-08-20\\"}",
                        "prevHash": "0000000000000000000000000000000000000000000000000000000000000000",
                        "hash": "9f2c4b1e0d7a6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3" } ]""")))
    public List<CaseResponses.HistoryEntry> history(@PathParam("id") UUID id,
            @Parameter(description = "The first entry wanted (its seq); the answer holds at most " + Limits.HISTORY_PAGE + " entries from it")
            @QueryParam("fromSeq") @DefaultValue("1") @Min(1) @Max(Integer.MAX_VALUE) int fromSeq) {
        return service.history(id, callers.current(), fromSeq, Limits.HISTORY_PAGE).stream().map(CaseResponses.HistoryEntry::of).toList();
    }

    @GET
    @Path("{id}/history/verification")
    @RolesAllowed({ Caller.UNIT_OFFICE, Caller.UNIT_LEADER, Caller.HANDLER, Caller.CONGRESS_OFFICE, Caller.GOV_SUPERVISOR, Caller.SYSTEM })
    @Operation(summary = "Verify a case's history", description = "Recomputes the SHA-256 chain and names the first entry that was altered, removed or cut off.")
    @APIResponse(responseCode = "200", description = "The verification result", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CaseResponses.Verification.class), examples = {
                    @ExampleObject(name = "valid", value = """
                            { "caseId": "7a1c2e4f-0b9d-4c1e-8f5a-2d3b4c5e6f70", "valid": true, "entries": 5,
                              "headHash": "9f2c4b1e0d7a6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3" }"""),
                    @ExampleObject(name = "broken", value = """
                            { "caseId": "7a1c2e4f-0b9d-4c1e-8f5a-2d3b4c5e6f70", "valid": false, "entries": 5, "firstBrokenSeq": 3,
                              "reason": "entry 3 was altered after it was written" }""") }))
    public CaseResponses.Verification verify(@PathParam("id") UUID id) {
        return CaseResponses.Verification.of(id, service.verify(id, callers.current()));
    }

    @GET
    @Path("{id}/communications")
    @RolesAllowed({ Caller.UNIT_OFFICE, Caller.UNIT_LEADER, Caller.HANDLER, Caller.CONGRESS_OFFICE, Caller.GOV_SUPERVISOR, Caller.SYSTEM })
    @Operation(summary = "List the communications with the deputy", description = "Every recorded contact, in time order, over all rounds "
            + "(a case takes at most " + Limits.COMMUNICATIONS_PER_CASE + ").")
    @APIResponse(responseCode = "200", description = "The communications", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CaseResponses.CommunicationView.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY, maxItems = Limits.COMMUNICATIONS_PER_CASE),
            examples = @ExampleObject(name = "communications", value = """
                    [ { "id": "3c1d2e4f-0b9d-4c1e-8f5a-2d3b4c5e6f71", "round": 1, "kind": "PHONE", "occurredAt": "2020-06-10T15:00:00+08:00",
                        "participants": [ { "name": "王副局长", "title": "副局长", "leader": true } ],
                        "summary": "电话沟通办理思路", "deputyViews": "希望加快进度", "recordedBy": "handler-1" } ]""")))
    public List<CaseResponses.CommunicationView> communications(@PathParam("id") UUID id) {
        return service.communications(id, callers.current()).stream().map(c -> CaseResponses.CommunicationView.of(c)).toList();
    }

    @GET
    @Path("{id}/drafts")
    @RolesAllowed({ Caller.UNIT_OFFICE, Caller.UNIT_LEADER, Caller.HANDLER })
    @Operation(summary = "List the draft versions", description = "Every saved version with what changed from the one before, for reviewers "
            + "(a case takes at most " + Limits.DRAFTS_PER_CASE + " versions).")
    @APIResponse(responseCode = "200", description = "The versions", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CaseResponses.DraftView.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY, maxItems = Limits.DRAFTS_PER_CASE),
            examples = @ExampleObject(name = "drafts", value = """
                    [ { "version": 2, "round": 1, "category": "B", "content": "……", "commitments": [], "contacts": [],
                        "changes": [ { "field": "category", "before": "C", "after": "B" } ], "createdBy": "handler-1",
                        "createdAt": "2020-07-01T10:00:00+08:00" } ]""")))
    public List<CaseResponses.DraftView> drafts(@PathParam("id") UUID id) {
        return service.drafts(id, callers.current()).stream().map(d -> CaseResponses.DraftView.of(d)).toList();
    }

    @POST
    @Path("{id}/distribution")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.UNIT_OFFICE)
    @Operation(summary = "Distribute the case (分办)", description = "The unit office names the leader in charge (with the person id, the token subject, that decides the LEADER_IN_CHARGE review step), optionally the department head's person id (decides DEPARTMENT_HEAD), the undertaking and assisting departments, the responsible person and the internal deadline. A key supervised suggestion must name a leader as lead handler, with name and person id (400 otherwise). "
            + "distributedOn is the day of the distribution (today when absent): 400 naming it when in the future or before the assignment.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "distribution", value = """
            { "leaderInCharge": "王副局长", "leaderInChargeId": "wang-fujuzhang", "leadHandler": "王副局长", "leadHandlerId": "wang-fujuzhang",
              "departmentHeadId": "li-chuzhang", "undertakingDepartment": "数据资源处",
              "assistingDepartments": ["政务服务处"], "responsiblePerson": "李某", "internalDeadline": "2020-07-31", "distributedOn": "2020-05-25",
              "comment": "请抓紧办理" }""")))
    @APIResponse(responseCode = "200", description = "Distributed", headers = @Header(name = "ETag", description = "The case's new version"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseResponses.CaseResponse.class),
                    examples = @ExampleObject(name = "case", value = CASE_EXAMPLE)))
    public Response distribute(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) @Size(max = Limits.IF_MATCH) String ifMatch,
            @Valid @NotNull CaseCommands.Distribute request) {
        return ok(steps.distribute(id, callers.current(), expected(id, ifMatch), request), 200);
    }

    @POST
    @Path("{id}/communications")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Caller.HANDLER, Caller.UNIT_OFFICE })
    @Operation(summary = "Record a communication with the deputy", description = "Phone, meeting, on-site investigation, symposium, visit or draft consultation, with participants (leaders flagged), summary and the deputy's views. "
            + "A case takes at most " + Limits.COMMUNICATIONS_PER_CASE + " communications (409 beyond).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "phone", value = """
            { "kind": "PHONE", "occurredAt": "2020-06-10T15:00:00+08:00",
              "participants": [ { "name": "王副局长", "title": "副局长", "leader": true }, { "name": "李某", "title": "处长", "leader": false } ],
              "summary": "电话沟通办理思路,告知分管领导、处长和经办人联系方式", "deputyViews": "希望加快数据共享进度" }""")))
    @APIResponse(responseCode = "200", description = "Recorded", headers = @Header(name = "ETag", description = "The case's new version"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseResponses.CaseResponse.class),
                    examples = @ExampleObject(name = "case", value = CASE_EXAMPLE)))
    @IdempotentCreate
    @Parameter(in = org.eclipse.microprofile.openapi.annotations.enums.ParameterIn.HEADER, name = "Idempotency-Key", description = IdempotentCreate.HEADER_DOC,
            example = "c2f6a1d4-symposium-0820", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, pattern = "^[\\x21-\\x7e]{8,100}$",
                    minLength = Limits.IDEMPOTENCY_KEY_MIN, maxLength = Limits.IDEMPOTENCY_KEY))
    @APIResponse(responseCode = "422", description = IdempotentCreate.REUSED_DOC, content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(ref = "#/components/schemas/Problem"), examples = @ExampleObject(name = "key reused", value = IdempotentCreate.REUSED_EXAMPLE)))
    public Response communicate(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) @Size(max = Limits.IF_MATCH) String ifMatch,
            @Valid @NotNull CaseCommands.RecordCommunication request) {
        return ok(communications.recordCommunication(id, callers.current(), expected(id, ifMatch), request), 200);
    }

    @POST
    @Path("{id}/drafts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Caller.HANDLER, Caller.UNIT_OFFICE })
    @Operation(summary = "Save a new draft version", description = "Of the reply (result category required; B needs commitments) or, for a JOINT case, of the opinion. Earlier versions are kept; "
            + "a case takes at most " + Limits.DRAFTS_PER_CASE + " versions (409 beyond).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "draft", value = """
            { "category": "B", "content": "王某某代表:您提出的关于加快推进政务数据共享的建议收悉,现答复如下……",
              "commitments": [ { "measure": "年内上线政务数据共享平台二期", "owner": "数据资源处", "targetDate": "2020-12-31" } ],
              "contacts": [ { "name": "李某", "title": "数据资源处处长", "phone": "0755-88100000" } ] }""")))
    @APIResponse(responseCode = "201", description = "Saved", headers = @Header(name = "ETag", description = "The case's new version"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseResponses.DraftView.class),
                    examples = @ExampleObject(name = "draft", value = """
                            { "version": 1, "round": 1, "category": "B", "content": "……", "commitments": [], "contacts": [], "changes": [],
                              "createdBy": "handler-1", "createdAt": "2020-07-01T10:00:00+08:00" }""")))
    @IdempotentCreate
    @Parameter(in = org.eclipse.microprofile.openapi.annotations.enums.ParameterIn.HEADER, name = "Idempotency-Key", description = IdempotentCreate.HEADER_DOC,
            example = "c2f6a1d4-symposium-0820", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, pattern = "^[\\x21-\\x7e]{8,100}$",
                    minLength = Limits.IDEMPOTENCY_KEY_MIN, maxLength = Limits.IDEMPOTENCY_KEY))
    @APIResponse(responseCode = "422", description = IdempotentCreate.REUSED_DOC, content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(ref = "#/components/schemas/Problem"), examples = @ExampleObject(name = "key reused", value = IdempotentCreate.REUSED_EXAMPLE)))
    public Response saveDraft(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) @Size(max = Limits.IF_MATCH) String ifMatch,
            @Valid @NotNull CaseCommands.SaveDraft request) {
        CaseSteps.DraftSaved saved = steps.saveDraft(id, callers.current(), expected(id, ifMatch), request);
        return Response.status(201).tag(Long.toString(saved.caseVersion())).entity(CaseResponses.DraftView.of(saved.draft())).build();
    }

    @POST
    @Path("{id}/draft-submission")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Caller.HANDLER, Caller.UNIT_OFFICE })
    @Operation(summary = "Submit the latest draft for review", description = "409 without a communication with the deputy in this round (先沟通后答复) and, for a LEAD case, while a joint unit has neither answered nor passed its deadline.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "submit", value = "{ \"comment\": \"请审核\" }")))
    @APIResponse(responseCode = "200", description = "Under review", headers = @Header(name = "ETag", description = "The case's new version"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseResponses.CaseResponse.class),
                    examples = @ExampleObject(name = "case", value = CASE_EXAMPLE)))
    public Response submit(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) @Size(max = Limits.IF_MATCH) String ifMatch, @Valid CaseCommands.Remark request) {
        return ok(steps.submitDraft(id, callers.current(), expected(id, ifMatch), request), 200);
    }

    @POST
    @Path("{id}/review-decisions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Caller.UNIT_LEADER, Caller.UNIT_OFFICE })
    @Operation(summary = "Decide the current review step", description = "Approve (the next step of the unit's chain decides next) or return with comments to drafting. Leader steps are decided by unit-leader, the office check by unit-office; a step that belongs to a person is decided by that person only (token subject): LEADER_IN_CHARGE by the leaderInChargeId named at distribution, DEPARTMENT_HEAD by the departmentHeadId when one was named, PRINCIPAL_LEADER by the unit's configured principal leader when one is set. Anyone else answers 403 (problem type not-yours) naming the step.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "approve", value = "{ \"decision\": \"APPROVE\", \"comment\": \"同意\" }"),
            @ExampleObject(name = "return", value = "{ \"decision\": \"RETURN\", \"comment\": \"请补充具体措施和时间表\" }") }))
    @APIResponse(responseCode = "200", description = "Decided", headers = @Header(name = "ETag", description = "The case's new version"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseResponses.CaseResponse.class),
                    examples = @ExampleObject(name = "case", value = CASE_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "The caller's role may not do this, or the step belongs to another person (problem type not-yours, naming the step or the person)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "#/components/schemas/Problem"), examples = @ExampleObject(name = "not yours", value = NOT_YOURS_EXAMPLE)))
    public Response decide(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) @Size(max = Limits.IF_MATCH) String ifMatch,
            @Valid @NotNull CaseCommands.DecideReview request) {
        return ok(steps.decideReview(id, callers.current(), expected(id, ifMatch), request), 200);
    }

    @POST
    @Path("{id}/reply")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.UNIT_OFFICE)
    @Operation(summary = "Issue the reply letter (函复)", description = "After the whole review chain approved: the letter takes the next document number of the unit's sequence of the year of issuedOn (成文日期, today when absent) and is flagged on time comparing issuedOn with the deadline in force. "
            + "400 naming issuedOn when it is in the future, before the distribution (after a re-handling: before the evaluation that started it) or before every communication with the deputy of this round (先沟通后答复).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "issue", value = "{ \"disclosure\": \"PUBLIC\", \"issuedOn\": \"2020-07-20\" }")))
    @APIResponse(responseCode = "200", description = "Replied", headers = @Header(name = "ETag", description = "The case's new version"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseResponses.CaseResponse.class),
                    examples = @ExampleObject(name = "case", value = CASE_EXAMPLE)))
    public Response reply(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) @Size(max = Limits.IF_MATCH) String ifMatch,
            @Valid @NotNull CaseCommands.IssueReply request) {
        return ok(steps.issueReply(id, callers.current(), expected(id, ifMatch), request), 200);
    }

    @POST
    @Path("{id}/opinion")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.UNIT_OFFICE)
    @Operation(summary = "Send the joint opinion to the lead unit", description = "JOINT cases, after the (shorter) review chain approved; flagged on time comparing sentOn (today when absent) with the joint deadline. 400 naming sentOn when it is in the future or before the distribution.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "send", value = "{ \"sentOn\": \"2020-06-20\", \"comment\": \"会办意见已报主办单位\" }")))
    @APIResponse(responseCode = "200", description = "Sent", headers = @Header(name = "ETag", description = "The case's new version"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseResponses.CaseResponse.class),
                    examples = @ExampleObject(name = "case", value = CASE_EXAMPLE)))
    public Response opinion(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) @Size(max = Limits.IF_MATCH) String ifMatch, @Valid CaseCommands.SendOpinion request) {
        return ok(steps.sendOpinion(id, callers.current(), expected(id, ifMatch), request), 200);
    }

    @POST
    @Path("{id}/evaluation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.DEPUTY)
    @Operation(summary = "Evaluate the reply (deputy)", description = "Only the deputy who leads the suggestion. Unsatisfied starts a re-handling with a new deadline (default one month after evaluatedOn). "
            + "evaluatedOn (today when absent): 400 naming it when in the future or before the reply's issue date; 409 when it is after the evaluation window (counted from the reply's issue date).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "evaluation", value = """
            { "result": "SATISFIED", "comments": "答复认真,措施具体", "communicationRating": "SATISFIED", "resultRating": "BASICALLY_SATISFIED",
              "evaluatedOn": "2020-08-01" }""")))
    @APIResponse(responseCode = "200", description = "Evaluated", headers = @Header(name = "ETag", description = "The case's new version"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseResponses.CaseResponse.class),
                    examples = @ExampleObject(name = "case", value = CASE_EXAMPLE)))
    @APIResponse(responseCode = "403", description = "The caller's role may not do this, or the step belongs to another person (problem type not-yours, naming the step or the person)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "#/components/schemas/Problem"), examples = @ExampleObject(name = "not yours", value = NOT_YOURS_EXAMPLE)))
    public Response evaluate(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) @Size(max = Limits.IF_MATCH) String ifMatch,
            @Valid @NotNull CaseCommands.Evaluate request) {
        return ok(steps.evaluate(id, callers.current(), expected(id, ifMatch), request), 200);
    }

    @POST
    @Path("{id}/conclusion")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.UNIT_OFFICE)
    @Operation(summary = "Conclude the case (办结)", description = "After the evaluation, after the evaluation window passed without one (recorded as not evaluated), or after a joint opinion was sent. "
            + "concludedOn (today when absent): 400 naming it when in the future or before the evaluation, the reply (not evaluated: before the window ended) or the joint opinion.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "conclude", value = "{ \"concludedOn\": \"2020-08-25\", \"comment\": \"办结\" }")))
    @APIResponse(responseCode = "200", description = "Concluded", headers = @Header(name = "ETag", description = "The case's new version"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseResponses.CaseResponse.class),
                    examples = @ExampleObject(name = "case", value = CASE_EXAMPLE)))
    public Response conclude(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) @Size(max = Limits.IF_MATCH) String ifMatch, @Valid CaseCommands.Conclude request) {
        return ok(steps.conclude(id, callers.current(), expected(id, ifMatch), request), 200);
    }

    @POST
    @Path("{id}/chases")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Caller.CONGRESS_OFFICE, Caller.GOV_SUPERVISOR })
    @Tag(name = "Supervision")
    @Operation(summary = "Chase a case (催办)", description = "Recorded in the case's history and published as case.chased.v1; 409 when the case owes nothing any more.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "chase", value = "{ \"comment\": \"请于本周内报送答复稿\" }")))
    @APIResponse(responseCode = "201", description = "Chased", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CaseResponses.CaseSummary.class), examples = @ExampleObject(name = "chased", value = """
                    { "id": "7a1c2e4f-0b9d-4c1e-8f5a-2d3b4c5e6f70", "suggestionId": "0b5d1f0e-6a43-4c55-9d2e-1c9f3a7b8e21",
                      "number": "20200055", "title": "关于加快推进政务数据共享的建议", "unitCode": "sz-zsj", "role": "SOLE",
                      "state": "DRAFTING", "dueOn": "2020-08-20", "round": 1 }""")))
    @IdempotentCreate
    @Parameter(in = org.eclipse.microprofile.openapi.annotations.enums.ParameterIn.HEADER, name = "Idempotency-Key", description = IdempotentCreate.HEADER_DOC,
            example = "c2f6a1d4-symposium-0820", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, pattern = "^[\\x21-\\x7e]{8,100}$",
                    minLength = Limits.IDEMPOTENCY_KEY_MIN, maxLength = Limits.IDEMPOTENCY_KEY))
    @APIResponse(responseCode = "422", description = IdempotentCreate.REUSED_DOC, content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(ref = "#/components/schemas/Problem"), examples = @ExampleObject(name = "key reused", value = IdempotentCreate.REUSED_EXAMPLE)))
    public Response chase(@PathParam("id") UUID id, @Valid @NotNull SupervisionResource.ChaseRequest request) {
        gov.suggestions.workflow.domain.HandlingCase c = supervision.chase(id, callers.current(), request.comment());
        return Response.status(201).tag(Long.toString(c.version)).entity(CaseResponses.CaseSummary.of(c)).build();
    }

    static final String EXTENSION_EXAMPLE = """
            { "id": "5d2e3f40-1a2b-4c3d-8e9f-0a1b2c3d4e5f", "caseId": "7a1c2e4f-0b9d-4c1e-8f5a-2d3b4c5e6f70",
              "currentDueOn": "2020-08-20", "requestedDueOn": "2020-09-20", "reason": "需等待市级数据共享平台升级完成",
              "status": "PENDING", "requestedBy": "office-sz-zsj", "requestedAt": "2020-08-01T10:00:00+08:00",
              "decidedBy": null, "decisionComment": null }""";

    @POST
    @Path("{id}/extension-requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.UNIT_OFFICE)
    @Tag(name = "Supervision")
    @Operation(summary = "Request a deadline extension", description = "The unit office asks the congress office for a later deadline; one open request per case (409 otherwise, and when nothing is owed any more).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "request", value = """
            { "requestedDueOn": "2020-09-20", "reason": "需等待市级数据共享平台升级完成" }""")))
    @APIResponse(responseCode = "201", description = "Requested", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SupervisionResource.ExtensionView.class), examples = @ExampleObject(name = "pending", value = EXTENSION_EXAMPLE)))
    @IdempotentCreate
    @Parameter(in = org.eclipse.microprofile.openapi.annotations.enums.ParameterIn.HEADER, name = "Idempotency-Key", description = IdempotentCreate.HEADER_DOC,
            example = "c2f6a1d4-symposium-0820", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, pattern = "^[\\x21-\\x7e]{8,100}$",
                    minLength = Limits.IDEMPOTENCY_KEY_MIN, maxLength = Limits.IDEMPOTENCY_KEY))
    @APIResponse(responseCode = "422", description = IdempotentCreate.REUSED_DOC, content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(ref = "#/components/schemas/Problem"), examples = @ExampleObject(name = "key reused", value = IdempotentCreate.REUSED_EXAMPLE)))
    public Response requestExtension(@PathParam("id") UUID id, @Valid @NotNull SupervisionResource.ExtensionCreate request) {
        return Response.status(201).entity(SupervisionResource.ExtensionView.of(
                supervision.requestExtension(id, callers.current(), request.requestedDueOn(), request.reason()))).build();
    }

    @POST
    @Path("{id}/extension-requests/{requestId}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.CONGRESS_OFFICE)
    @Tag(name = "Supervision")
    @Operation(summary = "Decide an extension request", description = "The congress office approves (the case's deadline moves) or rejects; 409 when already decided.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "approve", value = """
            { "decision": "APPROVE", "comment": "同意延期" }""")))
    @APIResponse(responseCode = "200", description = "Decided", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SupervisionResource.ExtensionView.class), examples = @ExampleObject(name = "decided", value = EXTENSION_EXAMPLE)))
    public SupervisionResource.ExtensionView decideExtension(@PathParam("id") UUID id, @PathParam("requestId") UUID requestId,
            @Valid @NotNull SupervisionResource.ExtensionDecision request) {
        return SupervisionResource.ExtensionView.of(supervision.decideExtension(id, requestId, callers.current(),
                "APPROVE".equals(request.decision()), request.comment()));
    }

    static final String COMMITMENT_EXAMPLE = """
            { "id": "6e7f8a9b-0c1d-4e2f-8a3b-4c5d6e7f8a9b", "round": 1, "measure": "年内上线政务数据共享平台二期",
              "owner": "数据资源处", "targetDate": "2020-12-31", "status": "IN_PROGRESS",
              "progress": [ { "note": "共享平台二期已完成招标", "fulfilled": false, "reportedBy": "handler-1",
                              "reportedAt": "2020-09-30T10:00:00+08:00" } ] }""";

    @GET
    @Path("{id}/commitments")
    @RolesAllowed({ Caller.UNIT_OFFICE, Caller.UNIT_LEADER, Caller.HANDLER, Caller.CONGRESS_OFFICE, Caller.GOV_SUPERVISOR, Caller.SYSTEM, Caller.DEPUTY })
    @Operation(summary = "List the reply's commitments", description = "The measures promised in issued replies (category B) with their progress until fulfilled "
            + "(at most " + Limits.COMMITMENTS + " per letter, one letter per round).")
    @APIResponse(responseCode = "200", description = "The commitments", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CaseResponses.CommitmentView.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY, maxItems = Limits.COMMITMENTS_PER_CASE),
            examples = @ExampleObject(name = "commitments", value = "[" + COMMITMENT_EXAMPLE + "]")))
    public List<CaseResponses.CommitmentView> commitments(@PathParam("id") UUID id) {
        return service.commitments(id, callers.current()).stream().map(CaseResponses.CommitmentView::of).toList();
    }

    @POST
    @Path("{id}/commitments/{commitmentId}/progress")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Caller.HANDLER, Caller.UNIT_OFFICE })
    @Operation(summary = "Report progress on a commitment", description = "Recorded in the history and published as case.commitment-updated.v1 for the deputy; `fulfilled` closes the commitment (409 afterwards). "
            + "A commitment takes at most " + Limits.PROGRESS_PER_COMMITMENT + " reports (409 beyond).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "progress", value = """
            { "note": "共享平台二期已完成招标", "fulfilled": false }""")))
    @APIResponse(responseCode = "201", description = "Reported", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CaseResponses.CommitmentView.class), examples = @ExampleObject(name = "commitment", value = COMMITMENT_EXAMPLE)))
    @IdempotentCreate
    @Parameter(in = org.eclipse.microprofile.openapi.annotations.enums.ParameterIn.HEADER, name = "Idempotency-Key", description = IdempotentCreate.HEADER_DOC,
            example = "c2f6a1d4-symposium-0820", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, pattern = "^[\\x21-\\x7e]{8,100}$",
                    minLength = Limits.IDEMPOTENCY_KEY_MIN, maxLength = Limits.IDEMPOTENCY_KEY))
    @APIResponse(responseCode = "422", description = IdempotentCreate.REUSED_DOC, content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(ref = "#/components/schemas/Problem"), examples = @ExampleObject(name = "key reused", value = IdempotentCreate.REUSED_EXAMPLE)))
    public Response reportProgress(@PathParam("id") UUID id, @PathParam("commitmentId") UUID commitmentId,
            @Valid @NotNull CaseResponses.ProgressRequest request) {
        return Response.status(201).entity(CaseResponses.CommitmentView.of(
                steps.reportProgress(id, commitmentId, callers.current(), request.note(), request.fulfilled()))).build();
    }

    static final String ASSISTING_EXAMPLE = """
            [ { "department": "政务服务处", "dueOn": "2020-06-21", "content": "我处建议将共享目录纳入平台二期",
                "submittedAt": "2020-06-15T10:00:00+08:00", "late": false } ]""";

    @GET
    @Path("{id}/assisting-opinions")
    @RolesAllowed({ Caller.UNIT_OFFICE, Caller.UNIT_LEADER, Caller.HANDLER })
    @Operation(summary = "List the assisting departments' opinions", description = "Each assisting department named at distribution, its written opinion (if any) and whether it is late (due one month after distribution).")
    @APIResponse(responseCode = "200", description = "The opinions", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CaseResponses.AssistingView.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY, maxItems = Limits.ASSISTING_DEPARTMENTS),
            examples = @ExampleObject(name = "opinions", value = ASSISTING_EXAMPLE)))
    public List<CaseResponses.AssistingView> assistingOpinions(@PathParam("id") UUID id) {
        return service.assistingOpinions(id, callers.current()).stream().map(CaseResponses.AssistingView::of).toList();
    }

    @POST
    @Path("{id}/assisting-opinions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Caller.HANDLER, Caller.UNIT_OFFICE })
    @Operation(summary = "Submit an assisting department's opinion", description = "Once per assisting department named at distribution (400 for another department, 409 for a second one or once the reply is out).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "opinion", value = """
            { "department": "政务服务处", "content": "我处建议将共享目录纳入平台二期" }""")))
    @APIResponse(responseCode = "201", description = "Submitted", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CaseResponses.AssistingView.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY, maxItems = Limits.ASSISTING_DEPARTMENTS),
            examples = @ExampleObject(name = "opinions", value = ASSISTING_EXAMPLE)))
    @IdempotentCreate
    @Parameter(in = org.eclipse.microprofile.openapi.annotations.enums.ParameterIn.HEADER, name = "Idempotency-Key", description = IdempotentCreate.HEADER_DOC,
            example = "c2f6a1d4-symposium-0820", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, pattern = "^[\\x21-\\x7e]{8,100}$",
                    minLength = Limits.IDEMPOTENCY_KEY_MIN, maxLength = Limits.IDEMPOTENCY_KEY))
    @APIResponse(responseCode = "422", description = IdempotentCreate.REUSED_DOC, content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(ref = "#/components/schemas/Problem"), examples = @ExampleObject(name = "key reused", value = IdempotentCreate.REUSED_EXAMPLE)))
    public Response submitAssistingOpinion(@PathParam("id") UUID id, @Valid @NotNull CaseResponses.AssistingRequest request) {
        return Response.status(201).entity(steps.submitAssistingOpinion(id, callers.current(), request.department(), request.content())
                .stream().map(CaseResponses.AssistingView::of).toList()).build();
    }

    /** The version the If-Match header names: 428 without one, 412 when it names another. */
    private long expected(UUID id, String ifMatch) {
        return preconditions.expectedVersion(ifMatch, () -> service.version(id, callers.current()));
    }

    private Response ok(CaseService.CaseDetails details, int status) {
        return Response.status(status).tag(Long.toString(details.handlingCase().version))
                .entity(CaseResponses.CaseResponse.of(details)).build();
    }
}
