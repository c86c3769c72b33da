package gov.suggestions.notification.service;

import java.util.UUID;

/** What a channel needs to send one notice; read in the claiming transaction, sent outside it. */
public record Delivery(UUID notificationId, int attempt, String recipientId, String destination, String recipientName, String subject, String body,
        UUID caseId, String replyLetter) {

    @Override
    public String toString() {
        return "Delivery[" + notificationId + " #" + attempt + " to " + Masking.address(destination) + "]";
    }
}
