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

    public Optional<SuggestionHistoryEntry> last(UUID suggestionId) {
        return find("suggestionId", Sort.descending("seq"), suggestionId).firstResultOptional();
    }
}
