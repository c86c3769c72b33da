package gov.suggestions.reporting.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Rebuild of the read model from the topics (operator endpoint /api/v1/read-model/rebuilds). */
@ConfigMapping(prefix = "reporting.rebuild")
public interface RebuildConfig {

    /** Records applied per transaction while replaying. */
    @WithDefault("2000")
    int batchSize();

    /** Catch-up rounds before the swap stop when fewer records than this were behind. */
    @WithDefault("1000")
    int switchWhenBehindBelow();

    /** A running job without a heartbeat for this long is taken as abandoned (its replica stopped). */
    @WithDefault("PT2M")
    Duration abandonedAfter();

    /** Schema the fresh read model is built in before the swap. */
    @WithDefault("reporting_rebuild")
    String schema();
}
