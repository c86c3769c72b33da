package gov.suggestions.reporting.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.suggestions.reporting.rest.StatisticsResponses.FiguresResponse;
import gov.suggestions.reporting.rest.StatisticsResponses.OverduePage;
import gov.suggestions.reporting.rest.StatisticsResponses.StatisticsResponse;
import gov.suggestions.reporting.service.Caller;
import gov.suggestions.reporting.service.Figures;
import gov.suggestions.reporting.service.Limits;
import gov.suggestions.reporting.service.ReportScope;
import gov.suggestions.reporting.service.StatisticsService;
import gov.suggestions.reporting.domain.Text;
import gov.suggestions.reporting.service.TooLargeException;

@Path("/api/v1/statistics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Statistics", description = "Counts and rates of the handling work, built from events")
public class StatisticsResource {

    static final String CODE = "[a-z0-9][a-z0-9-]{1,39}";
    static final String ROLE = "SOLE|LEAD|SEPARATE|JOINT";
    /** Longest value {@link #ROLE} admits (SEPARATE). */
    static final int ROLE_LENGTH = 8;
    static final String SUPERVISION_LEVEL = "ORDINARY|STANDING_COMMITTEE_KEY|GOVERNMENT_KEY";
    /** STANDING_COMMITTEE_KEY */
    static final int SUPERVISION_LEVEL_LENGTH = 22;
    static final String GROUP_BY = "CONGRESS_BODY|YEAR|UNIT|ROLE|SESSION|SUPERVISION_LEVEL|DEPARTMENT";
    /** SUPERVISION_LEVEL */
    static final int GROUP_BY_LENGTH = 17;

    private static final String FIGURES_EXAMPLE = """
            { "group": "all",
              "counts": { "cases": 30, "replyCases": 7, "replied": 7, "repliedOnTime": 7, "jointCases": 23, "opinionsSent": 23,
                "opinionsOnTime": 23, "communicatedBeforeReply": 7, "faceToFaceBeforeReply": 3, "evaluated": 6, "satisfied": 6,
                "basicallySatisfied": 0, "unsatisfied": 0, "notEvaluated": 1, "categories": { "A": 5, "B": 2, "C": 0, "D": 0 },
                "rehandled": 0, "overdue": 0, "leaderLed": 2, "returnedDrafts": 1,
                "communications": { "PHONE": 9, "MEETING": 3, "ON_SITE_INVESTIGATION": 0, "SYMPOSIUM": 1, "VISIT": 0, "DRAFT_CONSULTATION": 7 } },
              "rates": { "onTimeReply": 1.0000, "onTimeJointOpinion": 1.0000, "communication": 1.0000, "faceToFace": 0.4286,
                "satisfaction": 1.0000, "basicSatisfaction": 1.0000, "categoryShares": { "A": 0.7143, "B": 0.2857, "C": 0.0000, "D": 0.0000 },
                "rehandling": 0.0000 } }""";

    private final StatisticsService statistics;
    private final CallerFactory callers;

    public StatisticsResource(StatisticsService statistics, CallerFactory callers) {
        this.statistics = statistics;
        this.callers = callers;
    }

