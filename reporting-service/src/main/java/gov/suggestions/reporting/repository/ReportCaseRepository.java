package gov.suggestions.reporting.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import gov.suggestions.reporting.domain.ReportCase;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ReportCaseRepository implements PanacheRepositoryBase<ReportCase, UUID> {

    @Override
    public ReportCase findById(UUID id) {
        return KnownMissing.claim(id) ? null : getEntityManager().find(ReportCase.class, id);
    }
}
