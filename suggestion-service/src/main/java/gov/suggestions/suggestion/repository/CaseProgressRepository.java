package gov.suggestions.suggestion.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import gov.suggestions.suggestion.domain.CaseProgress;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class CaseProgressRepository implements PanacheRepositoryBase<CaseProgress, UUID> {

    public List<CaseProgress> ofSuggestions(Collection<UUID> suggestionIds) {
        if (suggestionIds.isEmpty()) {
            return List.of();
        }
        return list("suggestionId in ?1", Sort.ascending("unitCode"), suggestionIds);
    }
}
