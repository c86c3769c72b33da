package gov.suggestions.suggestion.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import gov.suggestions.suggestion.domain.SuggestionHistoryEntry;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class SuggestionHistoryRepository implements PanacheRepositoryBase<SuggestionHistoryEntry, Long> {

    public List<SuggestionHistoryEntry> ofSuggestion(UUID suggestionId) {
        return list("suggestionId", Sort.ascending("seq"), suggestionId);
    }

    /** The first {@code max} entries in order. */
    public List<SuggestionHistoryEntry> ofSuggestion(UUID suggestionId, int max) {
        return find("suggestionId", Sort.ascending("seq"), suggestionId).range(0, max - 1).list();
    }

    public Optional<SuggestionHistoryEntry> last(UUID suggestionId) {
        return find("suggestionId", Sort.descending("seq"), suggestionId).firstResultOptional();
    }
}
