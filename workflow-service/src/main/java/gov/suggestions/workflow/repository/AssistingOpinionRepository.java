package gov.suggestions.workflow.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import gov.suggestions.workflow.domain.AssistingOpinion;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class AssistingOpinionRepository implements PanacheRepositoryBase<AssistingOpinion, UUID> {

    public List<AssistingOpinion> ofCase(UUID caseId) {
        return list("caseId", caseId);
    }
}
