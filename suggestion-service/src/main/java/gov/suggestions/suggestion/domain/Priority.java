package gov.suggestions.suggestion.domain;

/** 重点问题重点办、热点问题迅速办、难点问题积极办、一般问题热心办. */
public enum Priority {
    KEY, HOT, DIFFICULT, ORDINARY
}
