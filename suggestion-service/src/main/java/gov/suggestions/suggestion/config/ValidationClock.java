package gov.suggestions.suggestion.config;

import java.time.Clock;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ClockProvider;

/**
 * The clock of date constraints ({@code @PastOrPresent} on a submission or assignment date): "today" is the congress
 * office's day in Asia/Shanghai, not the server's. A container runs in UTC, where from midnight to 08:00 in China it is
 * still yesterday, and an office's own today would be refused as a date in the future.
 */
@ApplicationScoped
public class ValidationClock implements ClockProvider {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Override
    public Clock getClock() {
        return Clock.system(ZONE);
    }
}
