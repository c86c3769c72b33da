package gov.suggestions.reporting.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import gov.suggestions.reporting.repository.AnnualSummaryQueries;

/**
 * The summary's statement is constant text, so it repeats the statistics' aggregate columns instead of splicing them in:
 * the summary's figures are the statistics' only while both copies (the year's and the previous year's) stay the same.
 */
class SummaryStatementsTest {

    @Test
    void theSummaryCountsAsTheStatisticsCount() {
        String aggregates = words(StatisticsService.AGGREGATES);
        String summary = words(AnnualSummaryQueries.SUMMARY);
        assertEquals(2, summary.split(java.util.regex.Pattern.quote(aggregates), -1).length - 1, "the year's and the previous year's totals");
        assertEquals(AnnualSummaryQueries.COUNTS, aggregates.split(", (?=count|coalesce)").length);
    }

    private static String words(String sql) {
        return sql.strip().replaceAll("\\s+", " ");
    }
}
