package gov.suggestions.suggestion.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import gov.suggestions.suggestion.domain.UnitAssignment;

/** What a history entry says changed: field names and their new values (nulls kept). */
final class Changes {

    private Changes() {
    }

    static Map<String, Object> of(Object... namesAndValues) {
        Map<String, Object> changes = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            changes.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return changes;
    }

    static List<Map<String, Object>> units(List<UnitAssignment> units) {
        return units.stream().map(u -> of("unitCode", u.unitCode, "role", u.role.name(), "assignedOn", u.assignedOn,
                "replyDue", u.replyDue, "jointOpinionDue", u.jointOpinionDue)).toList();
    }
}
