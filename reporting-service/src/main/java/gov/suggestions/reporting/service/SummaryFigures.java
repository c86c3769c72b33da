package gov.suggestions.reporting.service;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import gov.suggestions.reporting.repository.AnnualSummaryQueries;
import gov.suggestions.reporting.repository.AnnualSummaryQueries.Meeting;
import gov.suggestions.reporting.repository.AnnualSummaryQueries.RehandlingOutcome;
import gov.suggestions.reporting.repository.AnnualSummaryQueries.ReplyGroup;
import gov.suggestions.reporting.repository.AnnualSummaryQueries.SummaryRows;

/**
 * What the annual summary shows of a unit's year, from the render's one statement: the totals (as the statistics'), the
 * distinct communications by kind, the most frequent topics, the session most cases came from, the reply charts' groups
 * (empty without charts), where the re-handled cases stand and the previous year's totals (absent when it has no case).
 */
public record SummaryFigures(Figures totals, Map<String, Long> communicationsByKind, List<String> topics, Integer term,
        Integer session, String unitName, List<ReplyGroup> replyGroups, Map<RehandlingOutcome, Long> rehandlingOutcomes,
        Figures previousYear) {

    static final SummaryFigures NONE = of(new SummaryRows(new long[AnnualSummaryQueries.COUNTS], null, null, List.of(), List.of(), Map.of(), List.of(), Map.of()), 0);

    static SummaryFigures of(SummaryRows rows, int topicCount) {
        // the session most of the cases came from (ties: the earliest)
        Meeting meeting = null;
        for (Meeting m : rows.meetings()) {
            if (meeting == null || m.cases() > meeting.cases() || m.cases() == meeting.cases()
                    && Arrays.compare(new int[] { m.term(), m.session() }, new int[] { meeting.term(), meeting.session() }) < 0) {
                meeting = m;
            }
        }
        return new SummaryFigures(Figures.of("all", rows.counts(), rows.communicationsByKind()), rows.communicationsByKind(),
                rows.topics().stream().limit(topicCount).toList(), meeting == null ? null : meeting.term(),
                meeting == null ? null : meeting.session(), rows.unitName(), rows.replyGroups(), rows.rehandlingOutcomes(),
                rows.previousYearCounts() == null ? null : Figures.of("all", rows.previousYearCounts(), Map.of()));
    }
}
