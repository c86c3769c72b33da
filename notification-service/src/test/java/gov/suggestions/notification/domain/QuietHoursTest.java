package gov.suggestions.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

class QuietHoursTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final QuietHours overnight = new QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0), SHANGHAI);

    private static Instant at(int day, int hour, int minute) {
        return ZonedDateTime.of(2020, 5, day, hour, minute, 0, 0, SHANGHAI).toInstant();
    }

    @Test
    void anSmsDueInTheDaytimeGoesAtOnce() {
        assertEquals(at(20, 9, 30), overnight.nextAllowed(at(20, 9, 30)));
        assertEquals(at(20, 21, 59), overnight.nextAllowed(at(20, 21, 59)));
        assertEquals(at(20, 8, 0), overnight.nextAllowed(at(20, 8, 0)));
    }

    @Test
    void anSmsDueAtNightWaitsUntilTheMorning() {
        assertEquals(at(21, 8, 0), overnight.nextAllowed(at(20, 22, 0)));
        assertEquals(at(21, 8, 0), overnight.nextAllowed(at(20, 23, 45)));
        assertEquals(at(21, 8, 0), overnight.nextAllowed(at(21, 3, 10)));
    }

    @Test
    void quietHoursWithinOneDayAndNoneAtAll() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 0), SHANGHAI);
        assertEquals(at(20, 14, 0), lunch.nextAllowed(at(20, 12, 30)));
        assertEquals(at(20, 11, 0), lunch.nextAllowed(at(20, 11, 0)));
        QuietHours none = new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, SHANGHAI);
        assertEquals(at(20, 23, 0), none.nextAllowed(at(20, 23, 0)));
    }
}
