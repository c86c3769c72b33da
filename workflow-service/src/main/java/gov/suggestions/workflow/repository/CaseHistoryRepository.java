package gov.suggestions.workflow.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import gov.suggestions.workflow.domain.CaseHistoryEntry;
import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class CaseHistoryRepository implements PanacheRepository<CaseHistoryEntry> {

    public Optional<CaseHistoryEntry> last(UUID caseId) {
        return find("caseId = ?1 order by seq desc", caseId).firstResultOptional();
    }

    public List<CaseHistoryEntry> ofCase(UUID caseId) {
        return list("caseId = ?1 order by seq", caseId);
    }

    /** At most {@code limit} entries with seq from {@code fromSeq}, in order. */
    public List<CaseHistoryEntry> ofCase(UUID caseId, int fromSeq, int limit) {
        return find("caseId = ?1 and seq >= ?2 order by seq", caseId, fromSeq).range(0, limit - 1).list();
    }
}
