package gov.suggestions.reporting.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code Cache-Control: no-store} on every answer of the API: they hold case content and personal data and must never be
 * kept by a cache. The one exception is the public pages of published summaries ({@value #PUBLIC}): what they answer
 * with their own {@code Cache-Control} (published versions: {@code public, max-age=…}) is left as it is; their other
 * answers (404, 429, a 400) get no-store as well.
 */
@ApplicationScoped
public class CacheHeaders {

    static final String API = "/api/";
    static final String PUBLIC = "/api/v1/public/";
    private static final String CACHE_CONTROL = "Cache-Control";

    void register(@Observes Filters filters) {
        filters.register(this::stamp, 1100); // before HttpLayerProblems, so its early answers carry it too
    }

    private void stamp(RoutingContext context) {
        String path = context.normalizedPath();
        if (path.startsWith(API)) {
            boolean open = path.startsWith(PUBLIC);
            HttpServerResponse response = context.response();
            context.addHeadersEndHandler(end -> {
                if (!open || !response.headers().contains(CACHE_CONTROL)) {
                    response.headers().set(CACHE_CONTROL, "no-store");
                }
            });
        }
        context.next();
    }
}
