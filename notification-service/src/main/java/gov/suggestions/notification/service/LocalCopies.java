package gov.suggestions.notification.service;

import static gov.suggestions.notification.service.EventFields.requireText;
import static gov.suggestions.notification.service.EventFields.text;
import static gov.suggestions.notification.service.EventFields.uuid;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import gov.suggestions.notification.domain.DeputyContact;
import gov.suggestions.notification.domain.SuggestionRef;
import gov.suggestions.notification.repository.DeputyContactRepository;
import gov.suggestions.notification.repository.SuggestionRefRepository;

/**
 * What this service keeps of other services' data, from their events: deputies' contacts (deputy.contact-updated.v1)
 * and, of each suggestion, what later events need (congress body, number, title, the deputies who signed it). Run in
 * the intake's transaction.
 */
@ApplicationScoped
class LocalCopies {

    private static final Logger LOG = Logger.getLogger(LocalCopies.class);

    private final DeputyContactRepository contacts;
    private final SuggestionRefRepository suggestions;
    private final Clock clock;

    LocalCopies(DeputyContactRepository contacts, SuggestionRefRepository suggestions, Clock clock) {
        this.contacts = contacts;
        this.suggestions = suggestions;
        this.clock = clock;
    }

    /** Contacts are kept per (congress body, roster id): the same id in another body is another deputy. */
    void keepContact(String eventId, JsonNode data) {
        String deputyId = requireText(data, "deputyId", eventId);
        String congressBody = requireText(data, "congressBody", eventId);
        DeputyContact contact = contacts.of(congressBody, deputyId);
        if (data.path("removed").asBoolean(false)) {
            // the deputy left this body's roster: their contact data is forgotten (another body's entry stays)
            if (contact != null) {
                contacts.delete(contact);
            }
            LOG.infof("contact of deputy %s of %s removed", deputyId, congressBody);
            return;
        }
        boolean isNew = contact == null;
        if (isNew) {
            contact = new DeputyContact();
            contact.congressBody = congressBody;
            contact.deputyId = deputyId;
        }
        contact.name = requireText(data, "name", eventId);
        contact.delegation = text(data, "delegation");
        contact.mobile = text(data, "mobile");
        contact.email = text(data, "email");
        List<String> preferred = new ArrayList<>();
        data.path("preferredChannels").forEach(c -> preferred.add(c.asText()));
        contact.preferredChannels = String.join(",", preferred);
        contact.updatedAt = clock.instant();
        if (isNew) {
            contacts.persist(contact);
        }
        // the payload is personal data: only the id and the masked addresses are logged
        LOG.infof("contact of deputy %s of %s updated (mobile %s, e-mail %s)", deputyId, congressBody, Masking.mobile(contact.mobile),
                Masking.email(contact.email));
    }

    void keepSuggestion(JsonNode data) {
        String id = text(data, "suggestionId");
        String number = text(data, "number");
        String title = text(data, "title");
        if (id == null || number == null || title == null) {
            return;
        }
        UUID suggestionId = uuid(id, "suggestionId");
        SuggestionRef ref = suggestions.findById(suggestionId);
        boolean isNew = ref == null;
        if (isNew) {
            ref = new SuggestionRef();
            ref.suggestionId = suggestionId;
        }
        ref.congressBody = text(data, "congressBody") == null ? ref.congressBody : text(data, "congressBody");
        if (ref.congressBody == null) {
            return;
        }
        ref.number = number;
        ref.title = title;
        if (text(data.path("leadDeputy"), "id") != null) {
            ref.leadDeputyId = text(data.path("leadDeputy"), "id");
        }
        if (data.has("coSigners")) {
            List<String> ids = new ArrayList<>();
            data.path("coSigners").forEach(c -> {
                if (text(c, "id") != null) {
                    ids.add(text(c, "id"));
                }
            });
            ref.coSignerIds = String.join(",", ids);
        }
        ref.updatedAt = clock.instant();
        if (isNew) {
            suggestions.persist(ref);
        }
    }

    /** The event's congress body: its own field, else the suggestion's as last seen. */
    String congressBodyOf(JsonNode data) {
        String body = text(data, "congressBody");
        if (body != null || text(data, "suggestionId") == null) {
            return body;
        }
        try {
            SuggestionRef ref = suggestions.findById(UUID.fromString(text(data, "suggestionId")));
            return ref == null ? null : ref.congressBody;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
