package gov.suggestions.reporting.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import gov.suggestions.reporting.domain.ReportCase;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ReportCaseRepository implements PanacheRepositoryBase<ReportCase, UUID> {

    @Override
    public ReportCase findById(UUID id) {
        return BatchRows.find(getEntityManager(), ReportCase.class, id);
    }

    @Override
    public void persist(ReportCase row) {
        BatchRows.persist(getEntityManager(), ReportCase.class, row.id, row);
    }
}
