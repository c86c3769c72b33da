package gov.suggestions.notification.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import gov.suggestions.notification.config.ClockProducer;
import gov.suggestions.notification.domain.StaffRecipient;

/** Shown to the system and the person's own unit office, who need the addresses to keep them right. */
public record StaffRecipientResponse(UUID id, String username, String name, String unitCode, List<String> roles, String email,
        String mobile, String locale, List<String> preferredChannels, long version, OffsetDateTime updatedAt) {

    static StaffRecipientResponse of(StaffRecipient s) {
        return new StaffRecipientResponse(s.id, s.username, s.name, s.unitCode, List.of(s.roles.split(",")), s.email, s.mobile,
                s.locale,
                s.preferredChannels == null || s.preferredChannels.isEmpty() ? List.of() : List.of(s.preferredChannels.split(",")), s.version, s.updatedAt.atZone(ClockProducer.ZONE).toOffsetDateTime());
    }
}
