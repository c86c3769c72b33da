package gov.suggestions.workflow.domain;

import java.time.LocalDate;

/**
 * A step the aggregate took: its action, the states before and after, the comment the history keeps, the day it took
 * place when the caller dated it ({@code on}, null: now) and what it publishes ({@code event}; null for a step kept in
 * the history only, such as a saved draft).
 */
public record Transition<E extends CaseEvent>(CaseAction action, CaseState from, CaseState to, String comment, LocalDate on, E event) {
}
