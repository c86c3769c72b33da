package gov.suggestions.workflow.domain.policy;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import gov.suggestions.workflow.domain.InvalidFieldException;

class StepDaysTest {

    /** 2020-08-01 23:58 in Shanghai, with five minutes of skew: a caller's "tomorrow" is already allowed. */
    static final StepDays LATE_EVENING = new StepDays(Instant.parse("2020-08-01T15:58:00Z"), ZoneId.of("Asia/Shanghai"), Duration.ofMinutes(5));

    @Test
    void aStepIsDatedTodayWhenTheCallerGivesNoDayAndNotAfterTheSkew() {
        assertEquals(LocalDate.of(2020, 8, 1), LATE_EVENING.dateOf("issuedOn", null));
        assertEquals(LocalDate.of(2020, 8, 2), LATE_EVENING.dateOf("issuedOn", LocalDate.of(2020, 8, 2)));
        InvalidFieldException e = assertThrows(InvalidFieldException.class, () -> LATE_EVENING.dateOf("issuedOn", LocalDate.of(2020, 8, 3)));
        assertEquals("issuedOn", e.field());
        assertEquals("issuedOn 2020-08-03 is in the future: a step is entered after it took place", e.reason().en());
    }

    @Test
    void aStepIsNotBeforeTheOneItFollows() {
        InvalidFieldException e = assertThrows(InvalidFieldException.class,
                () -> StepDays.notBefore("sentOn", LocalDate.of(2020, 6, 4), LocalDate.of(2020, 6, 5), "分办", "the distribution"));
        assertEquals("sentOn 2020-06-04 is before the distribution on 2020-06-05", e.reason().en());
        assertDoesNotThrow(() -> StepDays.notBefore("sentOn", LocalDate.of(2020, 6, 5), LocalDate.of(2020, 6, 5), "分办", "the distribution"));
        assertDoesNotThrow(() -> StepDays.notBefore("sentOn", LocalDate.of(2020, 6, 5), null, "分办", "the distribution"));
    }

    @Test
    void aPastStepOccurredAtTheStartOfItsDayAndTodaysNow() {
        assertEquals(LATE_EVENING.now(), LATE_EVENING.occurredAt(LocalDate.of(2020, 8, 1)));
        assertEquals(Instant.parse("2020-07-30T16:00:00Z"), LATE_EVENING.occurredAt(LocalDate.of(2020, 7, 31)));
        assertEquals(Instant.parse("2020-07-31T16:00:00Z"), LATE_EVENING.endOf(LocalDate.of(2020, 7, 31)));
    }

    @Test
    void aCommunicationLaterThanNowIsRefused() {
        assertThrows(InvalidFieldException.class, () -> LATE_EVENING.notInFuture("occurredAt", Instant.parse("2020-08-01T16:04:00Z")));
        assertDoesNotThrow(() -> LATE_EVENING.notInFuture("occurredAt", Instant.parse("2020-08-01T16:02:00Z")));
    }
}
