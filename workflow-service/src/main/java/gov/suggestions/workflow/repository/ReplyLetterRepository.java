package gov.suggestions.workflow.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import gov.suggestions.workflow.domain.ReplyLetter;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ReplyLetterRepository implements PanacheRepositoryBase<ReplyLetter, UUID> {

    public Optional<ReplyLetter> latest(UUID caseId) {
        return find("caseId = ?1 order by round desc", caseId).firstResultOptional();
    }

    public List<ReplyLetter> ofCase(UUID caseId) {
        return list("caseId = ?1 order by round", caseId);
    }

    /** Whether a letter has this document number (unique over all letters). */
    public boolean numbered(String documentNumber) {
        return count("documentNumber", documentNumber) > 0;
    }

    /** The next number of the unit's yearly document sequence, taken under that sequence row's lock. */
    public int nextDocumentSequence(String unitCode, int year) {
        Number value = (Number) getEntityManager().createNativeQuery("""
                INSERT INTO document_number_sequence (unit_code, year, last_value) VALUES (:unit, :year, 1)
                ON CONFLICT (unit_code, year) DO UPDATE SET last_value = document_number_sequence.last_value + 1
                RETURNING last_value""")
                .setParameter("unit", unitCode)
                .setParameter("year", (short) year)
                .getSingleResult();
        return value.intValue();
    }
}
