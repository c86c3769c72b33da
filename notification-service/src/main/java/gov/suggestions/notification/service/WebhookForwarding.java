package gov.suggestions.notification.service;

import static gov.suggestions.notification.service.EventFields.origin;
import static gov.suggestions.notification.service.EventFields.text;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import gov.suggestions.notification.domain.Channel;
import gov.suggestions.notification.domain.Notification;
import gov.suggestions.notification.domain.RecipientKind;
import gov.suggestions.notification.domain.WebhookSubscription;
import gov.suggestions.notification.event.UnprocessableEventException;
import gov.suggestions.notification.repository.NotificationRepository;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.format.EventSerializationException;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.jackson.JsonFormat;

/**
 * Events passed on to subscribed systems: one webhook notice per subscriber, stored in the intake's transaction and
 * sent by the dispatchers like every other notice. Imported events too (subscribers mirror the data).
 */
@ApplicationScoped
class WebhookForwarding {

    /** Structured mode: the whole event is the body, so the signature covers its attributes as well as its data. */
    static final EventFormat FORMAT = new JsonFormat();

    private final NotificationRepository notifications;
    private final Clock clock;

    WebhookForwarding(NotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    /**
     * The event as the subscriber receives it: a CloudEvent in JSON (structured mode), written now and stored as the
     * notice's body, so every try sends the same bytes.
     *
     * @param time when the event happened as its publisher said (its {@code time}); null: when it reached us
     */
    int forward(WebhookSubscription subscriber, String source, String eventId, String type, OffsetDateTime time, JsonNode data) {
        Instant now = clock.instant();
        Notification n = Notification.newNotice(origin(eventId, type, data, text(data, "congressBody"), text(data, "unitCode")),
                RecipientKind.SUBSCRIBER, subscriber.id.toString(), subscriber.name, Channel.WEBHOOK, subscriber.url, "cloudevent", now);
        n.subject = type;
        n.body = new String(serialize(cloudEvent(source, eventId, type, time != null ? time : now.atOffset(ZoneOffset.UTC), data)),
                StandardCharsets.UTF_8);
        notifications.persist(n);
        return 1;
    }

    private static CloudEvent cloudEvent(String source, String eventId, String type, OffsetDateTime time, JsonNode data) {
        CloudEventBuilder event = CloudEventBuilder.v1()
                .withId(eventId)
                .withSource(sourceUri(source, eventId))
                .withType(type)
                .withTime(time)
                .withData("application/json", JsonCloudEventData.wrap(data));
        String subject = text(data, "suggestionId");
        if (subject != null) {
            event.withSubject(subject);
        }
        return event.build();
    }

    private static URI sourceUri(String source, String eventId) {
        try {
            return new URI(source);
        } catch (URISyntaxException e) {
            // CloudEvents requires a URI-reference: an event without one cannot be passed on as a CloudEvent
            throw new UnprocessableEventException("event " + eventId + " has a source that is not a URI reference");
        }
    }

    private static byte[] serialize(CloudEvent event) {
        try {
            return FORMAT.serialize(event);
        } catch (EventSerializationException e) {
            throw new UnprocessableEventException("event " + event.getId() + " cannot be written as a CloudEvent");
        }
    }
}
