package gov.suggestions.suggestion.event;

import java.time.Instant;

import gov.suggestions.suggestion.domain.Deputy;

/**
 * Data of {@code deputy.contact-updated.v1}: a deputy's contacts as now on the roster, for notification-service.
 * Carries personal data (mobile phone, e-mail); the type and field names are the ones notification-service reads; keyed by deputy id so one deputy's updates stay in order.
 * {@code removed} is true when the deputy left the roster: the consumer forgets the contacts.
 */
public record DeputyContactUpdatedV1(
        String congressBody,
        String deputyId,
        String name,
        String delegation,
        String mobile,
        String email,
        boolean removed,
        Instant occurredAt) {

    public static final String TYPE = "deputy.contact-updated.v1";

    public static DeputyContactUpdatedV1 of(Deputy d, boolean removed, Instant at) {
        return new DeputyContactUpdatedV1(d.key.congressBody, d.key.id, d.name, d.delegation,
                removed ? null : d.phone, removed ? null : d.email, removed, at);
    }
}
