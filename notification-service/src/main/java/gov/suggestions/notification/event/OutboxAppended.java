package gov.suggestions.notification.event;

/** Fired when an outbox row is written; observed after commit to wake the relay at once. */
public record OutboxAppended(long outboxId) {
}
