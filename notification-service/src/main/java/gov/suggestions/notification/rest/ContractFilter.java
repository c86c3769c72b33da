package gov.suggestions.notification.rest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * What every operation of the suite answers besides its own results, written into the document once: the rate-limit
 * headers on every answer, 429 with Retry-After, 401, 403, 404 and 500 as problem details, the CORS header a browser
 * sees, the server and the token rules. Also states the length every uuid and date string has.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ContractFilter implements OASFilter {

    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";
    private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);

    private record Shared(String code, String name, String description, ProblemType type) {
    }

    private static final List<Shared> SHARED = List.of(
            new Shared("401", "AnyUnauthenticated", "No valid bearer token (missing, expired, issued in the future, too long-lived or signed by an unknown key)",
                    ProblemType.UNAUTHENTICATED),
            new Shared("403", "AnyForbidden", "The caller's role does not allow the operation, or its token lacks the scope claim the operation needs",
                    ProblemType.FORBIDDEN),
            new Shared("404", "AnyNotFound", "No such resource visible to the caller (another tenant's object answers 404 too)", ProblemType.NOT_FOUND),
            new Shared("429", "TooManyRequests", "The caller sent more requests than its limit; retry after Retry-After seconds",
                    ProblemType.TOO_MANY_REQUESTS),
            new Shared("500", "InternalError", "The request failed inside the service; the detail carries an error id to quote", ProblemType.INTERNAL));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        headers(components);
        for (Shared shared : SHARED) {
            if (components.getResponses() == null || !components.getResponses().containsKey(shared.name())) {
                components.addResponse(shared.name(), problemResponse(shared));
            }
        }
        if (openAPI.getServers() == null || openAPI.getServers().isEmpty()) {
            openAPI.addServer(OASFactory.createServer().url("/")
                    .description("This service's own origin: in production and staging https behind the Ingress, locally the service's port")
                    .addExtension("x-internal", false));
        }
        if (components.getSecuritySchemes() != null) {
            for (SecurityScheme scheme : components.getSecuritySchemes().values()) {
                String description = scheme.getDescription() == null ? "" : scheme.getDescription();
                if (!description.contains("RFC8725")) {
                    scheme.setDescription(description + ". Tokens follow RFC8725 (JSON Web Token Best Current Practices): RS256 only, "
                            + "the issuer checked, at most 8 hours from issue to expiry, never issued in the future.");
                }
            }
        }
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
                if (path.startsWith("/api/v1/public/")) {
                    // 办理结果公开: readable without a token, stated as no security requirement at all
                    operation.setSecurity(new java.util.ArrayList<>());
                }
                if (path.startsWith("/api/")) {
                    operation(operation);
                }
            }));
        }
        if (components.getResponses() != null) {
            components.getResponses().forEach((name, response) -> withHeaders(name.equals("TooManyRequests") ? "429" : "4xx", response));
        }
        if (components.getSchemas() != null) {
            components.getSchemas().values().forEach(ContractFilter::bounded);
        }
    }

    private static void operation(Operation operation) {
        // a public operation (security: [], no token read) never answers 401 or 403
        boolean open = operation.getSecurity() != null && operation.getSecurity().isEmpty();
        for (Shared shared : SHARED) {
            if (open && (shared.code().equals("401") || shared.code().equals("403"))) {
                continue;
            }
            if (!operation.getResponses().hasAPIResponse(shared.code())) {
                operation.getResponses().addAPIResponse(shared.code(), OASFactory.createAPIResponse().ref(shared.name()));
            }
        }
        for (Map.Entry<String, APIResponse> response : operation.getResponses().getAPIResponses().entrySet()) {
            if (response.getValue().getRef() == null) {
                withHeaders(response.getKey(), response.getValue());
            }
        }
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                if (parameter.getSchema() != null) {
                    bounded(parameter.getSchema());
                }
            }
        }
    }

    private static void withHeaders(String code, APIResponse response) {
        if (!code.startsWith("2") && !code.equals("304") && !code.startsWith("4")) {
            return;
        }
        for (String name : List.of("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "Access-Control-Allow-Origin")) {
            if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
                response.addHeader(name, OASFactory.createHeader().ref(name));
            }
        }
        if (code.equals("429") && (response.getHeaders() == null || !response.getHeaders().containsKey("Retry-After"))) {
            response.addHeader("Retry-After", OASFactory.createHeader().ref("Retry-After"));
        }
    }

    private static void headers(Components components) {
        header(components, "RateLimit-Limit", "Requests the caller may send at once (its bucket's size on this replica)", integer());
        header(components, "RateLimit-Remaining", "Requests the caller may still send at once", integer());
        header(components, "RateLimit-Reset", "Seconds until the caller's bucket is full again", integer());
        header(components, "Retry-After", "Seconds to wait before the next request", integer());
        header(components, "Access-Control-Allow-Origin",
                "Present when the request came from a browser origin the deployment allows (CORS_ORIGINS)",
                OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(2048).format("uri"));
    }

    private static void header(Components components, String name, String description, Schema schema) {
        if (components.getHeaders() == null || !components.getHeaders().containsKey(name)) {
            Header header = OASFactory.createHeader().description(description).schema(schema);
            components.addHeader(name, header);
        }
    }

    private static Schema integer() {
        return OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32").minimum(BigDecimal.ZERO).maximum(INT_MAX);
    }

    private static APIResponse problemResponse(Shared shared) {
        Map<String, Object> example = Map.of("type", shared.type().uri(), "title", shared.type().title(java.util.Locale.SIMPLIFIED_CHINESE),
                "status", shared.type().status());
        return OASFactory.createAPIResponse().description(shared.description())
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA))
                        .addExample("problem", OASFactory.createExample().value(example))));
    }

    /** uuid, date and date-time strings have a fixed or bounded length; say so where the schema does not. */
    private static void bounded(Schema schema) {
        if (schema == null) {
            return;
        }
        if (schema.getType() != null && schema.getType().contains(Schema.SchemaType.STRING) && schema.getMaxLength() == null
                && schema.getEnumeration() == null && schema.getFormat() != null) {
            switch (schema.getFormat()) {
                case "uuid" -> schema.setMaxLength(36);
                case "date" -> schema.setMaxLength(10);
                case "date-time" -> schema.setMaxLength(35);
                default -> {
                }
            }
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(ContractFilter::bounded);
        }
        bounded(schema.getItems());
    }
}
