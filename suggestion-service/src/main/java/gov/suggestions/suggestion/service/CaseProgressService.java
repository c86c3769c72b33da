package gov.suggestions.suggestion.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import gov.suggestions.suggestion.domain.CaseProgress;
import gov.suggestions.suggestion.event.CaseEventV1;
import gov.suggestions.suggestion.repository.CaseProgressRepository;
import gov.suggestions.suggestion.repository.InboxEventRepository;

/** Keeps each unit's case state on its suggestion from workflow-service's case events, each applied once. */
@ApplicationScoped
public class CaseProgressService {

    private final CaseProgressRepository progress;
    private final InboxEventRepository inbox;

    public CaseProgressService(CaseProgressRepository progress, InboxEventRepository inbox) {
        this.progress = progress;
        this.inbox = inbox;
    }

    @Transactional
    public void apply(String source, String eventId, String type, CaseEventV1 event) {
        if (!inbox.recordFirstDelivery(source, eventId, type)) {
            return; // a redelivery
        }
        CaseProgress current = progress.findById(event.caseId());
        boolean fresh = current == null;
        if (fresh) {
            current = new CaseProgress();
            current.caseId = event.caseId();
            current.suggestionId = event.suggestionId();
        } else if (event.occurredAt().isBefore(current.occurredAt)) {
            return; // an older event arriving late changes nothing
        }
        current.unitCode = event.unitCode();
        current.role = event.role();
        current.state = event.state();
        current.occurredAt = event.occurredAt();
        current.lastEvent = type;
        if (fresh) {
            progress.persist(current);
        }
    }

    @Transactional
    public void ignore(String source, String eventId, String type) {
        inbox.recordFirstDelivery(source, eventId, type);
    }
}
