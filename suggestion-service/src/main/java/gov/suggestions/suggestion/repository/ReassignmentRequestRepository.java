package gov.suggestions.suggestion.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import gov.suggestions.suggestion.domain.Limits;
import gov.suggestions.suggestion.domain.ReassignmentRequest;
import gov.suggestions.suggestion.domain.ReassignmentState;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ReassignmentRequestRepository implements PanacheRepositoryBase<ReassignmentRequest, UUID> {

    /** Oldest first; never more than {@link Limits#REASSIGNMENT_REQUESTS} (a suggestion collects no more). */
    public List<ReassignmentRequest> ofSuggestion(UUID suggestionId, String unitCode) {
        var found = unitCode == null
                ? find("suggestionId", Sort.ascending("requestedAt").and("id"), suggestionId)
                : find("suggestionId = ?1 and unitCode = ?2", Sort.ascending("requestedAt").and("id"), suggestionId, unitCode);
        return found.range(0, Limits.REASSIGNMENT_REQUESTS - 1).list();
    }

    public long countOf(UUID suggestionId) {
        return count("suggestionId", suggestionId);
    }

    public boolean pending(UUID suggestionId, String unitCode) {
        return count("suggestionId = ?1 and unitCode = ?2 and state = ?3", suggestionId, unitCode, ReassignmentState.PENDING) > 0;
    }
}
