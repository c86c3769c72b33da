package gov.suggestions.reporting.rest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import gov.suggestions.reporting.service.Figures;
import gov.suggestions.reporting.service.Limits;
import gov.suggestions.reporting.service.StatisticsService;

/** Response bodies of the statistics endpoints. */
public final class StatisticsResponses {

    private StatisticsResponses() {
    }

    /** The value of a map of counts (cases per category, communications per kind, cases per role): a count of rows. */
    @Schema(name = "Count", type = SchemaType.INTEGER, format = "int64", minimum = "0", maximum = Limits.LONG_MAX)
    static final class Count {

        private Count() {
        }
    }

    @Schema(name = "Statistics", description = "Figures for every case in scope and, when asked, per group")
    public record StatisticsResponse(
            @Schema(description = "Grouping asked for, or absent") @JsonInclude(JsonInclude.Include.NON_NULL) StatisticsService.GroupBy groupBy,
            FiguresResponse total,
            @Schema(description = "One row per group, ordered by the group's value; more than " + Limits.GROUPS
                    + " groups answer 400 too-many-groups (narrow the filters)", maxItems = Limits.GROUPS)
            List<FiguresResponse> groups) {
    }

    @Schema(name = "Figures", description = "Counts and rates (0–1, four decimals; absent when there is nothing to divide by). "
            + "Reply figures count SOLE, LEAD and SEPARATE cases, joint-opinion figures JOINT cases.")
    public record FiguresResponse(
            @Schema(description = "Group value (congress body, year, unit code, role, session, supervision level or undertaking "
                    + "department); `all` for the total", maxLength = Limits.DEPARTMENT) String group,
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
            @Schema(description = "Cases (reassigned-away cases and withdrawn suggestions excluded)", minimum = "0", maximum = Limits.LONG_MAX) long cases,
            @Schema(description = "SOLE, LEAD and SEPARATE cases (主办、承办、分办)", minimum = "0", maximum = Limits.LONG_MAX) long replyCases,
            @Schema(description = "Reply cases answered", minimum = "0", maximum = Limits.LONG_MAX) long replied,
            @Schema(description = "Replied by the deadline (first reply)", minimum = "0", maximum = Limits.LONG_MAX) long repliedOnTime,
            @Schema(description = "JOINT cases (汇办/协办)", minimum = "0", maximum = Limits.LONG_MAX) long jointCases,
            @Schema(minimum = "0", maximum = Limits.LONG_MAX) long opinionsSent,
            @Schema(minimum = "0", maximum = Limits.LONG_MAX) long opinionsOnTime,
            @Schema(description = "Replied cases with at least one communication before the reply", minimum = "0", maximum = Limits.LONG_MAX) long communicatedBeforeReply,
            @Schema(description = "Replied cases with an in-person communication (meeting, on-site, symposium, visit) before the reply", minimum = "0", maximum = Limits.LONG_MAX) long faceToFaceBeforeReply,
            @Schema(minimum = "0", maximum = Limits.LONG_MAX) long evaluated,
            @Schema(minimum = "0", maximum = Limits.LONG_MAX) long satisfied,
            @Schema(minimum = "0", maximum = Limits.LONG_MAX) long basicallySatisfied,
            @Schema(minimum = "0", maximum = Limits.LONG_MAX) long unsatisfied,
            @Schema(description = "Replied, no evaluation yet (尚未评价)", minimum = "0", maximum = Limits.LONG_MAX) long notEvaluated,
            @Schema(description = "Replied cases per result category (latest reply)", additionalProperties = Count.class) Map<String, Long> categories,
            @Schema(description = "Replied cases re-handled after an unsatisfied evaluation", minimum = "0", maximum = Limits.LONG_MAX) long rehandled,
            @Schema(description = "Cases past their deadline with no reply or opinion yet", minimum = "0", maximum = Limits.LONG_MAX) long overdue,
            @Schema(description = "Cases led by a unit leader (局领导牵头)", minimum = "0", maximum = Limits.LONG_MAX) long leaderLed,
            @Schema(description = "Reply drafts returned in review", minimum = "0", maximum = Limits.LONG_MAX) long returnedDrafts,
            @Schema(description = "Communications recorded, by kind; one communication shared by several cases (a symposium for several suggestions) counts once", additionalProperties = Count.class) Map<String, Long> communications) {
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
    public record OverduePage(
            @Schema(maxItems = Limits.PAGE_SIZE) List<StatisticsService.OverdueCase> items,
            @Schema(description = "Overdue cases in scope", minimum = "0", maximum = Limits.LONG_MAX) long total,
            @Schema(description = "Page from 0", minimum = "0", maximum = "" + Limits.PAGE_MAX) int page,
            @Schema(description = "Page size", minimum = "1", maximum = "" + Limits.PAGE_SIZE) int size) {
    }
}
