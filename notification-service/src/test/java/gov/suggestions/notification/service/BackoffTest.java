package gov.suggestions.notification.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import gov.suggestions.notification.config.NotificationConfig;

class BackoffTest {

    static NotificationConfig config(double jitter) {
        return new NotificationConfig() {
            public String dispatchInterval() { return "1s"; }
            public int batchSize() { return 50; }
            public int maxAttempts() { return 6; }
            public Duration backoffInitial() { return Duration.ofSeconds(10); }
            public Duration backoffMax() { return Duration.ofMinutes(30); }
            public double backoffJitter() { return jitter; }
            public Duration sendingLease() { return Duration.ofMinutes(5); }
            public String deputyLocale() { return "zh-CN"; }
        };
    }

    private static DeliveryService service(double jitter) {
        return new DeliveryService(null, null, config(jitter), Clock.systemUTC(), null, null);
    }

    @Test
    void waitsDoubleFromTheInitialUpToTheCap() {
        DeliveryService exact = service(0);
        assertEquals(Duration.ofSeconds(10), exact.backoff(1));
        assertEquals(Duration.ofSeconds(20), exact.backoff(2));
        assertEquals(Duration.ofSeconds(40), exact.backoff(3));
        assertEquals(Duration.ofSeconds(1280), exact.backoff(8));
        assertEquals(Duration.ofMinutes(30), exact.backoff(9));
        assertEquals(Duration.ofMinutes(30), exact.backoff(100));
    }

    @Test
    void jitterSpreadsTheWaitsWithinItsShare() {
        DeliveryService jittered = service(0.2);
        Set<Duration> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            Duration wait = jittered.backoff(3);
            assertTrue(wait.toMillis() >= 32_000 && wait.toMillis() <= 48_000, wait.toString());
            seen.add(wait);
        }
        assertTrue(seen.size() > 50, "retries after one outage do not all come at once: " + seen.size() + " distinct waits");
    }
}
