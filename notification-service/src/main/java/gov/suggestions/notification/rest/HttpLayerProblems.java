package gov.suggestions.notification.rest;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import gov.suggestions.notification.config.HttpLimits;
import gov.suggestions.notification.domain.Text;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers, as problem details, what the HTTP server and the CORS filter would otherwise refuse with an
 * empty body: a URI or headers too long (414, 431), a declared body above the limit (413) and a
 * browser origin that is not allowed (403). It runs before both: the server's own hard limits
 * ({@code quarkus.http.limits}) are set well above these, so only abuse beyond them still gets the
 * server's bare answer.
 */
@ApplicationScoped
public class HttpLayerProblems {

    /** Before the CORS filter (300) and the upload limit; after the configured response headers. */
    private static final int PRIORITY = 1000;

    private final ObjectMapper json;
    private final HttpLimits limits;
    private final long maxBodySize;
    private final boolean corsEnabled;
    private final List<String> allowedOrigins;
    private final List<Pattern> allowedOriginPatterns;

    public HttpLayerProblems(ObjectMapper json, HttpLimits limits,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            @ConfigProperty(name = "quarkus.http.cors.enabled", defaultValue = "false") boolean corsEnabled,
            @ConfigProperty(name = "quarkus.http.cors.origins") Optional<List<String>> origins) {
        this.json = json;
        this.limits = limits;
        this.maxBodySize = maxBodySize.asLongValue();
        this.corsEnabled = corsEnabled;
        this.allowedOrigins = origins.orElse(List.of()).stream().filter(o -> !isPattern(o)).toList();
        this.allowedOriginPatterns = origins.orElse(List.of()).stream().filter(HttpLayerProblems::isPattern)
                .map(o -> Pattern.compile(o.substring(1, o.length() - 1))).toList();
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.uri().length() > limits.maxUriLength()) {
            answer(context, ProblemType.URI_TOO_LONG,
                    Text.of("请求地址不能超过 %d 个字符", "The request URI may not exceed %d characters"), limits.maxUriLength());
            return;
        }
        long headerSize = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerSize += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerSize > limits.maxHeaderSize()) {
            answer(context, ProblemType.HEADERS_TOO_LARGE,
                    Text.of("请求头合计不能超过 %d 字节", "The request headers may not exceed %d bytes in all"), limits.maxHeaderSize());
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && declaredLength(length) > maxBodySize) {
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
            answer(context, ProblemType.BODY_TOO_LARGE,
                    Text.of("请求体不能超过 %d 字节", "The request body may not exceed %d bytes"), maxBodySize);
            return;
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (corsEnabled && origin != null && !originAllowed(request, origin)) {
            answer(context, ProblemType.ORIGIN_NOT_ALLOWED,
                    Text.of("此服务不接受来自该来源的浏览器请求(%s)", "This service does not accept browser requests from this origin (%s)"),
                    origin.length() > 200 ? origin.substring(0, 200) : origin);
            return;
        }
        context.next();
    }

    private boolean originAllowed(HttpServerRequest request, String origin) {
        if (allowedOrigins.contains("*") || allowedOrigins.contains(origin)
                || allowedOriginPatterns.stream().anyMatch(p -> p.matcher(origin).matches())) {
            return true;
        }
        // a page of this very service (Swagger UI) sends its own origin
        String host = request.getHeader(HttpHeaders.HOST);
        return host != null && origin.equals(request.scheme() + "://" + host);
    }

    private void answer(RoutingContext context, ProblemType type, Text detail, Object value) {
        Locale locale = locale(context.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        Problem problem = new Problem(type.uri(), type.title(locale), type.status(),
                detail.in(locale).formatted(value), pathOf(context.request()), List.of());
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        context.response().setStatusCode(type.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(body);
    }

    private static String pathOf(HttpServerRequest request) {
        String path = request.path();
        return path == null || path.length() > 200 ? null : path;
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isPattern(String origin) {
        return origin.length() > 2 && origin.startsWith("/") && origin.endsWith("/");
    }

    private static Locale locale(String acceptLanguage) {
        return acceptLanguage != null && acceptLanguage.trim().toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH
                : Locale.SIMPLIFIED_CHINESE;
    }
}
