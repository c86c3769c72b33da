package gov.suggestions.notification.config;

import java.time.Clock;
import java.time.ZoneId;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The one source of "now" for retries and timestamps. */
public class ClockProducer {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Produces
    @Singleton
    Clock clock() {
        return Clock.system(ZONE);
    }
}
