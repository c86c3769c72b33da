package gov.suggestions.reporting.domain;

/** What a part of a summary's section is: a subheading, a paragraph or a chart (drawn from its figures). */
public enum PartKind {
    SUBHEADING, PARAGRAPH, CHART
}
