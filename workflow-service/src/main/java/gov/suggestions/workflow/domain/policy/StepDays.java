package gov.suggestions.workflow.domain.policy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import gov.suggestions.workflow.domain.InvalidFieldException;
import gov.suggestions.workflow.domain.Text;

/**
 * The dates of the steps that happen outside the system (distribution, communication, joint opinion, reply letter,
 * evaluation, conclusion), as calendar days in the service's zone at one instant: a caller's day may not be later than
 * the day of now plus the allowed skew, nor before the step it follows. Each refusal is a 400 naming the request field.
 * A value, so the aggregate needs no clock.
 */
public record StepDays(Instant now, ZoneId zone, Duration skew) {

    public LocalDate today() {
        return LocalDate.ofInstant(now, zone);
    }

    /** The day of an instant in the zone. */
    public LocalDate dayOf(Instant at) {
        return LocalDate.ofInstant(at, zone);
    }

    /** The latest day a caller may give: the day of now plus the allowed clock skew. */
    public LocalDate latest() {
        return dayOf(now.plus(skew));
    }

    /** The step's day: the caller's, or today when absent; a day after {@link #latest()} is refused. */
    public LocalDate dateOf(String field, LocalDate given) {
        if (given == null) {
            return today();
        }
        if (given.isAfter(latest())) {
            throw new InvalidFieldException(field, Text.of(field + " " + given + " 晚于今天,不能填写将来的日期",
                    field + " " + given + " is in the future: a step is entered after it took place"));
        }
        return given;
    }

    /** A time of a step (a communication): refused when later than now plus the allowed clock skew. */
    public void notInFuture(String field, Instant at) {
        if (at.isAfter(now.plus(skew))) {
            throw new InvalidFieldException(field, Text.of(field + " 晚于当前时间,不能填写将来的时间",
                    field + " is in the future: a step is entered after it took place"));
        }
    }

    /**
     * 400 naming {@code field} when {@code day} is before {@code earlier}, the day of the step it follows;
     * {@code zh} and {@code en} name that step ("分办", "the distribution").
     */
    public static void notBefore(String field, LocalDate day, LocalDate earlier, String zh, String en) {
        if (earlier != null && day.isBefore(earlier)) {
            throw new InvalidFieldException(field, Text.of(field + " " + day + " 早于" + zh + "日期 " + earlier,
                    field + " " + day + " is before " + en + " on " + earlier));
        }
    }

    /**
     * When the event of a step dated {@code day} occurred, as reporting reads it: now when the day is today (or later,
     * within the skew), otherwise the start of that day in the zone.
     */
    public Instant occurredAt(LocalDate day) {
        return day == null || !day.isBefore(dayOf(now)) ? now : day.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the day: what happened before it happened on or before that day. */
    public Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
