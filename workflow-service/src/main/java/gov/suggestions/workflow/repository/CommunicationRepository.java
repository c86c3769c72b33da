package gov.suggestions.workflow.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import gov.suggestions.workflow.domain.Communication;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CommunicationRepository implements PanacheRepositoryBase<Communication, UUID> {

    public List<Communication> ofCase(UUID caseId) {
        return list("caseId = ?1 order by occurredAt, recordedAt", caseId);
    }

    public long countInRound(UUID caseId, short round) {
        return count("caseId = ?1 and round = ?2", caseId, round);
    }
}
