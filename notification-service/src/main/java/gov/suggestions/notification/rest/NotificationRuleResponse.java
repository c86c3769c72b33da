package gov.suggestions.notification.rest;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import gov.suggestions.notification.domain.Audience;
import gov.suggestions.notification.domain.Channel;
import gov.suggestions.notification.domain.NotificationRule;

public record NotificationRuleResponse(UUID id, String eventType, Audience audience, List<Channel> channels, String template,
        boolean enabled, String congressBody, long version) {

    static NotificationRuleResponse of(NotificationRule r) {
        return new NotificationRuleResponse(r.id, r.eventType, r.audience,
                Arrays.stream(r.channels.split(",")).map(Channel::valueOf).toList(), r.template, r.enabled, r.congressBody, r.version);
    }
}
