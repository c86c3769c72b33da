package gov.suggestions.notification.rest;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import gov.suggestions.notification.service.WebhookSubscriptionService;

@Schema(description = "A system that receives events by signed HTTP POST")
public record WebhookSubscriptionRequest(
        @NotBlank @Size(max = 100) String name,
        @Schema(examples = "https://citizen-app.example.gov.cn/hooks/suggestions")
        @NotNull @Size(max = 2000) @Pattern(regexp = "https?://\\S+") String url,
        @NotEmpty @Size(max = 50) List<@NotNull @Size(max = 100) @Pattern(regexp = "[a-z][a-z0-9.-]{2,99}") String> eventTypes,
        @Schema(description = "HMAC-SHA256 key shared with the receiver; write-only") @NotNull @Size(min = 16, max = 200) String secret,
        @NotNull Boolean enabled) {

    WebhookSubscriptionService.SubscriptionData toData() {
        return new WebhookSubscriptionService.SubscriptionData(name, url, eventTypes, secret, enabled);
    }
}
