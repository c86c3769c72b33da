package gov.suggestions.workflow.service;

import gov.suggestions.workflow.domain.Text;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import gov.suggestions.workflow.domain.ReceivedSuggestion;
import gov.suggestions.workflow.event.SuggestionSubmittedV1;
import gov.suggestions.workflow.event.UnprocessableEventException;
import gov.suggestions.workflow.repository.InboxEventRepository;
import gov.suggestions.workflow.repository.ReceivedSuggestionRepository;

@ApplicationScoped
public class ReceivedSuggestionService {

    private final ReceivedSuggestionRepository suggestions;
    private final InboxEventRepository inbox;

    public ReceivedSuggestionService(ReceivedSuggestionRepository suggestions, InboxEventRepository inbox) {
        this.suggestions = suggestions;
        this.inbox = inbox;
    }

    /** Keeps the suggestion once per event: the inbox row and the record commit together. */
    @Transactional
    public void receive(String source, String eventId, SuggestionSubmittedV1 event) {
        if (!inbox.recordFirstDelivery(source, eventId, SuggestionSubmittedV1.TYPE)) {
            return;
        }
        ReceivedSuggestion existing = suggestions.findById(event.suggestionId());
        if (existing != null) {
            throw new UnprocessableEventException("suggestion " + event.suggestionId() + " was already submitted by event "
                    + existing.sourceEventId + "; event " + eventId + " submits it again");
        }
        ReceivedSuggestion suggestion = new ReceivedSuggestion();
        suggestion.suggestionId = event.suggestionId();
        suggestion.congressBody = event.congressBody();
        suggestion.number = event.number();
        suggestion.kind = event.kind();
        suggestion.title = event.title();
        suggestion.leadDeputyId = event.leadDeputy().id();
        suggestion.leadDeputyName = event.leadDeputy().name();
        suggestion.term = event.term().shortValue();
        suggestion.session = event.session().shortValue();
        suggestion.year = event.year().shortValue();
        suggestion.submittedOn = event.submittedOn();
        suggestion.sourceEventId = eventId;
        suggestion.receivedAt = Instant.now();
        suggestions.persist(suggestion);
    }

    /** An event type this version does not use: remembered so a redelivery is cheap, otherwise no effect. */
    @Transactional
    public void ignore(String source, String eventId, String eventType) {
        inbox.recordFirstDelivery(source, eventId, eventType);
    }

    @Transactional
    public ReceivedSuggestion get(UUID id, Caller caller) {
        return suggestions.findVisible(id, caller.scope())
                .orElseThrow(() -> new NotFoundException(Text.of("workflow-service 尚未收到您可查看的建议 " + id,
                        "workflow-service has received no suggestion " + id + " visible to you")));
    }
}
