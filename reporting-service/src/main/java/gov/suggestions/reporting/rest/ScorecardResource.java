package gov.suggestions.reporting.rest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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

import gov.suggestions.reporting.service.Caller;
import gov.suggestions.reporting.service.Figures;
import gov.suggestions.reporting.service.Limits;
import gov.suggestions.reporting.service.ReportScope;
import gov.suggestions.reporting.service.ScorecardService;

@Path("/api/v1/statistics/scorecards")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Statistics")
public class ScorecardResource {

    private final ScorecardService scorecards;
    private final CallerFactory callers;

    public ScorecardResource(ScorecardService scorecards, CallerFactory callers) {
        this.scorecards = scorecards;
        this.callers = callers;
    }

    @Schema(name = "Scorecards", description = "One card per unit, best score first")
    public record ScorecardsResponse(
            @Schema(description = "The best " + Limits.SCORECARDS + " cards at most (ranked among all the cards the caller sees)",
                    maxItems = Limits.SCORECARDS) List<ScorecardResponse> items) {
    }

    @Schema(name = "Scorecard", description = "A unit's rates (0–1, four decimals; absent when there is nothing to divide by) and its combined score")
    public record ScorecardResponse(
            @Schema(description = "Place by score among the cards the caller sees (1 = best)", minimum = "1", maximum = "" + Limits.SCORECARDS)
            int rank,
            @Schema(maxLength = Limits.CODE) String unitCode,
            @Schema(maxLength = Limits.UNIT_NAME) String unitName,
            @Schema(minimum = "0", maximum = Limits.LONG_MAX) long cases,
            @Schema(description = "Cases per role: SOLE, LEAD, SEPARATE, JOINT", additionalProperties = StatisticsResponses.Count.class)
            Map<String, Long> casesByRole,
            BigDecimal onTimeReply,
            BigDecimal onTimeJointOpinion,
            @Schema(description = "沟通率") BigDecimal communication,
            @Schema(description = "面商率") BigDecimal faceToFace,
            @Schema(description = "满意率") BigDecimal satisfaction,
            @Schema(description = "基本满意率") BigDecimal basicSatisfaction,
            BigDecimal rehandling,
            @Schema(description = "Cases past their deadline with no reply or opinion yet", minimum = "0", maximum = Limits.LONG_MAX) long overdue,
            @Schema(description = "Weighted mean of the rates (re-handling and overdue counted as 1 − rate), 0–100 with two decimals; weights in reporting.scorecard.weights.*")
            BigDecimal score) {

        static ScorecardResponse of(ScorecardService.Scorecard c) {
            Figures f = c.figures();
            return new ScorecardResponse(c.rank(), c.unitCode(), c.unitName(), f.cases(), c.casesByRole(), f.onTimeReplyRate(),
                    f.onTimeJointOpinionRate(), f.communicationRate(), f.faceToFaceRate(), f.satisfactionRate(), f.basicSatisfactionRate(),
                    f.rehandlingRate(), f.overdue(), c.score());
        }
    }

    @GET
    @RolesAllowed({ Caller.CONGRESS_OFFICE, Caller.GOV_SUPERVISOR, Caller.UNIT_OFFICE, Caller.UNIT_LEADER })
    @Operation(summary = "Unit scorecards",
            description = "For each unit in scope, the rates of the statistics combined into one weighted score, ranked best first "
                    + "(ties by unit code). A congress office sees the units of its congress body, a supervisor all, a unit's office and "
                    + "leaders only their own unit's card.")
    @APIResponse(responseCode = "200", description = "The cards",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScorecardsResponse.class),
                    examples = @ExampleObject(name = "cards", value = """
                            { "items": [ { "rank": 1, "unitCode": "sz-zsj", "unitName": "深圳市政务服务数据管理局", "cases": 30,
                              "casesByRole": { "SOLE": 2, "LEAD": 5, "SEPARATE": 0, "JOINT": 23 }, "onTimeReply": 1.0000,
                              "onTimeJointOpinion": 1.0000, "communication": 1.0000, "faceToFace": 0.4286, "satisfaction": 1.0000,
                              "basicSatisfaction": 1.0000, "rehandling": 0.0000, "overdue": 0, "score": 94.29 } ] }""")))
    @APIResponse(responseCode = "400", description = "A filter out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = ProblemExamples.VALIDATION)))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public ScorecardsResponse list(
            @Parameter(description = "Congress body code", example = "shenzhen-npc") @QueryParam("congressBody") @Pattern(regexp = StatisticsResource.CODE) @Size(max = Limits.CODE) String congressBody,
            @Parameter(description = "Year of the suggestions", example = "2020") @QueryParam("year") @Min(1949) @Max(2100) Integer year) {
        ReportScope scope = ReportScope.of(callers.current(), congressBody, year, null, null);
        return new ScorecardsResponse(scorecards.scorecards(scope).stream().limit(Limits.SCORECARDS).map(ScorecardResponse::of).toList());
    }
}
