package gov.suggestions.notification.domain;

/** Where a notice goes. INBOX is delivered by storing it; the others are handed to a provider after commit. */
public enum Channel {
    EMAIL, SMS, INBOX, WEBHOOK
}
