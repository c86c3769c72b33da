package gov.suggestions.reporting.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The public pages of published annual summaries (办理结果公开). */
@ConfigMapping(prefix = "reporting.publication")
public interface PublicationConfig {

    /**
     * How long browsers and shared caches (the portal's CDN) may keep a public answer without asking again
     * ({@code Cache-Control: public, max-age}). Five minutes: a withdrawal or a new version reaches every reader within
     * that time, while a popular summary costs the service one request per cache and five minutes, not one per reader;
     * a cache that asks again with If-None-Match gets 304 without the body.
     */
    @WithDefault("PT5M")
    Duration maxAge();
}
