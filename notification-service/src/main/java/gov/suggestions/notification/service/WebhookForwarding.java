package gov.suggestions.notification.service;

import static gov.suggestions.notification.service.EventFields.origin;
import static gov.suggestions.notification.service.EventFields.text;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import gov.suggestions.notification.domain.Channel;
import gov.suggestions.notification.domain.Notification;
import gov.suggestions.notification.domain.RecipientKind;
import gov.suggestions.notification.domain.WebhookSubscription;
import gov.suggestions.notification.event.UnprocessableEventException;
import gov.suggestions.notification.repository.NotificationRepository;

/**
 * Events passed on to subscribed systems: one webhook notice per subscriber, stored in the intake's transaction and
 * sent by the dispatchers like every other notice. Imported events too (subscribers mirror the data).
 */
@ApplicationScoped
class WebhookForwarding {

    private final NotificationRepository notifications;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    WebhookForwarding(NotificationRepository notifications, ObjectMapper objectMapper, Clock clock) {
        this.notifications = notifications;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    /** The event as the subscriber receives it: CloudEvents JSON (structured mode). */
    int forward(WebhookSubscription subscriber, String source, String eventId, String type, JsonNode data) {
        Instant now = clock.instant();
        Notification n = Notification.newNotice(origin(eventId, type, data, text(data, "congressBody"), text(data, "unitCode")),
                RecipientKind.SUBSCRIBER, subscriber.id.toString(), subscriber.name, Channel.WEBHOOK, subscriber.url, "cloudevent", now);
        n.subject = type;
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("specversion", "1.0");
        envelope.put("id", eventId);
        envelope.put("source", source);
        envelope.put("type", type);
        envelope.put("subject", text(data, "suggestionId"));
        envelope.put("datacontenttype", "application/json");
        envelope.put("data", data);
        try {
            n.body = objectMapper.writeValueAsString(envelope);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UnprocessableEventException("event " + eventId + " cannot be written as JSON");
        }
        notifications.persist(n);
        return 1;
    }
}
