package gov.suggestions.workflow.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import gov.suggestions.workflow.domain.Communication;
import gov.suggestions.workflow.domain.CommunicationLink;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CommunicationRepository implements PanacheRepositoryBase<Communication, UUID> {

    /** A communication as one case counts it: in the round the case was in when it was linked. */
    public record OfCase(Communication communication, short round) {
    }

    public List<OfCase> ofCase(UUID caseId) {
        return getEntityManager().createQuery("select c, l.round from Communication c, CommunicationLink l"
                + " where l.communicationId = c.id and l.caseId = :case order by c.occurredAt, c.recordedAt", Object[].class)
                .setParameter("case", caseId).getResultList().stream()
                .map(row -> new OfCase((Communication) row[0], (Short) row[1])).toList();
    }

    /** Communications linked to the case, over all rounds. */
    public long countOfCase(UUID caseId) {
        return getEntityManager().createQuery("select count(l) from CommunicationLink l where l.caseId = :case", Long.class)
                .setParameter("case", caseId).getSingleResult();
    }

    public long countInRound(UUID caseId, short round) {
        return getEntityManager().createQuery("select count(l) from CommunicationLink l where l.caseId = :case and l.round = :round", Long.class)
                .setParameter("case", caseId).setParameter("round", round).getSingleResult();
    }

    /** The earliest communication of the round, as the case counts it (empty when none). */
    public java.util.Optional<java.time.Instant> firstInRound(UUID caseId, short round) {
        return java.util.Optional.ofNullable(getEntityManager().createQuery("select min(c.occurredAt) from Communication c, CommunicationLink l"
                + " where l.communicationId = c.id and l.caseId = :case and l.round = :round", java.time.Instant.class)
                .setParameter("case", caseId).setParameter("round", round).getSingleResult());
    }

    public void link(Communication communication, UUID caseId, short round) {
        CommunicationLink link = new CommunicationLink();
        link.communicationId = communication.id;
        link.caseId = caseId;
        link.round = round;
        getEntityManager().persist(link);
    }
}
