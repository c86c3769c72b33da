package gov.suggestions.reporting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Limits the API answers with problem details. The HTTP server's own limits ({@code quarkus.http.limits})
 * stay above them, so a request between the two gets a readable 414 or 431 instead of a bare one.
 */
@ConfigMapping(prefix = "api.limits")
public interface HttpLimits {

    /** Longest request URI (path and query), in characters. */
    @WithDefault("4096")
    int maxUriLength();

    /** Largest sum of request header names and values, in bytes. */
    @WithDefault("16384")
    int maxHeaderSize();
}
