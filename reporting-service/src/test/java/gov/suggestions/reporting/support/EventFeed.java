package gov.suggestions.reporting.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import gov.suggestions.testsupport.CloudEventProducer;
import gov.suggestions.testsupport.ConsumerGroups;

/**
 * Publishes events exactly as suggestion-service, workflow-service and notification-service do: each one starts from
 * the publisher's own golden file (read from its module, so a change of an event's shape reaches these tests at once)
 * and only ids and the varied fields change.
 */
public final class EventFeed implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CloudEventProducer producer;

    public EventFeed(String bootstrapServers) {
        // right after the app starts its consumers may not hold their partitions yet; an event sent then waits for the join
        ConsumerGroups.awaitAssigned(bootstrapServers, "reporting-service", java.time.Duration.ofSeconds(90), "suggestions", "cases",
                "notifications");
        this.producer = new CloudEventProducer(bootstrapServers);
    }

    public static ObjectNode golden(String type) {
        try {
            return (ObjectNode) JSON.readTree(java.nio.file.Files.readString(goldenFile(type)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The publisher's golden file of the type: {@code <publisher>-service/src/test/resources/events/<type>.json}. */
    static java.nio.file.Path goldenFile(String type) {
        String publisher = type.startsWith("case.") ? "workflow" : type.startsWith("notification.") ? "notification" : "suggestion";
        // the tests run in this module's directory, beside the publishers' modules
        return java.nio.file.Path.of("..", publisher + "-service", "src", "test", "resources", "events", type + ".json");
    }

    /** Sends a suggestions-topic event of the type, golden data with the overrides applied. */
    public String suggestion(String type, UUID suggestionId, Map<String, ?> overrides) {
        ObjectNode data = golden(type);
        data.put("suggestionId", suggestionId.toString());
        overrides.forEach((k, v) -> data.set(k, JSON.valueToTree(v)));
        return send("suggestions", "/suggestion-service", type, suggestionId, data);
    }

    /** Sends a cases-topic event of the type, golden data with the overrides applied. */
    public String caseEvent(String type, CaseRef ref, Map<String, ?> overrides) {
        ObjectNode data = golden(type);
        data.put("caseId", ref.caseId().toString());
        data.put("suggestionId", ref.suggestionId().toString());
        data.put("number", ref.number());
        data.put("unitCode", ref.unitCode());
        data.put("role", ref.role());
        data.put("congressBody", ref.congressBody());
        overrides.forEach((k, v) -> data.set(k, JSON.valueToTree(v)));
        return send("cases", "/workflow-service", type, ref.suggestionId(), data);
    }

    public String send(String topic, String source, String type, UUID key, ObjectNode data) {
        String id = UUID.randomUUID().toString();
        producer.send(topic, key.toString(), id, source, type, data.toString());
        return id;
    }

    public void sendRaw(String topic, String key, String id, String source, String type, String json) {
        producer.send(topic, key, id, source, type, json);
    }

    /** An assignment unit entry as in suggestion.assigned.v1. */
    public static Map<String, Object> unit(String code, String name, String role, LocalDate due) {
        boolean joint = "JOINT".equals(role);
        java.util.HashMap<String, Object> unit = new java.util.HashMap<>();
        unit.put("unitCode", code);
        unit.put("unitName", name);
        unit.put("role", role);
        unit.put("replyDue", joint ? null : due.toString());
        unit.put("jointOpinionDue", joint ? due.toString() : null);
        return unit;
    }

    public static ArrayNode array(List<?> values) {
        return JSON.valueToTree(values);
    }

    @Override
    public void close() {
        producer.close();
    }

    public record CaseRef(UUID caseId, UUID suggestionId, String congressBody, String number, String unitCode, String role) {
    }
}