    @GET
    @RolesAllowed({ Caller.CONGRESS_OFFICE, Caller.GOV_SUPERVISOR, Caller.UNIT_OFFICE, Caller.UNIT_LEADER })
    @Operation(summary = "Counts and rates",
            description = "Filters combine with AND. A congress office sees its own congress body, a supervisor everything, a unit's "
                    + "office and leaders only their own unit (asking for another gives zero figures). `groupBy` adds one row per "
                    + "congress body, year, unit, role, session, supervision level or undertaking department.")
    @APIResponse(responseCode = "200", description = "The figures",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatisticsResponse.class),
                    examples = @ExampleObject(name = "figures", value = "{ \"total\": " + FIGURES_EXAMPLE + ", \"groups\": [] }")))
    @APIResponse(responseCode = "400", description = "A filter out of range, or more groups than one answer holds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = { @ExampleObject(name = "invalid", value = ProblemExamples.VALIDATION),
                        @ExampleObject(name = "too many groups", value = """
                            { "type": "urn:gov-suggestions:problem:too-many-groups", "title": "分组过多", "status": 400,
                              "detail": "分组超过 1000 个,请缩小筛选范围", "instance": "/api/v1/statistics" }""") }))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public StatisticsResponse figures(
            @Parameter(description = "Congress body code", example = "shenzhen-npc") @QueryParam("congressBody") @Pattern(regexp = CODE) @Size(max = Limits.CODE) String congressBody,
            @Parameter(description = "Year of the suggestions", example = "2020") @QueryParam("year") @Min(1949) @Max(2100) Integer year,
            @Parameter(description = "Unit code", example = "sz-zsj") @QueryParam("unit") @Pattern(regexp = CODE) @Size(max = Limits.CODE) String unit,
            @Parameter(description = "Role of the unit", example = "LEAD") @QueryParam("role") @Pattern(regexp = ROLE) @Size(max = ROLE_LENGTH) String role,
            @Parameter(description = "Session (次会议) of the suggestions", example = "8") @QueryParam("session") @Min(1) @Max(99) Integer session,
            @Parameter(description = "Supervision level", example = "GOVERNMENT_KEY") @QueryParam("supervisionLevel")
            @Pattern(regexp = SUPERVISION_LEVEL) @Size(max = SUPERVISION_LEVEL_LENGTH) String supervisionLevel,
            @Parameter(description = "Undertaking department (承办处室) named at distribution", example = "数据资源处") @QueryParam("department")
            @Size(min = 1, max = 100) String department,
            @Parameter(description = "Topic of the suggestions", example = "政务数据共享") @QueryParam("topic") @Size(min = 1, max = 100) String topic,
            @Parameter(description = "One row per CONGRESS_BODY, YEAR, UNIT, ROLE, SESSION, SUPERVISION_LEVEL or DEPARTMENT (at most "
                    + Limits.GROUPS + " rows)") @QueryParam("groupBy")
            @Pattern(regexp = GROUP_BY) @Size(max = GROUP_BY_LENGTH) String groupBy) {
        ReportScope scope = ReportScope.of(callers.current(), congressBody, year, unit, role, session, supervisionLevel, department, topic);
        StatisticsService.GroupBy grouping = groupBy == null ? null : StatisticsService.GroupBy.valueOf(groupBy);
        List<FiguresResponse> groups = List.of();
        if (grouping != null) {
            // one more than the limit tells that there are more
            List<Figures> rows = statistics.breakdown(scope, grouping, Limits.GROUPS + 1);
            if (rows.size() > Limits.GROUPS) {
                throw new TooLargeException("too-many-groups", Text.of("分组过多", "Too many groups"),
                        Text.of("分组超过 " + Limits.GROUPS + " 个,请缩小筛选范围", "More than " + Limits.GROUPS + " groups; narrow the filters"));
            }
            groups = rows.stream().map(FiguresResponse::of).toList();
        }
        return new StatisticsResponse(grouping, FiguresResponse.of(statistics.totals(scope)), groups);
    }

    @GET
    @Path("overdue")
    @RolesAllowed({ Caller.CONGRESS_OFFICE, Caller.GOV_SUPERVISOR, Caller.UNIT_OFFICE, Caller.UNIT_LEADER })
    @Operation(summary = "Overdue cases",
            description = "Cases past their reply or joint-opinion deadline (today, Asia/Shanghai) with no reply or opinion yet, earliest "
                    + "deadline first; same scope and filters as the figures. Paged (page from 0, size 1–200, default 20) with the total.")
    @APIResponse(responseCode = "200", description = "One page of overdue cases",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OverduePage.class),
                    examples = @ExampleObject(name = "page", value = """
                            { "items": [ { "caseId": "7a1c2e4f-0b9d-4c1e-8f5a-2d3b4c5e6f70", "suggestionId": "0b5d1f0e-6a43-4c55-9d2e-1c9f3a7b8e21",
                              "number": "20200055", "title": "关于加快推进政务数据共享的建议", "unitCode": "sz-zsj",
                              "unitName": "深圳市政务服务数据管理局", "role": "LEAD", "state": "DRAFTING", "deadline": "REPLY",
                              "dueOn": "2020-08-20", "daysOverdue": 3 } ], "total": 1, "page": 0, "size": 20 }""")))
    @APIResponse(responseCode = "400", description = "A filter, page or size out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = ProblemExamples.VALIDATION)))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public OverduePage overdue(
            @Parameter(description = "Congress body code", example = "shenzhen-npc") @QueryParam("congressBody") @Pattern(regexp = CODE) @Size(max = Limits.CODE) String congressBody,
            @Parameter(description = "Year of the suggestions", example = "2020") @QueryParam("year") @Min(1949) @Max(2100) Integer year,
            @Parameter(description = "Unit code", example = "sz-zsj") @QueryParam("unit") @Pattern(regexp = CODE) @Size(max = Limits.CODE) String unit,
            @Parameter(description = "Role of the unit", example = "LEAD") @QueryParam("role") @Pattern(regexp = ROLE) @Size(max = ROLE_LENGTH) String role,
            @Parameter(description = "Page from 0") @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page,
            @Parameter(description = "Page size") @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        ReportScope scope = ReportScope.of(callers.current(), congressBody, year, unit, role);
        StatisticsService.Page<StatisticsService.OverdueCase> result = statistics.overdue(scope, page, size);
        return new OverduePage(result.items(), result.total(), result.page(), result.size());
    }
}
