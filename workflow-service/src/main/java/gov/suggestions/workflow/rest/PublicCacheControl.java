package gov.suggestions.workflow.rest;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;

/**
 * Every {@code /api} answer is stamped {@code Cache-Control: no-store} ({@code quarkus.http.header}); the published
 * replies' answers that {@link PublicReplyResource} declares public (200 and 304, {@code public, max-age=300}) keep
 * only that value. Their errors, and every other answer, keep {@code no-store} alone.
 */
@ApplicationScoped
public class PublicCacheControl {

    static final String PREFIX = "/api/v1/public/";

    void register(@Observes Filters filters) {
        filters.register(this::publicAnswers, 900);
    }

    private void publicAnswers(RoutingContext rc) {
        String path = rc.normalizedPath();
        if (path != null && path.startsWith(PREFIX)) {
            rc.addHeadersEndHandler(v -> {
                List<String> values = rc.response().headers().getAll("Cache-Control");
                if (values.contains(PublicReplyResource.CACHE_CONTROL)) {
                    rc.response().headers().set("Cache-Control", PublicReplyResource.CACHE_CONTROL);
                }
            });
        }
        rc.next();
    }
}
