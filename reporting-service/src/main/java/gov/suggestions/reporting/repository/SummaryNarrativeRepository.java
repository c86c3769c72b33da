package gov.suggestions.reporting.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import gov.suggestions.reporting.domain.SummaryNarrative;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class SummaryNarrativeRepository implements PanacheRepositoryBase<SummaryNarrative, UUID> {

    /** The revision in force of each section of the draft. */
    public List<SummaryNarrative> current(UUID draftId) {
        return find("from SummaryNarrative c where c.draftId = ?1 and c.revision = (select max(n.revision) from SummaryNarrative n "
                + "where n.draftId = c.draftId and n.sectionKey = c.sectionKey) order by c.sectionKey", draftId).list();
    }

    /** The newest {@code max} revisions of a section, newest first. */
    public List<SummaryNarrative> history(UUID draftId, String sectionKey, int max) {
        return find("draftId = ?1 and sectionKey = ?2 order by revision desc", draftId, sectionKey).range(0, max - 1).list();
    }

    public int lastRevision(UUID draftId, String sectionKey) {
        Integer last = getEntityManager().createQuery(
                "select max(n.revision) from SummaryNarrative n where n.draftId = ?1 and n.sectionKey = ?2", Integer.class)
                .setParameter(1, draftId).setParameter(2, sectionKey).getSingleResult();
        return last == null ? 0 : last;
    }
}
