package gov.suggestions.workflow.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Idempotency-Key settings, the same in every service that honours the header. */
@ConfigMapping(prefix = "idempotency")
public interface IdempotencyConfig {

    /** How long the first response of a key is kept for retries; a retry after that creates anew. */
    @WithDefault("P7D")
    Duration retention();
}
