package gov.suggestions.notification.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The paged lists' shapes in the OpenAPI document: {@link PageResponse} for each kind of item. A response that states
 * its examples gets no schema inferred from a generic return type, so these name it; the JSON is PageResponse's.
 */
final class PageSchemas {

    /** Bounds the documented responses state, as the OpenAPI annotations take them (strings). */
    static final String LONG_MAX = "9223372036854775807";
    static final String PAGE_MAX = "100000";
    static final String SIZE_MAX = "200";
    static final String VERSION = "Version for optimistic concurrency; also sent as the ETag";

    private PageSchemas() {
    }

    @Schema(name = "DeliveryLogPage")
    record DeliveryLog(@Schema(maxItems = 200) List<DeliveryLogEntryResponse> items, @Schema(minimum = "0", maximum = PAGE_MAX) int page,
            @Schema(minimum = "1", maximum = SIZE_MAX) int size, @Schema(minimum = "0", maximum = LONG_MAX) long total) {
    }

    @Schema(name = "InboxPage")
    record Inbox(@Schema(maxItems = 200) List<InboxNotificationResponse> items, @Schema(minimum = "0", maximum = PAGE_MAX) int page,
            @Schema(minimum = "1", maximum = SIZE_MAX) int size, @Schema(minimum = "0", maximum = LONG_MAX) long total) {
    }

    @Schema(name = "StaffRecipientPage")
    record StaffRecipients(@Schema(maxItems = 200) List<StaffRecipientResponse> items, @Schema(minimum = "0", maximum = PAGE_MAX) int page,
            @Schema(minimum = "1", maximum = SIZE_MAX) int size, @Schema(minimum = "0", maximum = LONG_MAX) long total) {
    }

    @Schema(name = "WebhookSubscriptionPage")
    record WebhookSubscriptions(@Schema(maxItems = 200) List<WebhookSubscriptionResponse> items,
            @Schema(minimum = "0", maximum = PAGE_MAX) int page, @Schema(minimum = "1", maximum = SIZE_MAX) int size,
            @Schema(minimum = "0", maximum = LONG_MAX) long total) {
    }
}
