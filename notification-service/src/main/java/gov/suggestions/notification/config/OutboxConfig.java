package gov.suggestions.notification.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "outbox")
public interface OutboxConfig {

    /** Run the relay in this replica. */
    @WithDefault("true")
    boolean relayEnabled();

    /** Fallback poll for rows written by other replicas or left by a broker outage; commits here wake the relay at once. */
    @WithDefault("PT0.5S")
    Duration pollInterval();

    /** Rows relayed per transaction. */
    @WithDefault("200")
    int batchSize();

    /** Keys are spread over this many slots; replicas share the slots through advisory locks. Changing it needs an empty outbox. */
    @WithDefault("16")
    int keySlots();

    /** How long the relay waits for the broker's acknowledgements before leaving the rows for the next round. */
    @WithDefault("PT15S")
    Duration ackTimeout();

    /** Published rows older than this are deleted. */
    @WithDefault("P7D")
    Duration retention();

    /** The CloudEvents source attribute of every event this service publishes. */
    @WithDefault("/notification-service")
    String source();
}
