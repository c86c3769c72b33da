package gov.suggestions.workflow.event;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import gov.suggestions.workflow.domain.Limits;

/**
 * What this service reads of {@code suggestion.assigned.v1} and {@code suggestion.reassigned.v1}
 * (published by suggestion-service; README, "Events consumed"). A tolerant reader.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SuggestionAssignedV1(
        UUID suggestionId,
        String congressBody,
        String number,
        String kind,
        String title,
        Integer year,
        String supervisionLevel,
        String priority,
        Deputy leadDeputy,
        List<Deputy> coSigners,
        LocalDate assignedOn,
        LocalDate reassignedOn,
        String reason,
        List<Unit> units,
        List<Unit> removedUnits,
        List<Unit> addedUnits,
        // true: an assignment of the previous platform brought over by an import (absent on live assignments)
        Boolean imported) {

    public static final String ASSIGNED = "suggestion.assigned.v1";
    public static final String REASSIGNED = "suggestion.reassigned.v1";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Deputy(String id, String name, String delegation) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Unit(String unitCode, String unitName, String role, LocalDate replyDue, LocalDate jointOpinionDue) {
    }

    /** The first field this service needs that the event lacks, or null. */
    public String missingField(String type) {
        if (suggestionId == null) return "suggestionId";
        if (congressBody == null) return "congressBody";
        if (number == null) return "number";
        if (kind == null) return "kind";
        if (title == null) return "title";
        if (year == null) return "year";
        if (leadDeputy == null || leadDeputy.id() == null || leadDeputy.name() == null) return "leadDeputy";
        List<Unit> opened = ASSIGNED.equals(type) ? units : addedUnits;
        if (ASSIGNED.equals(type) && assignedOn == null) return "assignedOn";
        if (REASSIGNED.equals(type) && reassignedOn == null) return "reassignedOn";
        if (opened == null) return ASSIGNED.equals(type) ? "units" : "addedUnits";
        for (Unit unit : opened) {
            if (unit.unitCode() == null || unit.unitName() == null || unit.role() == null) return "units[].unitCode/unitName/role";
        }
        if (REASSIGNED.equals(type) && removedUnits == null) return "removedUnits";
        return null;
    }

    /** A number outside what this service keeps and documents (Limits), or null. */
    public String outOfRange() {
        if (year < Limits.MIN_YEAR || year > Limits.MAX_YEAR) return "year " + year + " outside " + Limits.MIN_YEAR + "-" + Limits.MAX_YEAR;
        return null;
    }
}
