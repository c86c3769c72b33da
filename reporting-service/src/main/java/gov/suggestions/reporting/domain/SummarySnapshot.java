package gov.suggestions.reporting.domain;

import java.util.List;

/**
 * A published summary's body, frozen when it was published: the rendered summary's structure (charts by their titles;
 * the HTML page draws them). Kept as JSON in {@link AnnualSummaryPublication#document}.
 */
public record SummarySnapshot(String title, String addressee, String opening, List<Section> sections, String closing, String signature,
        String date) {

    public record Section(String heading, List<Part> parts) {
    }

    public record Part(PartKind kind, String text) {
    }
}
