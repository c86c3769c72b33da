package gov.suggestions.suggestion.event;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import gov.suggestions.suggestion.domain.Suggestion;
import gov.suggestions.suggestion.domain.UnitAssignment;
import gov.suggestions.suggestion.event.SuggestionAssignedV1.Deputy;
import gov.suggestions.suggestion.event.SuggestionAssignedV1.Unit;

/**
 * Data of {@code suggestion.reassigned.v1}: a reassignment request was approved and the unit list changed.
 * Same header as {@code suggestion.assigned.v1}; workflow-service closes removed units' cases and opens added ones.
 */
public record SuggestionReassignedV1(
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
        LocalDate reassignedOn,
        String reason,
        List<RemovedUnit> removedUnits,
        List<Unit> addedUnits,
        List<Unit> units) {

    public static final String TYPE = "suggestion.reassigned.v1";

    public record RemovedUnit(String unitCode, String role) {
    }

    public static SuggestionReassignedV1 of(Suggestion s, LocalDate reassignedOn, String reason, List<UnitAssignment> removed,
            List<UnitAssignment> added) {
        SuggestionAssignedV1 header = SuggestionAssignedV1.of(s);
        return new SuggestionReassignedV1(header.suggestionId(), header.congressBody(), header.number(), header.kind(),
                header.title(), header.year(), header.supervisionLevel(), header.priority(), header.topics(),
                header.leadDeputy(), header.coSigners(), reassignedOn, reason,
                removed.stream().map(u -> new RemovedUnit(u.unitCode, u.role.name())).toList(),
                added.stream().map(Unit::of).toList(), header.units());
    }
}
