package gov.suggestions.suggestion.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves the AsyncAPI document of the events this service publishes (src/main/resources/asyncapi.yaml) next to the
 * OpenAPI document and public like it: {@code GET /q/asyncapi} answers YAML, or JSON with {@code ?format=json} or
 * {@code Accept: application/json}, as {@code /q/openapi} does. A route rather than a JAX-RS resource, so it needs no
 * role and stays out of the OpenAPI document (it is no operation of the API).
 */
@ApplicationScoped
public class AsyncApiEndpoint {

    static final String PATH = "/q/asyncapi";
    private static final String DOCUMENT = "asyncapi.yaml";
    private static final String YAML_TYPE = "application/yaml;charset=UTF-8";
    private static final String JSON_TYPE = "application/json;charset=UTF-8";

    private final Buffer yaml;
    private final Buffer json;

    public AsyncApiEndpoint() {
        try (InputStream in = AsyncApiEndpoint.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is missing from the application");
            }
            byte[] text = in.readAllBytes();
            yaml = Buffer.buffer(text);
            // parsed once at start: a document that is no valid YAML stops the service instead of being served broken
            json = Buffer.buffer(new ObjectMapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsBytes(new ObjectMapper(new YAMLFactory()).readTree(text)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void register(@Observes Router router) {
        router.route(PATH).method(HttpMethod.GET).method(HttpMethod.HEAD).handler(this::serve);
    }

    private void serve(RoutingContext context) {
        boolean asJson = wantsJson(context);
        context.response().putHeader(HttpHeaders.CONTENT_TYPE, asJson ? JSON_TYPE : YAML_TYPE).end(asJson ? json : yaml);
    }

    private static boolean wantsJson(RoutingContext context) {
        String format = context.request().getParam("format");
        if (format != null) {
            return "json".equals(format.toLowerCase(Locale.ROOT));
        }
        String accept = context.request().getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("application/json");
    }
}
