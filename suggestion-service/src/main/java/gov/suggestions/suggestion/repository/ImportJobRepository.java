package gov.suggestions.suggestion.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import gov.suggestions.suggestion.domain.ImportJob;
import gov.suggestions.suggestion.domain.ImportJobError;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ImportJobRepository implements PanacheRepositoryBase<ImportJob, UUID> {

    public List<ImportJobError> errors(UUID jobId) {
        return getEntityManager().createQuery("from ImportJobError e where e.key.jobId = :job order by e.key.rowNumber", ImportJobError.class)
                .setParameter("job", jobId).getResultList();
    }
}
