package gov.suggestions.workflow.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import gov.suggestions.workflow.domain.Commitment;
import gov.suggestions.workflow.domain.CommitmentProgress;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CommitmentRepository implements PanacheRepositoryBase<Commitment, UUID> {

    public List<Commitment> ofCase(UUID caseId) {
        return list("caseId = ?1 order by round, targetDate, measure", caseId);
    }

    public Optional<Commitment> ofCase(UUID caseId, UUID id) {
        return find("caseId = ?1 and id = ?2", caseId, id).firstResultOptional();
    }

    public List<CommitmentProgress> progressOf(UUID commitmentId) {
        return getEntityManager().createQuery("from CommitmentProgress p where p.commitmentId = :id order by p.reportedAt", CommitmentProgress.class)
                .setParameter("id", commitmentId).getResultList();
    }

    public long countProgress(UUID commitmentId) {
        return getEntityManager().createQuery("select count(p) from CommitmentProgress p where p.commitmentId = :id", Long.class)
                .setParameter("id", commitmentId).getSingleResult();
    }

    public void persist(CommitmentProgress progress) {
        getEntityManager().persist(progress);
    }
}
