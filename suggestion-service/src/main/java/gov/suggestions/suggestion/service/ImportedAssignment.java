package gov.suggestions.suggestion.service;

import java.time.LocalDate;
import java.util.List;

import gov.suggestions.suggestion.domain.UnitRole;

/**
 * The assignment an imported suggestion already had on the previous platform: its real date, its units with their
 * roles, and a key supervised suggestion's own reply deadline. Checked by the same rules as a live assignment.
 */
public record ImportedAssignment(LocalDate assignedOn, List<AssignmentService.UnitChoice> units, LocalDate replyDue) {

    /** Same assignment as one stored: same date, same deadline, same units with the same roles. */
    boolean sameAs(LocalDate storedOn, List<gov.suggestions.suggestion.domain.UnitAssignment> stored) {
        if (!assignedOn.equals(storedOn) || stored.size() != units.size()) {
            return false;
        }
        java.util.Map<String, UnitRole> roles = new java.util.HashMap<>();
        stored.forEach(u -> roles.put(u.unitCode, u.role));
        boolean sameDue = replyDue == null || stored.stream().filter(u -> u.role.repliesToDeputy()).allMatch(u -> replyDue.equals(u.replyDue));
        return sameDue && units.stream().allMatch(c -> c.role() == roles.get(c.unitCode()));
    }
}
