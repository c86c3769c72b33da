package gov.suggestions.notification.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The paged lists' shapes in the OpenAPI document: {@link PageResponse} for each kind of item. A response that states
 * its examples gets no schema inferred from a generic return type, so these name it; the JSON is PageResponse's.
 */
final class PageSchemas {

    private PageSchemas() {
    }

    @Schema(name = "DeliveryLogPage")
    record DeliveryLog(@Schema(maxItems = 200) List<DeliveryLogEntryResponse> items, @Schema(minimum = "0", maximum = "100000") int page,
            @Schema(minimum = "1", maximum = "200") int size, @Schema(minimum = "0", maximum = "9223372036854775807") long total) {
    }

    @Schema(name = "InboxPage")
    record Inbox(@Schema(maxItems = 200) List<InboxNotificationResponse> items, @Schema(minimum = "0", maximum = "100000") int page,
            @Schema(minimum = "1", maximum = "200") int size, @Schema(minimum = "0", maximum = "9223372036854775807") long total) {
    }

    @Schema(name = "StaffRecipientPage")
    record StaffRecipients(@Schema(maxItems = 200) List<StaffRecipientResponse> items, @Schema(minimum = "0", maximum = "100000") int page,
            @Schema(minimum = "1", maximum = "200") int size, @Schema(minimum = "0", maximum = "9223372036854775807") long total) {
    }

    @Schema(name = "WebhookSubscriptionPage")
    record WebhookSubscriptions(@Schema(maxItems = 200) List<WebhookSubscriptionResponse> items,
            @Schema(minimum = "0", maximum = "100000") int page, @Schema(minimum = "1", maximum = "200") int size,
            @Schema(minimum = "0", maximum = "9223372036854775807") long total) {
    }
}
