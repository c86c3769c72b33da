package gov.suggestions.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How many requests one caller (a token's subject within its tenant; without a valid token, one client address) may
 * send to one replica. A token bucket: {@code burst} requests at once, refilled at {@code requests-per-minute}.
 */
@ConfigMapping(prefix = "api.rate-limit")
public interface RateLimitConfig {

    @WithDefault("true")
    boolean enabled();

    /** Sustained rate per caller and replica. */
    @WithDefault("1200")
    int requestsPerMinute();

    /** Requests a caller may send at once above the sustained rate (the bucket's size). */
    @WithDefault("200")
    int burst();

    /** Callers remembered at most (the least recently seen are forgotten first, starting again with a full bucket). */
    @WithDefault("100000")
    int maxCallers();
}
