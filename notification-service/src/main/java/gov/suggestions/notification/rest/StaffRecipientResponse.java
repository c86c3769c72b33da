package gov.suggestions.notification.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import gov.suggestions.notification.config.ClockProducer;
import gov.suggestions.notification.domain.StaffRecipient;

/** Shown to the system and the person's own unit office, who need the addresses to keep them right. */
public record StaffRecipientResponse(UUID id, @Schema(maxLength = 200) String username, @Schema(maxLength = 100) String name,
        @Schema(maxLength = 40) String unitCode, @Schema(maxItems = 7) List<@Size(max = 20) String> roles,
        @Schema(maxLength = 254) String email, @Schema(maxLength = 40) String mobile, @Schema(maxLength = 10) String locale,
        @Schema(maxItems = 4) List<@Size(max = 10) String> preferredChannels,
        @Schema(description = PageSchemas.VERSION, minimum = "0", maximum = PageSchemas.LONG_MAX) long version, OffsetDateTime updatedAt) {

    static StaffRecipientResponse of(StaffRecipient s) {
        return new StaffRecipientResponse(s.id, s.username, s.name, s.unitCode, List.of(s.roles.split(",")), s.email, s.mobile,
                s.locale,
                s.preferredChannels == null || s.preferredChannels.isEmpty() ? List.of() : List.of(s.preferredChannels.split(",")), s.version, s.updatedAt.atZone(ClockProducer.ZONE).toOffsetDateTime());
    }
}
