package gov.suggestions.workflow.domain;

/** Result category of a reply (答复类别): A solved or adopted, B being solved (with commitments), C not now, D for reference. */
public enum ResultCategory {
    A, B, C, D
}
