package gov.suggestions.testsupport;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Sends hostile input to every operation of a service's own OpenAPI document, as an attacker holding valid
 * tokens would: control characters, huge, negative, fractional and wrongly typed values in every query and
 * path parameter and in every field of every JSON body, and broken documents. Every answer must be below
 * 500, and every error must be problem details. The operations come from the document, so a new endpoint is
 * covered without touching the test.
 */
public final class HostileInputs {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> PARAMETER_VALUES = List.of("a\u0000b", "\u0007", "x".repeat(3000), "-1",
            "99999999999999999999", "1.5", "%", "' OR 1=1 --", "\u202e🙂", "");
    private static final List<String> PATH_VALUES = List.of("\u0000", "..", "x".repeat(300), "-1", "99999999999999999999", "%25");
    private static final List<String> RAW_BODIES = List.of("", "null", "[]", "\"text\"", "42", "{", "{}}", "{\"a\":",
            "[".repeat(5000), "{\"\u0000\": 1}");

    public record Figures(int requests, int operations, int writes, int queryParameters, Map<Integer, Integer> statuses,
            List<String> failures) {
    }

    private final String service;
    private final Map<String, String> tokens;

    /**
     * @param service the name printed with the figures
     * @param tokens a token per caller to try every parameter variant with (e.g. the roles that reach most operations);
     *        body mutations go with the first
     */
    public HostileInputs(String service, Map<String, String> tokens) {
        this.service = service;
        this.tokens = tokens;
    }

