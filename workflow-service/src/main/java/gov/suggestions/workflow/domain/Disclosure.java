package gov.suggestions.workflow.domain;

/** Disclosure attribute of a reply letter: 公开, 依申请公开, 不予公开. */
public enum Disclosure {
    PUBLIC, ON_REQUEST, NOT_DISCLOSED
}
