package gov.suggestions.notification.service;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import gov.suggestions.notification.domain.Notification;
import gov.suggestions.notification.event.UnprocessableEventException;

/** Fields of a consumed event's data: a missing required field or a bad id makes the event unprocessable. */
final class EventFields {

    private EventFields() {
    }

    static String requireText(JsonNode data, String field, String eventId) {
        String value = text(data, field);
        if (value == null || value.isBlank()) {
            throw new UnprocessableEventException("event " + eventId + " lacks " + field);
        }
        return value;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** The event a notice comes from, its ids read from the data: a bad one makes the event unprocessable. */
    static Notification.Origin origin(String eventId, String type, JsonNode data, String congressBody, String unitCode) {
        String caseId = text(data, "caseId");
        return new Notification.Origin(eventId, type, uuid(text(data, "suggestionId"), "suggestionId"),
                caseId == null ? null : uuid(caseId, "caseId"), congressBody, unitCode);
    }

    static UUID uuid(String value, String field) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new UnprocessableEventException(field + " is not a uuid");
        }
    }
}
