package gov.suggestions.notification.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import gov.suggestions.notification.config.ClockProducer;
import gov.suggestions.notification.domain.WebhookSubscription;

/** The secret is never shown again. */
public record WebhookSubscriptionResponse(UUID id, String name, String url, List<String> eventTypes, boolean enabled, long version,
        OffsetDateTime updatedAt) {

    static WebhookSubscriptionResponse of(WebhookSubscription s) {
        return new WebhookSubscriptionResponse(s.id, s.name, s.url, List.of(s.eventTypes.split(",")), s.enabled, s.version,
                s.updatedAt.atZone(ClockProducer.ZONE).toOffsetDateTime());
    }
}
