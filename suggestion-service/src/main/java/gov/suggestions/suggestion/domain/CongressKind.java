package gov.suggestions.suggestion.domain;

/** A people's congress (人民代表大会, suggestions) or a CPPCC committee (政协, proposals). */
public enum CongressKind {
    NPC, CPPCC
}
