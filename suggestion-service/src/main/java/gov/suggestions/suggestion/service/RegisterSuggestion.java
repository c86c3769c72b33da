package gov.suggestions.suggestion.service;

import java.time.LocalDate;

import gov.suggestions.suggestion.domain.SuggestionKind;

/** What the congress office (or its system) registers; already validated at the API boundary. */
public record RegisterSuggestion(
        String congressBody,
        String number,
        SuggestionKind kind,
        String title,
        String body,
        String leadDeputyId,
        String leadDeputyName,
        String leadDeputyDelegation,
        int term,
        int session,
        int year,
        LocalDate submittedOn) {
}
