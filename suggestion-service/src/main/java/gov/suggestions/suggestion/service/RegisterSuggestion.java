package gov.suggestions.suggestion.service;

import java.time.LocalDate;
import java.util.List;

import gov.suggestions.suggestion.domain.CoSigner;
import gov.suggestions.suggestion.domain.Priority;
import gov.suggestions.suggestion.domain.SuggestionKind;
import gov.suggestions.suggestion.domain.SupervisionLevel;

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
        LocalDate submittedOn,
        List<String> topics,
        String subjectCategory,
        List<CoSigner> coSigners,
        SupervisionLevel supervisionLevel,
        Priority priority) {
}
