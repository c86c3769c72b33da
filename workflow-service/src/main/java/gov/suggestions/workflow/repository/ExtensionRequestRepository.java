package gov.suggestions.workflow.repository;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import gov.suggestions.workflow.domain.ExtensionRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ExtensionRequestRepository implements PanacheRepositoryBase<ExtensionRequest, UUID> {

    public Optional<ExtensionRequest> pending(UUID caseId) {
        return find("caseId = ?1 and status = ?2", caseId, ExtensionRequest.PENDING).firstResultOptional();
    }

    public Optional<ExtensionRequest> ofCase(UUID caseId, UUID id) {
        return find("caseId = ?1 and id = ?2", caseId, id).firstResultOptional();
    }
}
