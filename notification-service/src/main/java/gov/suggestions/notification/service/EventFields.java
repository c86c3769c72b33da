package gov.suggestions.notification.service;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

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

    static UUID uuid(String value, String field) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new UnprocessableEventException(field + " is not a uuid");
        }
    }
}
