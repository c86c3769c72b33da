package gov.suggestions.suggestion.rest;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;


import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.suggestions.suggestion.domain.Limits;
import gov.suggestions.suggestion.domain.Suggestion;
import gov.suggestions.suggestion.domain.SuggestionState;
import gov.suggestions.suggestion.domain.SupervisionLevel;
import gov.suggestions.suggestion.domain.UnitRole;
import gov.suggestions.suggestion.domain.Page;
import gov.suggestions.suggestion.domain.SuggestionFilter;
import io.quarkus.panache.common.Sort;
import gov.suggestions.suggestion.service.Caller;
import gov.suggestions.suggestion.service.SimilarityService;
import gov.suggestions.suggestion.service.SuggestionService;

/**
 * Registering, reading, listing and withdrawing suggestions. Kept whole: four endpoints, about half of the length is
 * their OpenAPI description and examples.
 */
@Path("/api/v1/suggestions")
@Tag(name = "Suggestions", description = "Intake of deputies' suggestions and CPPCC proposals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SuggestionResource {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");


    static final String REGISTER_EXAMPLE = """
            {
              "congressBody": "shenzhen-npc",
              "number": "20200055",
              "kind": "SUGGESTION",
              "title": "关于加快推进政务数据共享的建议",
              "body": "建议进一步打通部门间数据壁垒,推动政务数据按需共享……",
              "leadDeputy": { "id": "D-0117", "name": "王某某", "delegation": "福田代表团" },
              "term": 6,
              "session": 8,
              "year": 2020,
              "submittedOn": "2020-05-10",
              "topics": ["数字政府", "政务数据共享"],
              "subjectCategory": "政务服务",
              "coSigners": [ { "id": "D-0200", "name": "李某某", "delegation": "南山代表团" } ],
              "supervisionLevel": "ORDINARY",
              "priority": "HOT"
            }""";

    static final String SUGGESTION_EXAMPLE = """
            {
              "id": "0b5d1f0e-6a43-4c55-9d2e-1c9f3a7b8e21",
              "congressBody": "shenzhen-npc",
              "number": "20200055",
              "kind": "SUGGESTION",
              "title": "关于加快推进政务数据共享的建议",
              "body": "建议进一步打通部门间数据壁垒,推动政务数据按需共享……",
              "topics": ["数字政府", "政务数据共享"],
              "subjectCategory": "政务服务",
              "leadDeputy": { "id": "D-0117", "name": "王某某", "delegation": "福田代表团" },
              "coSigners": [ { "id": "D-0200", "name": "李某某", "delegation": "南山代表团" } ],
              "term": 6,
              "session": 8,
              "year": 2020,
              "submittedOn": "2020-05-10",
              "supervisionLevel": "ORDINARY",
              "priority": "HOT",
              "state": "REGISTERED",
              "registeredAt": "2020-05-12T09:30:00+08:00",
              "caseProgress": [ { "caseId": "7a1c2e4f-0b9d-4c1e-8f5a-2d3b4c5e6f70", "unitCode": "sz-zsj", "role": "LEAD",
                                  "state": "DISTRIBUTED", "since": "2020-05-21T10:00:00+08:00" } ],
              "linkedSuggestions": [ { "id": "3e9a0c52-7d41-4f0b-8a6e-5c2d1b0a9f87", "number": "20200226", "title": "关于先行先试加快区块链产业发展的建议" } ],
              "similar": [ { "id": "3e9a0c52-7d41-4f0b-8a6e-5c2d1b0a9f87", "number": "20200226", "title": "关于先行先试加快区块链产业发展的建议",
                             "year": 2020, "score": 0.4512 } ],
              "version": 0
            }""";

    static final String VALIDATION_PROBLEM = """
            {
              "type": "urn:gov-suggestions:problem:validation",
              "title": "请求数据无效",
              "status": 400,
              "detail": "title: 不能为空",
              "instance": "/api/v1/suggestions",
              "violations": [ { "field": "title", "message": "不能为空" } ]
            }""";

    static final String DUPLICATE_PROBLEM = """
            {
              "type": "urn:gov-suggestions:problem:conflict",
              "title": "与当前状态冲突",
              "status": 409,
              "detail": "建议编号 20200055 已在 shenzhen-npc 登记",
              "instance": "/api/v1/suggestions",
              "violations": [ { "field": "number", "message": "建议编号 20200055 已在 shenzhen-npc 登记" } ]
            }""";

    static final String UNAUTHENTICATED_PROBLEM = """
            { "type": "urn:gov-suggestions:problem:unauthenticated", "title": "未认证", "status": 401,
              "detail": "需要有效的 Bearer 令牌", "instance": "/api/v1/suggestions" }""";

    static final String FORBIDDEN_PROBLEM = """
            { "type": "urn:gov-suggestions:problem:forbidden", "title": "无权访问", "status": 403,
              "detail": "您的角色不允许此操作", "instance": "/api/v1/suggestions" }""";

    static final String NOT_FOUND_PROBLEM = """
            { "type": "urn:gov-suggestions:problem:not-found", "title": "未找到", "status": 404,
              "detail": "没有您可查看的建议 0b5d1f0e-6a43-4c55-9d2e-1c9f3a7b8e21",
              "instance": "/api/v1/suggestions/0b5d1f0e-6a43-4c55-9d2e-1c9f3a7b8e21" }""";

    private final SuggestionService service;
    private final SimilarityService similarity;
    private final CallerFactory callers;
    private final IfMatch preconditions;

    public SuggestionResource(SuggestionService service, SimilarityService similarity, CallerFactory callers, IfMatch preconditions) {
        this.preconditions = preconditions;
        this.service = service;
        this.similarity = similarity;
        this.callers = callers;
    }

    @POST
    @RolesAllowed({ Caller.CONGRESS_OFFICE, Caller.SYSTEM })
    @Operation(summary = "Register a suggestion",
            description = "Registers one suggestion or proposal of a session and publishes `suggestion.submitted.v1`. "
                    + "With `includeSimilar=true` the answer's `similar` lists the most similar earlier suggestions of the congress body "
                    + "(this and the previous year; Chinese full text over title, topics and body, ranked), for the office to link (并案); "
                    + "without it `similar` is left out and `GET /api/v1/suggestions/{id}/similar` gives the same list later. "
                    + "(Ranking reads every suggestion of the two years that shares a word, so systems registering in bulk leave it off.) "
                    + "A congress office registers only for the congress body its token names. "
                    + "Send an `Idempotency-Key` so that a retry returns the first result instead of a duplicate.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RegisterSuggestionRequest.class),
            examples = @ExampleObject(name = "suggestion", value = REGISTER_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Registered (or the first result of this Idempotency-Key)",
            headers = { @Header(name = "Location", description = "URL of the suggestion"),
                    @Header(name = "ETag", description = "Version of the suggestion") },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SuggestionResponse.class),
                    examples = @ExampleObject(name = "registered", value = SUGGESTION_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, unknown field, wrong type or invalid value; every field at fault is listed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = VALIDATION_PROBLEM)))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "ForbiddenOutsideCongressBody")
    @APIResponse(responseCode = "409", description = "The number is already registered in this congress body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "duplicate number", value = DUPLICATE_PROBLEM)))
    @IdempotentCreate
    @Parameter(in = ParameterIn.HEADER, name = "Idempotency-Key", description = IdempotentCreate.HEADER_DOC, example = "c2f6a1d4-intake-20200055",
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, pattern = "^[\\x21-\\x7e]{8,100}$",
                    minLength = Limits.IDEMPOTENCY_KEY_MIN, maxLength = Limits.IDEMPOTENCY_KEY))
    @APIResponse(responseCode = "422", description = IdempotentCreate.REUSED_DOC, content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(ref = "#/components/schemas/Problem"), examples = @ExampleObject(name = "key reused", value = IdempotentCreate.REUSED_EXAMPLE)))
    public Response register(
            @Parameter(description = "Answer the most similar earlier suggestions in `similar`", example = "true")
            @QueryParam("includeSimilar") @DefaultValue("false") boolean includeSimilar,
            @NotNull @Valid RegisterSuggestionRequest request) {
        Caller caller = callers.current();
        Suggestion suggestion = service.register(request.toCommand(LocalDate.now(ZONE)), caller);
        return Response.created(URI.create("/api/v1/suggestions/" + suggestion.id))
                .tag(new EntityTag(Long.toString(suggestion.version)))
                .entity(SuggestionResponse.of(suggestion, List.of(), List.of(), includeSimilar ? similarity.similarTo(suggestion, Limits.SIMILAR_ON_REGISTRATION) : null))
                .build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Caller.CONGRESS_OFFICE, Caller.GOV_SUPERVISOR, Caller.SYSTEM, Caller.DEPUTY, Caller.UNIT_OFFICE,
            Caller.UNIT_LEADER, Caller.HANDLER })
    @Operation(summary = "Read a suggestion",
            description = "A congress office reads its own congress body's suggestions; a deputy only the ones they proposed or co-signed; "
                    + "a unit's staff only the ones assigned to their unit. "
                    + "Anything else answers 404.")
    @APIResponse(responseCode = "200", description = "The suggestion",
            headers = @Header(name = "ETag", description = "Version of the suggestion"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SuggestionResponse.class),
                    examples = @ExampleObject(name = "suggestion", value = SUGGESTION_EXAMPLE)))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", description = "No such suggestion, or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = NOT_FOUND_PROBLEM)))
    public Response get(@Parameter(description = "Suggestion id", example = "0b5d1f0e-6a43-4c55-9d2e-1c9f3a7b8e21")
            @PathParam("id") UUID id) {
        Suggestion suggestion = service.get(id, callers.current());
        return Response.ok(SuggestionResponse.of(suggestion, service.progressOf(List.of(id)), similarity.linksOf(List.of(id)), null))
                .tag(new EntityTag(Long.toString(suggestion.version)))
                .build();
    }

    @GET
    @RolesAllowed({ Caller.CONGRESS_OFFICE, Caller.GOV_SUPERVISOR, Caller.SYSTEM, Caller.DEPUTY, Caller.UNIT_OFFICE,
            Caller.UNIT_LEADER, Caller.HANDLER })
    @Operation(summary = "List suggestions",
            description = "Filters combine with AND. A congress office sees its own congress body's suggestions; a deputy only the ones "
                    + "they proposed or co-signed; a unit's staff only the ones assigned to their unit. Paged (page from 0, size 1–200, default 20) with the total; "
                    + "`sort` is one of number, submittedOn, registeredAt, title, prefixed by `-` for descending.")
    @APIResponse(responseCode = "200", description = "One page of suggestions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SuggestionPage.class),
                    examples = @ExampleObject(name = "page", value = "{ \"items\": [" + SUGGESTION_EXAMPLE + "], \"total\": 1, \"page\": 0, \"size\": 20 }")))
    @APIResponse(responseCode = "400", description = "A filter, page, size or sort out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = VALIDATION_PROBLEM)))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public SuggestionPage list(
            @Parameter(description = "Congress body code", example = "shenzhen-npc") @QueryParam("congressBody") @Size(max = Limits.CODE) String congressBody,
            @Parameter(description = "Term (届)", example = "6") @QueryParam("term") @Min(1) @Max(Limits.TERM) Integer term,
            @Parameter(description = "Session (次会议)", example = "8") @QueryParam("session") @Min(1) @Max(Limits.TERM) Integer session,
            @Parameter(example = "2020") @QueryParam("year") @Min(Limits.FIRST_YEAR) @Max(Limits.LAST_YEAR) Integer year,
            @Parameter(description = "State") @QueryParam("state") SuggestionState state,
            @Parameter(description = "A topic the suggestion carries", example = "数字政府") @QueryParam("topic") @Size(max = Limits.TOPIC) String topic,
            @Parameter(description = "Supervision level") @QueryParam("supervisionLevel") SupervisionLevel supervisionLevel,
            @Parameter(description = "Deputy id: as lead proposer or co-signer", example = "D-0117") @QueryParam("deputy") @Size(max = Limits.DEPUTY_ID) String deputy,
            @Parameter(description = "Unit code: assigned to this unit", example = "sz-zsj") @QueryParam("unit") @Size(max = Limits.CODE) String unit,
            @Parameter(description = "Role of a unit (with `unit`: that unit's role)") @QueryParam("role") UnitRole role,
            @Parameter(description = "Sort key", example = "-submittedOn") @QueryParam("sort") @DefaultValue("number")
            @Size(max = 13) /* "-registeredAt" */ @Pattern(regexp = "-?(number|submittedOn|registeredAt|title)") String sort,
            @Parameter(description = "Page, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Limits.LAST_PAGE) int page,
            @Parameter(description = "Page size") @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Limits.PAGE_SIZE) int size) {
        Sort order = sort.startsWith("-") ? Sort.descending(sort.substring(1)) : Sort.ascending(sort);
        order.and("id");
        Page<Suggestion> found = service.list(new SuggestionFilter(congressBody, term, session, year, state, topic, supervisionLevel, deputy, unit, role),
                callers.current(), order, page, size);
        List<UUID> ids = found.items().stream().map(s -> s.id).toList();
        var progress = service.progressOf(ids);
        var links = similarity.linksOf(ids);
        return new SuggestionPage(found.items().stream().map(s -> SuggestionResponse.of(s, progress, links, null)).toList(), found.total(),
                found.page(), found.size());
    }

    @POST
    @Path("{id}/withdrawal")
    @RolesAllowed(Caller.CONGRESS_OFFICE)
    @Operation(summary = "Withdraw a suggestion",
            description = "The congress office withdraws a suggestion that is not assigned yet and publishes `suggestion.withdrawn.v1`. "
                    + "Send the ETag of the suggestion in If-Match.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WithdrawRequest.class),
            examples = @ExampleObject(name = "withdrawal", value = "{ \"reason\": \"代表申请撤回\" }")))
    @APIResponse(responseCode = "200", description = "Withdrawn",
            headers = @Header(name = "ETag", description = "New version of the suggestion"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SuggestionResponse.class),
                    examples = @ExampleObject(name = "withdrawn", value = SUGGESTION_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Reason missing or too long",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = VALIDATION_PROBLEM)))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", description = "No such suggestion in the office's congress body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = NOT_FOUND_PROBLEM)))
    @APIResponse(responseCode = "409", description = "Already assigned or withdrawn",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "assigned", value = """
                            { "type": "urn:gov-suggestions:problem:conflict", "title": "与当前状态冲突", "status": 409,
                              "detail": "建议当前状态为 ASSIGNED,只有尚未交办的建议可以撤回" }""")))
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response withdraw(@Parameter(description = "Suggestion id") @PathParam("id") UUID id,
            @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = "ETag of the suggestion", example = "\"0\"")
            @HeaderParam("If-Match") @Size(max = Limits.IF_MATCH) String ifMatch,
            @NotNull @Valid WithdrawRequest request) {
        Caller caller = callers.current();
        long expected = preconditions.expectedVersion(ifMatch, () -> service.versionForChange(id, caller));
        Suggestion suggestion = service.withdraw(id, request.reason(), expected, caller);
        return Response.ok(SuggestionResponse.of(suggestion)).tag(new EntityTag(Long.toString(suggestion.version))).build();
    }
}
