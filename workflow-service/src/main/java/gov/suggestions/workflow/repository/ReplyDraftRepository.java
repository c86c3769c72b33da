package gov.suggestions.workflow.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import gov.suggestions.workflow.domain.ReplyDraft;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ReplyDraftRepository implements PanacheRepositoryBase<ReplyDraft, UUID> {

    public Optional<ReplyDraft> latest(UUID caseId) {
        return find("caseId = ?1 order by version desc", caseId).firstResultOptional();
    }

    public List<ReplyDraft> ofCase(UUID caseId) {
        return list("caseId = ?1 order by version", caseId);
    }
}
