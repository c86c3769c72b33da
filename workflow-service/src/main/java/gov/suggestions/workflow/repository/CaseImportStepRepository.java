package gov.suggestions.workflow.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import gov.suggestions.workflow.domain.CaseImportStep;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CaseImportStepRepository implements PanacheRepositoryBase<CaseImportStep, CaseImportStep.Key> {

    /** The steps of that record already imported into the case, by index. */
    public List<CaseImportStep> of(UUID caseId, String sourceRecord) {
        return list("caseId = ?1 and sourceRecord = ?2 order by stepIndex", caseId, sourceRecord);
    }
}
