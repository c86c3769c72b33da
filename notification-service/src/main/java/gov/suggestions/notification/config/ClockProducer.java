package gov.suggestions.notification.config;

import java.time.Clock;
import java.time.ZoneId;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import gov.suggestions.notification.domain.QuietHours;

/** The one source of "now" for retries and timestamps, and the SMS quiet hours in that zone. */
public class ClockProducer {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Produces
    @Singleton
    QuietHours smsQuietHours(SmsConfig sms) {
        return new QuietHours(sms.quietStart(), sms.quietEnd(), ZONE);
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.system(ZONE);
    }
}
