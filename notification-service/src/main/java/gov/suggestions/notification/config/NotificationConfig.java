package gov.suggestions.notification.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "notification")
public interface NotificationConfig {

    /** How often each channel's dispatcher looks for due notices. */
    @WithDefault("1s")
    String dispatchInterval();

    /** Notices claimed per dispatcher round. */
    @WithDefault("50")
    int batchSize();

    /** Tries per notice before it is marked failed. */
    @WithDefault("6")
    int maxAttempts();

    /** Wait after the first failed try; doubled after every further failure. */
    @WithDefault("PT10S")
    Duration backoffInitial();

    /** The longest wait between two tries. */
    @WithDefault("PT30M")
    Duration backoffMax();

    /** Share of the wait varied at random (0.2 = ±20%) so retries of an outage do not arrive together. */
    @WithDefault("0.2")
    double backoffJitter();

    /** A notice still marked as being sent after this long was interrupted (the replica stopped mid-send). */
    @WithDefault("PT5M")
    Duration sendingLease();

    /** Language of deputies' notices. */
    @WithDefault("zh-CN")
    String deputyLocale();
}
