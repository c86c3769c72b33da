package gov.suggestions.notification.rest;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import gov.suggestions.notification.domain.Audience;
import gov.suggestions.notification.domain.Channel;
import gov.suggestions.notification.service.RuleService;

@Schema(description = "Which notice an event type sends, to whom, on which channels")
public record NotificationRuleRequest(
        @Schema(examples = "case.overdue.v1") @NotNull @Pattern(regexp = "[a-z][a-z0-9.-]{2,99}") String eventType,
        @NotNull Audience audience,
        @NotEmpty @Size(max = 4) List<@NotNull Channel> channels,
        @Schema(description = "Template name under templates/notices/<locale>/", examples = "staff-overdue")
        @NotNull @Pattern(regexp = "[a-z][a-z0-9-]{1,99}") String template,
        @NotNull Boolean enabled) {

    RuleService.RuleData toData() {
        return new RuleService.RuleData(eventType, audience, channels, template, enabled);
    }
}
