package gov.suggestions.reporting.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import gov.suggestions.reporting.domain.ReportSuggestion;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ReportSuggestionRepository implements PanacheRepositoryBase<ReportSuggestion, UUID> {

    @Override
    public ReportSuggestion findById(UUID id) {
        return BatchRows.find(getEntityManager(), ReportSuggestion.class, id);
    }

    @Override
    public void persist(ReportSuggestion row) {
        BatchRows.persist(getEntityManager(), ReportSuggestion.class, row.id, row);
    }
}
