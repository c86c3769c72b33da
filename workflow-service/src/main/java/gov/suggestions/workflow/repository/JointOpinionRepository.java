package gov.suggestions.workflow.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import gov.suggestions.workflow.domain.JointOpinion;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class JointOpinionRepository implements PanacheRepositoryBase<JointOpinion, UUID> {

    public List<JointOpinion> ofSuggestion(UUID suggestionId) {
        return list("suggestionId", suggestionId);
    }

    public Optional<JointOpinion> ofCase(UUID caseId) {
        return find("caseId", caseId).firstResultOptional();
    }
}
