package gov.suggestions.workflow.event;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The data of every {@code case.*} event: the common fields (deploy/docs/EVENTS.md; README,
 * "Events published") followed by the type's own fields. Shapes are pinned by golden files.
 */
@JsonPropertyOrder({ "caseId", "suggestionId", "congressBody", "number", "unitCode", "role", "state", "occurredAt", "actor" })
public final class CaseEventData {

    public final UUID caseId;
    public final UUID suggestionId;
    public final String congressBody;
    public final String number;
    public final String unitCode;
    public final String role;
    public final String state;
    public final Instant occurredAt;
    public final String actor;
    private final Map<String, Object> own = new LinkedHashMap<>();

    public CaseEventData(UUID caseId, UUID suggestionId, String congressBody, String number, String unitCode, String role,
            String state, Instant occurredAt, String actor) {
        this.caseId = caseId;
        this.suggestionId = suggestionId;
        this.congressBody = congressBody;
        this.number = number;
        this.unitCode = unitCode;
        this.role = role;
        this.state = state;
        this.occurredAt = occurredAt;
        this.actor = actor;
    }

    public CaseEventData with(String field, Object value) {
        own.put(field, value);
        return this;
    }

    @JsonAnyGetter
    public Map<String, Object> own() {
        return own;
    }
}