    public Figures run() {
        JsonNode document;
        try {
            document = JSON.readTree(given().accept("application/json").when().get("/q/openapi?format=json").asString());
        } catch (Exception e) {
            throw new IllegalStateException("the OpenAPI document could not be read", e);
        }
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int[] counts = new int[4]; // requests, operations, writes, query parameters
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String method = op.getKey().toUpperCase(java.util.Locale.ROOT);
            if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                return;
            }
            counts[1]++;
            JsonNode operation = op.getValue();
            List<JsonNode> parameters = new ArrayList<>();
            path.getValue().path("parameters").forEach(parameters::add);
            operation.path("parameters").forEach(parameters::add);
            JsonNode bodySchema = operation.path("requestBody").path("content").path("application/json");
            boolean jsonBody = !bodySchema.isMissingNode();
            if (!method.equals("GET")) {
                counts[2]++;
            }
            java.util.function.BiConsumer<Variant, Boolean> sendAs = (variant, everyCaller) -> {
                for (Map.Entry<String, String> token : everyCaller ? tokens.entrySet() : List.of(tokens.entrySet().iterator().next())) {
                    counts[0]++;
                    Response answer = variant.send(token.getValue());
                    statuses.merge(answer.statusCode(), 1, Integer::sum);
                    undo(answer, token.getValue());
                    String contentType = answer.contentType() == null ? "" : answer.contentType();
                    if (answer.statusCode() >= 500) {
                        failures.add(answer.statusCode() + " " + variant + " as " + token.getKey() + ": " + abbreviate(answer.asString()));
                    } else if (answer.statusCode() >= 400 && !contentType.startsWith("application/problem+json")) {
                        failures.add("not problem details (" + answer.statusCode() + " " + contentType + ") " + variant + " as " + token.getKey());
                    }
                }
            };
            Consumer<Variant> send = variant -> sendAs.accept(variant, true);
            // a body's many mutations go with the first caller only: the body is read the same way for every caller
            Consumer<Variant> sendOnce = variant -> sendAs.accept(variant, false);
            Map<String, String> pathValues = new LinkedHashMap<>();
            Map<String, String> headerValues = new LinkedHashMap<>();
            for (JsonNode parameter : parameters) {
                JsonNode p = resolve(document, parameter);
                String in = p.path("in").asText();
                if (in.equals("path")) {
                    // an id nobody has: the attack must not change or delete what other tests (or users) rely on
                    pathValues.put(p.path("name").asText(), unused(document, p.path("schema")));
                } else if (in.equals("header") && p.path("required").asBoolean()) {
                    headerValues.put(p.path("name").asText(), plausible(document, p.path("schema")).asText());
                }
            }
            String body = jsonBody ? example(document, bodySchema).toString() : null;
            Variant base = new Variant(method, path.getKey(), pathValues, Map.of(), headerValues, body);
            send.accept(base);
            for (JsonNode parameter : parameters) {
                JsonNode p = resolve(document, parameter);
                String name = p.path("name").asText();
                switch (p.path("in").asText()) {
                    case "query" -> {
                        counts[3]++;
                        for (String value : PARAMETER_VALUES) {
                            send.accept(base.withQuery(name, value));
                        }
                    }
                    case "path" -> {
                        for (String value : PATH_VALUES) {
                            send.accept(base.withPath(name, value));
                        }
                    }
                    case "header" -> {
                        // not "*": If-Match: * rightly matches any version of a record that exists
                        for (String value : List.of("x".repeat(2000), "\u0085", " ", "\"0\"")) {
                            send.accept(base.withHeader(name, value));
                        }
                    }
                    default -> {
                    }
                }
            }
            if (jsonBody) {
                JsonNode example = example(document, bodySchema);
                for (String raw : RAW_BODIES) {
                    sendOnce.accept(base.withBody(raw));
                }
                for (JsonNode mutated : mutations(example)) {
                    sendOnce.accept(base.withBody(mutated.toString()));
                }
            }
        }));
        Figures figures = new Figures(counts[0], counts[1], counts[2], counts[3], statuses, failures);
        System.out.printf("[figures] hostile input, %s: %d requests over %d operations (%d writes, %d query parameters), %d answers 5xx, "
                + "%d errors not problem details; statuses %s%n", service, figures.requests(), figures.operations(), figures.writes(),
                figures.queryParameters(), failures.stream().filter(f -> f.matches("^5\\d\\d .*")).count(),
                failures.stream().filter(f -> f.startsWith("not problem")).count(), statuses);
        return figures;
    }

    /** What an attack created is removed again (where the API can delete it), so later tests meet the data they made. */
    private static void undo(Response answer, String token) {
        String location = answer.statusCode() == 201 ? answer.header("Location") : null;
        if (location == null) {
            return;
        }
        RequestSpecification delete = given().header("Authorization", "Bearer " + token).urlEncodingEnabled(false);
        if (answer.header("ETag") != null) {
            delete.header("If-Match", answer.header("ETag"));
        }
        delete.delete(java.net.URI.create(location).getRawPath());
    }

    /** One request: the operation with its parameters and body. */
    private record Variant(String method, String template, Map<String, String> pathValues, Map<String, String> query,
            Map<String, String> headers, String body) {

        Variant withQuery(String name, String value) {
            Map<String, String> q = new LinkedHashMap<>(query);
            q.put(name, value);
            return new Variant(method, template, pathValues, q, headers, body);
        }

        Variant withPath(String name, String value) {
            Map<String, String> p = new LinkedHashMap<>(pathValues);
            p.put(name, value);
            return new Variant(method, template, p, query, headers, body);
        }

        Variant withHeader(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Variant(method, template, pathValues, query, h, body);
        }

        Variant withBody(String value) {
            return new Variant(method, template, pathValues, query, headers, value);
        }

        Response send(String token) {
            RequestSpecification request = given().header("Authorization", "Bearer " + token).urlEncodingEnabled(false);
            headers.forEach(request::header);
            if (body != null) {
                request.contentType("application/json").body(body);
            }
            String path = template;
            for (Map.Entry<String, String> value : pathValues.entrySet()) {
                path = path.replace("{" + value.getKey() + "}", encode(value.getValue()));
            }
            StringBuilder uri = new StringBuilder(path.replaceAll("\\{[^}]+}", "x"));
            char separator = '?';
            for (Map.Entry<String, String> parameter : query.entrySet()) {
                uri.append(separator).append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
                separator = '&';
            }
            return request.request(method, uri.toString());
        }

        @Override
        public String toString() {
            return method + " " + template + " path=" + abbreviate(pathValues.toString()) + " query=" + abbreviate(query.toString())
                    + " headers=" + abbreviate(headers.keySet().toString()) + " body=" + abbreviate(String.valueOf(body));
        }
    }

    /** Every leaf and container of the example replaced, one at a time, by values of the wrong kind or size. */
    private static List<JsonNode> mutations(JsonNode example) {
        List<JsonNode> out = new ArrayList<>();
        List<JsonNode> replacements = List.of(NODES.nullNode(), NODES.numberNode(1.5), NODES.numberNode(-1),
                NODES.numberNode(new java.math.BigDecimal("1e400")), NODES.textNode("a\u0000b"), NODES.textNode("x".repeat(100_000)),
                NODES.booleanNode(true), NODES.arrayNode(), NODES.objectNode(), NODES.textNode("9999-99-99"));
        collect(example, "", path -> {
            for (JsonNode replacement : replacements) {
                out.add(replaceAt(example, path, replacement));
            }
            JsonNode current = at(example, path);
            if (current != null && current.isArray() && current.size() > 0) {
                ArrayNode many = NODES.arrayNode();
                for (int i = 0; i < 1000; i++) {
                    many.add(current.get(0).deepCopy());
                }
                out.add(replaceAt(example, path, many));
            }
        });
        ObjectNode extra = example.isObject() ? ((ObjectNode) example.deepCopy()).put("unexpectedField\u0000", 1) : null;
        if (extra != null) {
            out.add(extra);
        }
        return out;
    }

    private static void collect(JsonNode node, String path, Consumer<String> visit) {
        if (!path.isEmpty()) {
            visit.accept(path);
        }
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> collect(node.get(name), path + "/" + name.replace("~", "~0").replace("/", "~1"), visit));
        } else if (node.isArray() && node.size() > 0) {
            collect(node.get(0), path + "/0", visit);
        }
    }

    private static JsonNode at(JsonNode root, String pointer) {
        JsonNode found = root.at(pointer);
        return found.isMissingNode() ? null : found;
    }

    private static JsonNode replaceAt(JsonNode root, String pointer, JsonNode value) {
        JsonNode copy = root.deepCopy();
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = slash == 0 ? copy : copy.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        }
        return copy;
    }

    private static String unused(JsonNode document, JsonNode schema) {
        JsonNode s = resolve(document, schema);
        String type = s.path("type").isArray() ? s.path("type").get(0).asText() : s.path("type").asText();
        if (type.equals("integer") || type.equals("number")) {
            return "2147480000";
        }
        return s.path("format").asText().equals("uuid") ? UUID.randomUUID().toString() : "no-such-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The operation's own example, else one built from its schema. */
    private static JsonNode example(JsonNode document, JsonNode media) {
        JsonNode examples = media.path("examples");
        if (examples.isObject() && examples.size() > 0) {
            JsonNode first = examples.elements().next();
            JsonNode value = resolve(document, first).path("value");
            if (!value.isMissingNode()) {
                if (value.isTextual()) {
                    try {
                        return JSON.readTree(value.asText());
                    } catch (Exception e) {
                        return value;
                    }
                }
                return value;
            }
        }
        if (media.has("example")) {
            return media.get("example");
        }
        return plausible(document, media.path("schema"));
    }

    private static JsonNode plausible(JsonNode document, JsonNode schema) {
        return plausible(document, schema, 0);
    }

    private static JsonNode plausible(JsonNode document, JsonNode schema, int depth) {
        JsonNode s = resolve(document, schema);
        if (depth > 6) {
            return NODES.nullNode();
        }
        if (s.has("example")) {
            return s.get("example");
        }
        if (s.has("examples") && s.get("examples").isArray() && s.get("examples").size() > 0) {
            return s.get("examples").get(0);
        }
        if (s.has("enum")) {
            return s.get("enum").get(0);
        }
        if (s.has("allOf")) {
            return plausible(document, s.get("allOf").get(0), depth + 1);
        }
        String type = s.path("type").isArray() ? s.path("type").get(0).asText() : s.path("type").asText("object");
        return switch (type) {
            case "string" -> switch (s.path("format").asText()) {
                case "uuid" -> NODES.textNode(UUID.randomUUID().toString());
                case "date" -> NODES.textNode("2020-05-10");
                case "date-time" -> NODES.textNode("2020-05-10T10:00:00+08:00");
                default -> NODES.textNode("x");
            };
            case "integer", "number" -> NODES.numberNode(1);
            case "boolean" -> NODES.booleanNode(true);
            case "array" -> NODES.arrayNode().add(plausible(document, s.path("items"), depth + 1));
            default -> {
                ObjectNode object = NODES.objectNode();
                s.path("properties").fields().forEachRemaining(p -> object.set(p.getKey(), plausible(document, p.getValue(), depth + 1)));
                yield object;
            }
        };
    }

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode current = node;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            current = document.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("[\\x00-\\x1f]", "?");
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }
}
