package gov.suggestions.reporting.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import gov.suggestions.reporting.domain.ReportNotice;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ReportNoticeRepository implements PanacheRepositoryBase<ReportNotice, UUID> {

    @Override
    public ReportNotice findById(UUID id) {
        return BatchRows.find(getEntityManager(), ReportNotice.class, id);
    }

    @Override
    public void persist(ReportNotice row) {
        BatchRows.persist(getEntityManager(), ReportNotice.class, row.subjectId, row);
    }
}
