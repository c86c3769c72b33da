package gov.suggestions.notification.rest;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import gov.suggestions.notification.config.RateLimitConfig;
import gov.suggestions.notification.domain.Text;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * Limits each caller's requests to this replica (429 with {@code Retry-After} beyond the limit) and tells every caller
 * where it stands ({@code RateLimit-Limit}, {@code RateLimit-Remaining}, {@code RateLimit-Reset}). The caller is the
 * verified token's subject within its tenant, which only the service knows: the Ingress sees the addresses of the few
 * gateways all government systems share. Requests without a valid token count against their client address.
 */
public class CallerRateLimit {

    private static final String REMAINING = CallerRateLimit.class.getName() + ".remaining";

    private final CurrentIdentityAssociation identity;
    private final RateLimitConfig config;
    private final Cache<String, Bucket> buckets;

    public CallerRateLimit(CurrentIdentityAssociation identity, RateLimitConfig config) {
        this.identity = identity;
        this.config = config;
        this.buckets = Caffeine.newBuilder().maximumSize(config.maxCallers()).expireAfterAccess(Duration.ofMinutes(10)).build();
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Uni<Response> limit(ContainerRequestContext request, HttpServerRequest http, HttpHeaders headers, UriInfo uri) {
        if (!config.enabled()) {
            return Uni.createFrom().nullItem();
        }
        return identity.getDeferredIdentity().onFailure().recoverWithNull().map(caller -> {
            ConsumptionProbe probe = buckets.get(key(caller, http), key -> newBucket()).tryConsumeAndReturnRemaining(1);
            request.setProperty(REMAINING, probe.getRemainingTokens());
            if (probe.isConsumed()) {
                return null;
            }
            long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
            return Response.fromResponse(Problems.response(headers, ProblemType.TOO_MANY_REQUESTS,
                    Text.of("请在 %d 秒后重试", "Retry in %d s").in(Problems.locale(headers)).formatted(retryAfter), uri, List.of()))
                    .header("Retry-After", retryAfter).build();
        });
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(REMAINING) instanceof Long remaining) {
            response.getHeaders().putSingle("RateLimit-Limit", config.burst());
            response.getHeaders().putSingle("RateLimit-Remaining", remaining);
            // seconds until the bucket is full again
            response.getHeaders().putSingle("RateLimit-Reset", ((config.burst() - remaining) * 60 + config.requestsPerMinute() - 1) / config.requestsPerMinute());
        }
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(config.burst()).refillGreedy(config.requestsPerMinute(), Duration.ofMinutes(1)).build())
                .build();
    }

    private static String key(SecurityIdentity caller, HttpServerRequest http) {
        if (caller == null || caller.isAnonymous() || !(caller.getPrincipal() instanceof JsonWebToken token)) {
            return "address " + (http.remoteAddress() == null ? "?" : http.remoteAddress().hostAddress());
        }
        return "caller " + token.getName() + " " + token.getClaim("congress_body") + " " + token.getClaim("unit") + " " + token.getClaim("deputy");
    }
}
