package gov.suggestions.reporting.rest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import gov.suggestions.reporting.service.Figures;
import gov.suggestions.reporting.service.StatisticsService;

/** Response bodies of the statistics endpoints. */
public final class StatisticsResponses {

    private StatisticsResponses() {
    }

    @Schema(name = "Statistics", description = "Figures for every case in scope and, when asked, per group")
    public record StatisticsResponse(
            @Schema(description = "Grouping asked for, or absent") String groupBy,
            FiguresResponse total,
            List<FiguresResponse> groups) {
    }

    @Schema(name = "Figures", description = "Counts and rates (0–1, four decimals; absent when there is nothing to divide by). "
            + "Reply figures count SOLE, LEAD and SEPARATE cases, joint-opinion figures JOINT cases.")
    public record FiguresResponse(
            @Schema(description = "Group value (unit code, role, year or congress body); `all` for the total") String group,
            Counts counts,
            Rates rates) {

        static FiguresResponse of(Figures f) {
            return new FiguresResponse(f.group(),
                    new Counts(f.cases(), f.replyCases(), f.replied(), f.repliedOnTime(), f.jointCases(), f.opinionsSent(),
                            f.opinionsOnTime(), f.communicatedBeforeReply(), f.faceToFaceBeforeReply(), f.evaluated(), f.satisfied(),
                            f.basicallySatisfied(), f.unsatisfied(), f.notEvaluated(), f.categories(), f.rehandled(), f.overdue(),
                            f.leaderLed(), f.returnedDrafts(), f.communications()),
                    new Rates(f.onTimeReplyRate(), f.onTimeJointOpinionRate(), f.communicationRate(), f.faceToFaceRate(),
                            f.satisfactionRate(), f.basicSatisfactionRate(), f.categoryShares(), f.rehandlingRate()));
        }
    }

    public record Counts(
            @Schema(description = "Cases (reassigned-away cases and withdrawn suggestions excluded)") long cases,
            @Schema(description = "SOLE, LEAD and SEPARATE cases (主办、承办、分办)") long replyCases,
            @Schema(description = "Reply cases answered") long replied,
            @Schema(description = "Replied by the deadline (first reply)") long repliedOnTime,
            @Schema(description = "JOINT cases (汇办/协办)") long jointCases,
            long opinionsSent,
            long opinionsOnTime,
            @Schema(description = "Replied cases with at least one communication before the reply") long communicatedBeforeReply,
            @Schema(description = "Replied cases with an in-person communication (meeting, on-site, symposium, visit) before the reply") long faceToFaceBeforeReply,
            long evaluated,
            long satisfied,
            long basicallySatisfied,
            long unsatisfied,
            @Schema(description = "Replied, no evaluation yet (尚未评价)") long notEvaluated,
            @Schema(description = "Replied cases per result category (latest reply)") Map<String, Long> categories,
            @Schema(description = "Replied cases re-handled after an unsatisfied evaluation") long rehandled,
            @Schema(description = "Cases past their deadline with no reply or opinion yet") long overdue,
            @Schema(description = "Cases led by a unit leader (局领导牵头)") long leaderLed,
            @Schema(description = "Reply drafts returned in review") long returnedDrafts,
            @Schema(description = "Communications recorded, by kind; one communication shared by several cases (a symposium for several suggestions) counts once") Map<String, Long> communications) {
    }

    public record Rates(
            @Schema(description = "repliedOnTime / replied") BigDecimal onTimeReply,
            @Schema(description = "opinionsOnTime / opinionsSent") BigDecimal onTimeJointOpinion,
            @Schema(description = "communicatedBeforeReply / replied (沟通率)") BigDecimal communication,
            @Schema(description = "faceToFaceBeforeReply / replied (面商率)") BigDecimal faceToFace,
            @Schema(description = "satisfied / evaluated (满意率)") BigDecimal satisfaction,
            @Schema(description = "(satisfied + basicallySatisfied) / evaluated (基本满意率)") BigDecimal basicSatisfaction,
            @Schema(description = "Each category's replied cases / replied") Map<String, BigDecimal> categoryShares,
            @Schema(description = "rehandled / replied") BigDecimal rehandling) {
    }

    @Schema(name = "OverduePage", description = "One page of overdue cases with the total")
    public record OverduePage(List<StatisticsService.OverdueCase> items, long total, int page, int size) {
    }
}
