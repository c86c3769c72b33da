package gov.suggestions.notification.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** SMS quiet hours: a notice due inside them waits until they end (Asia/Shanghai wall time). */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

    public Instant nextAllowed(Instant due) {
        if (start.equals(end)) {
            return due;
        }
        ZonedDateTime at = due.atZone(zone);
        LocalTime time = at.toLocalTime();
        boolean overnight = start.isAfter(end);
        boolean quiet = overnight ? !time.isBefore(start) || time.isBefore(end) : !time.isBefore(start) && time.isBefore(end);
        if (!quiet) {
            return due;
        }
        ZonedDateTime endToday = at.with(end);
        return (endToday.isAfter(at) ? endToday : endToday.plusDays(1)).toInstant();
    }
}
