package gov.suggestions.reporting.repository;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import gov.suggestions.reporting.domain.AnnualSummaryDraft;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class AnnualSummaryDraftRepository implements PanacheRepositoryBase<AnnualSummaryDraft, UUID> {

    public Optional<AnnualSummaryDraft> findFor(String unitCode, int year) {
        return find("unitCode = ?1 and year = ?2", unitCode, year).firstResultOptional();
    }

    /** Serialises creations of the same unit's draft for a year (released at commit). */
    public void lockFor(String unitCode, int year) {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(:unit), :year)")
                .setParameter("unit", unitCode).setParameter("year", year).getSingleResult();
    }

    /** The next 索引号 sequence for the credit code and year; the upsert locks the row, so concurrent drafts never share one. */
    public int nextIndexSequence(String creditCode, int year) {
        return ((Number) getEntityManager().createNativeQuery("""
                INSERT INTO summary_index_sequence (credit_code, year, last_value) VALUES (:code, :year, 1)
                ON CONFLICT (credit_code, year) DO UPDATE SET last_value = summary_index_sequence.last_value + 1
                RETURNING last_value""").setParameter("code", creditCode).setParameter("year", year).getSingleResult()).intValue();
    }
}
