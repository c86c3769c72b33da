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
        @Schema(examples = "case.overdue.v1") @NotNull @Size(max = 100) @Pattern(regexp = "[a-z][a-z0-9.-]{2,99}") String eventType,
        @NotNull Audience audience,
        @NotEmpty @Size(max = 4) List<@NotNull Channel> channels,
        @Schema(description = "Template name under templates/notices/<locale>/", examples = "staff-overdue")
        @NotNull @Size(max = 100) @Pattern(regexp = "[a-z][a-z0-9-]{1,99}") String template,
        @NotNull Boolean enabled,
        @Schema(description = "Absent or null: the global rule (platform-admin, system). A congress body's code: that body's override of the global rule "
                + "for the same event type and audience, which wins for the body's events (a congress office names its own body).",
                examples = "shenzhen-npc", nullable = true)
        @Size(max = 40) @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,39}") String congressBody) {

    RuleService.RuleData toData() {
        return new RuleService.RuleData(eventType, audience, channels, template, enabled, congressBody);
    }
}
