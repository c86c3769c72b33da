package gov.suggestions.workflow.repository;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import gov.suggestions.workflow.domain.ReceivedSuggestion;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ReceivedSuggestionRepository implements PanacheRepositoryBase<ReceivedSuggestion, UUID> {

    /** The record if the caller may see it: narrowed to the token's congress body in the query itself. */
    public Optional<ReceivedSuggestion> findVisible(UUID id, Viewer caller) {
        StringBuilder query = new StringBuilder("suggestionId = :id");
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        if (caller.congressBody() != null) {
            query.append(" and congressBody = :body");
            params.put("body", caller.congressBody());
        } else if (caller.hasRole(Viewer.CONGRESS_OFFICE)) {
            return Optional.empty();
        }
        return find(query.toString(), params).firstResultOptional();
    }
}
