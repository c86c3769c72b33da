package gov.suggestions.suggestion.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import gov.suggestions.suggestion.domain.ReassignmentRequest;
import gov.suggestions.suggestion.domain.ReassignmentState;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ReassignmentRequestRepository implements PanacheRepositoryBase<ReassignmentRequest, UUID> {

    public List<ReassignmentRequest> ofSuggestion(UUID suggestionId, String unitCode) {
        if (unitCode == null) {
            return list("suggestionId", Sort.ascending("requestedAt"), suggestionId);
        }
        return list("suggestionId = ?1 and unitCode = ?2", Sort.ascending("requestedAt"), suggestionId, unitCode);
    }

    public boolean pending(UUID suggestionId, String unitCode) {
        return count("suggestionId = ?1 and unitCode = ?2 and state = ?3", suggestionId, unitCode, ReassignmentState.PENDING) > 0;
    }
}
