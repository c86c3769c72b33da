package gov.suggestions.suggestion.repository;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import gov.suggestions.suggestion.domain.Suggestion;
import gov.suggestions.suggestion.service.Caller;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class SuggestionRepository implements PanacheRepositoryBase<Suggestion, UUID> {

    public boolean numberTaken(String congressBody, String number) {
        return count("congressBody = ?1 and number = ?2", congressBody, number) > 0;
    }

    /** The suggestion if the caller may see it: the object-level check is part of the query. */
    public Optional<Suggestion> findVisible(UUID id, Caller caller) {
        StringBuilder query = new StringBuilder("id = :id");
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        if (caller.hasRole(Caller.DEPUTY) && !caller.hasRole(Caller.CONGRESS_OFFICE) && !caller.hasRole(Caller.SYSTEM)) {
            // co-signers join this filter when proposers arrive with the intake issue
            query.append(" and leadDeputyId = :deputy");
            params.put("deputy", caller.deputy() == null ? "" : caller.deputy());
        }
        if (caller.congressBody() != null) {
            query.append(" and congressBody = :body");
            params.put("body", caller.congressBody());
        } else if (caller.hasRole(Caller.CONGRESS_OFFICE)) {
            return Optional.empty(); // an office token without its congress body sees nothing
        }
        return find(query.toString(), params).firstResultOptional();
    }
}
