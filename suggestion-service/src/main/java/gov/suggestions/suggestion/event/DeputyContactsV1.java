package gov.suggestions.suggestion.event;

import java.time.Instant;

import gov.suggestions.suggestion.domain.Deputy;

/**
 * Data of {@code deputy.contacts.v1}: a deputy's contacts as now on the roster, for notification-service.
 * Carries personal data (phone, e-mail); keyed by deputy id so one deputy's updates stay in order.
 * {@code removed} is true when the deputy left the roster: the consumer forgets the contacts.
 */
public record DeputyContactsV1(
        String congressBody,
        String deputyId,
        String name,
        String delegation,
        String phone,
        String email,
        boolean removed,
        Instant occurredAt) {

    public static final String TYPE = "deputy.contacts.v1";

    public static DeputyContactsV1 of(Deputy d, boolean removed, Instant at) {
        return new DeputyContactsV1(d.key.congressBody, d.key.id, d.name, d.delegation,
                removed ? null : d.phone, removed ? null : d.email, removed, at);
    }
}
