package gov.suggestions.notification.domain;

public enum RecipientKind {
    DEPUTY, STAFF, SUBSCRIBER
}
