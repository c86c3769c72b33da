package gov.suggestions.notification.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import gov.suggestions.notification.config.ClockProducer;
import gov.suggestions.notification.domain.WebhookSubscription;

/** The secret is never shown again. */
public record WebhookSubscriptionResponse(UUID id, @Schema(maxLength = 100) String name, @Schema(maxLength = 2000) String url,
        @Schema(maxItems = 50) List<@Size(max = 100) String> eventTypes, boolean enabled,
        @Schema(description = PageSchemas.VERSION, minimum = "0", maximum = PageSchemas.LONG_MAX) long version, OffsetDateTime updatedAt) {

    static WebhookSubscriptionResponse of(WebhookSubscription s) {
        return new WebhookSubscriptionResponse(s.id, s.name, s.url, List.of(s.eventTypes.split(",")), s.enabled, s.version,
                s.updatedAt.atZone(ClockProducer.ZONE).toOffsetDateTime());
    }
}
