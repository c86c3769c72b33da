package gov.suggestions.reporting.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import gov.suggestions.reporting.domain.ReportSuggestion;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ReportSuggestionRepository implements PanacheRepositoryBase<ReportSuggestion, UUID> {

    @Override
    public ReportSuggestion findById(UUID id) {
        return KnownMissing.claim(id) ? null : getEntityManager().find(ReportSuggestion.class, id);
    }
}
