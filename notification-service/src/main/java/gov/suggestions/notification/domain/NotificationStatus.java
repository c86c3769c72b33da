package gov.suggestions.notification.domain;

/** PENDING (due for a try), SENDING (handed to the provider, outcome not yet recorded), SENT, FAILED. */
public enum NotificationStatus {
    PENDING, SENDING, SENT, FAILED
}
