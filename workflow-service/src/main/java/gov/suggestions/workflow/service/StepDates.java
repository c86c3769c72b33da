package gov.suggestions.workflow.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;

import gov.suggestions.workflow.config.WorkflowConfig;
import gov.suggestions.workflow.domain.policy.StepDays;

/**
 * The step dates as of now (Asia/Shanghai, {@code workflow.date-skew}): {@link StepDays} at the clock's instant, which the
 * aggregate is given; the other services ask here.
 */
@ApplicationScoped
public class StepDates {

    private final Clock clock;
    private final WorkflowConfig config;

    public StepDates(Clock clock, WorkflowConfig config) {
        this.clock = clock;
        this.config = config;
    }

    /** The rules at this instant. */
    public StepDays now() {
        return new StepDays(clock.instant(), clock.getZone(), config.dateSkew());
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    public LocalDate today() {
        return now().today();
    }

    public LocalDate dayOf(Instant at) {
        return now().dayOf(at);
    }

    public LocalDate latest() {
        return now().latest();
    }

    public LocalDate dateOf(String field, LocalDate given) {
        return now().dateOf(field, given);
    }

    public void notInFuture(String field, Instant at) {
        now().notInFuture(field, at);
    }

    public void notBefore(String field, LocalDate day, LocalDate earlier, String zh, String en) {
        StepDays.notBefore(field, day, earlier, zh, en);
    }

    public Instant occurredAt(LocalDate day) {
        return now().occurredAt(day);
    }

    public Instant endOf(LocalDate day) {
        return now().endOf(day);
    }
}
