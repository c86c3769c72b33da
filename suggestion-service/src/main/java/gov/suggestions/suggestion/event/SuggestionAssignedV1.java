package gov.suggestions.suggestion.event;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import gov.suggestions.suggestion.domain.Suggestion;
import gov.suggestions.suggestion.domain.UnitAssignment;

/**
 * Data of {@code suggestion.assigned.v1} (交办), as catalogued in deploy/docs/EVENTS.md; workflow-service
 * opens one case per unit from it. Pinned by a golden-file test.
 */
public record SuggestionAssignedV1(
        UUID suggestionId,
        String congressBody,
        String number,
        String kind,
        String title,
        int year,
        String supervisionLevel,
        String priority,
        List<String> topics,
        Deputy leadDeputy,
        List<Deputy> coSigners,
        LocalDate assignedOn,
        List<Unit> units,
        // true when the assignment was made on the previous platform and brought over by an import (absent when live):
        // consumers count it as any other but tell nobody of it again
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean imported) {

    public static final String TYPE = "suggestion.assigned.v1";

    public record Deputy(String id, String name, String delegation) {
    }

    /** replyDue for SOLE/LEAD/SEPARATE, jointOpinionDue for JOINT; the other is null. */
    public record Unit(String unitCode, String unitName, String role, LocalDate replyDue, LocalDate jointOpinionDue) {

        public static Unit of(UnitAssignment u) {
            return new Unit(u.unitCode, u.unitName, u.role.name(), u.replyDue, u.jointOpinionDue);
        }
    }

    public static SuggestionAssignedV1 of(Suggestion s) {
        return of(s, false);
    }

    /** @param imported an assignment brought from the previous platform */
    public static SuggestionAssignedV1 of(Suggestion s, boolean imported) {
        return new SuggestionAssignedV1(s.id, s.congressBody, s.number, s.kind.name(), s.title, s.year,
                s.supervisionLevel.name(), s.priority.name(), List.copyOf(s.topics),
                new Deputy(s.leadDeputyId, s.leadDeputyName, s.leadDeputyDelegation),
                s.coSigners.stream().map(c -> new Deputy(c.deputyId, c.name, c.delegation)).toList(),
                s.assignedOn, s.units.stream().map(Unit::of).toList(), imported ? Boolean.TRUE : null);
    }
}
