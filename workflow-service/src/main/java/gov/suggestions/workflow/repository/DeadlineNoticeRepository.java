package gov.suggestions.workflow.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import gov.suggestions.workflow.domain.CaseRole;
import gov.suggestions.workflow.domain.CaseState;

@ApplicationScoped
public class DeadlineNoticeRepository {

    /** States in which a case still owes its reply or opinion. */
    public static final List<CaseState> OWING = gov.suggestions.workflow.domain.HandlingCase.OWING;

    private final EntityManager em;

    public DeadlineNoticeRepository(EntityManager em) {
        this.em = em;
    }

    /** @return true when this call recorded the notice; false when another run (or replica) already had */
    public boolean recordOnce(UUID caseId, LocalDate dueOn, String notice, Instant at) {
        return em.createNativeQuery("""
                INSERT INTO deadline_notice (case_id, due_on, notice, sent_at) VALUES (:id, :due, :notice, :at)
                ON CONFLICT DO NOTHING""")
                .setParameter("id", caseId).setParameter("due", dueOn).setParameter("notice", notice).setParameter("at", at)
                .executeUpdate() == 1;
    }

    /** Ids of cases still owing their reply or opinion with a deadline on or before {@code until}. */
    public List<UUID> owingUntil(LocalDate until) {
        return em.createQuery("select c.id from HandlingCase c where c.state in :states and c.dueOn <= :until", UUID.class)
                .setParameter("states", OWING).setParameter("until", until).getResultList();
    }

    /** Ids of replied cases whose deputy has not evaluated yet (JOINT opinions are not evaluated). */
    public List<UUID> awaitingEvaluation() {
        return em.createQuery("select c.id from HandlingCase c where c.state = :replied and c.role <> :joint", UUID.class)
                .setParameter("replied", CaseState.REPLIED).setParameter("joint", CaseRole.JOINT).getResultList();
    }

    public static boolean joint(CaseRole role) {
        return role == CaseRole.JOINT;
    }
}
