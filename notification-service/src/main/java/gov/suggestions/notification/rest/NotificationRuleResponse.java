package gov.suggestions.notification.rest;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import gov.suggestions.notification.domain.Audience;
import gov.suggestions.notification.domain.Channel;
import gov.suggestions.notification.domain.NotificationRule;

public record NotificationRuleResponse(UUID id, @Schema(maxLength = 100) String eventType, Audience audience,
        @Schema(maxItems = 4) List<Channel> channels, @Schema(maxLength = 100) String template, boolean enabled,
        @Schema(maxLength = 40) String congressBody,
        @Schema(description = PageSchemas.VERSION, minimum = "0", maximum = PageSchemas.LONG_MAX) long version) {

    static NotificationRuleResponse of(NotificationRule r) {
        return new NotificationRuleResponse(r.id, r.eventType, r.audience,
                Arrays.stream(r.channels.split(",")).map(Channel::valueOf).toList(), r.template, r.enabled, r.congressBody, r.version);
    }
}
