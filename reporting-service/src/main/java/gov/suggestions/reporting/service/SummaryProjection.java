package gov.suggestions.reporting.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import gov.suggestions.reporting.event.CaseEventV1;

/**
 * What the annual summary needs beyond the case rows: each communication once (a symposium shared by
 * several cases keeps one id) and the measures of each case's latest reply. Runs inside the caller's
 * inbox transaction.
 */
@ApplicationScoped
public class SummaryProjection {

    private final EntityManager em;
    private final ObjectMapper json;

    public SummaryProjection(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    void communication(String eventId, CaseEventV1 event) {
        String id = event.communicationId() != null && !event.communicationId().isBlank() ? event.communicationId() : "event:" + eventId;
        em.createNativeQuery("""
                INSERT INTO report_communication (communication_id, case_id, kind, communicated_at) VALUES (:id, :caseId, :kind, :at)
                ON CONFLICT (communication_id, case_id) DO NOTHING""")
                .setParameter("id", id).setParameter("caseId", event.caseId())
                .setParameter("kind", event.kind() == null ? "" : event.kind())
                .setParameter("at", event.communicatedAt() != null ? event.communicatedAt() : event.occurredAt())
                .executeUpdate();
    }

    /** The latest reply's measures replace earlier ones; a reply without the field keeps what an earlier reply reported. */
    void replied(CaseEventV1 event) {
        boolean reported = event.commitments() != null;
        List<CaseEventV1.Commitment> commitments = reported ? event.commitments() : List.of();
        String commitmentsJson;
        try {
            commitmentsJson = json.writeValueAsString(commitments);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        em.createNativeQuery("""
                INSERT INTO report_reply_measures (case_id, reported, commitments, updated_at) VALUES (:caseId, :reported, cast(:commitments as jsonb), :now)
                ON CONFLICT (case_id) DO UPDATE SET reported = excluded.reported, commitments = excluded.commitments, updated_at = excluded.updated_at
                WHERE excluded.reported OR NOT report_reply_measures.reported""")
                .setParameter("caseId", event.caseId()).setParameter("reported", reported)
                .setParameter("commitments", commitmentsJson).setParameter("now", Instant.now())
                .executeUpdate();
    }
}
