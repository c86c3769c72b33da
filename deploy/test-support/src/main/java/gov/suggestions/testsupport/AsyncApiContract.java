package gov.suggestions.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * A publisher's AsyncAPI document (its {@code asyncapi.yaml}) checked against what the publisher really sends: one message
 * per event type the code publishes and one golden file per type ({@code src/test/resources/events/<type>.json}), each
 * golden file valid against its message's payload schema with no field the schema leaves out, and each message's example
 * the golden file itself. The published schemas leave {@code additionalProperties} open (consumers are tolerant readers,
 * a type version may gain fields); this check closes them so the contract cannot lag behind a field the publisher adds.
 */
public final class AsyncApiContract {

    /** The document's name on the classpath and under src/main/resources. */
    public static final String DOCUMENT = "asyncapi.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private static final SchemaValidatorsConfig FORMATS = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private final JsonNode document;

    private AsyncApiContract(JsonNode document) {
        this.document = document;
    }

    /** The document the service serves, as its build put it on the classpath. */
    public static AsyncApiContract fromClasspath() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(DOCUMENT)) {
            assertTrue(in != null, DOCUMENT + " is not on the classpath (src/main/resources)");
            return new AsyncApiContract(YAML.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A document as YAML or JSON text (JSON is YAML). */
    public static JsonNode parse(String text) {
        try {
            return YAML.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode document() {
        return document;
    }

    /**
     * The running service serves this document at {@code /q/asyncapi} without a token, next to {@code /q/openapi}: YAML by
     * default, JSON with {@code ?format=json} or {@code Accept: application/json}, with the response headers the OpenAPI
     * document gets; and the path is no operation of the OpenAPI document.
     */
    public void assertServedBesideTheOpenApiDocument() {
        io.restassured.response.Response openApi = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().response();
        io.restassured.response.Response asYaml = given().when().get("/q/asyncapi").then().statusCode(200)
                .contentType(startsWith("application/yaml")).extract().response();
        assertEquals(document, parse(asYaml.asString()), "GET /q/asyncapi answers the document of src/main/resources/" + DOCUMENT);
        for (String header : List.of("Cache-Control", "X-Content-Type-Options", "Access-Control-Allow-Origin")) {
            assertEquals(openApi.header(header), asYaml.header(header), header + " as on /q/openapi");
        }
        assertEquals("nosniff", asYaml.header("X-Content-Type-Options"));
        String asJson = given().queryParam("format", "json").when().get("/q/asyncapi").then().statusCode(200)
                .contentType(startsWith("application/json")).extract().asString();
        assertEquals(document, readJson(asJson), "GET /q/asyncapi?format=json");
        String negotiated = given().accept("application/json").when().get("/q/asyncapi").then().statusCode(200)
                .contentType(startsWith("application/json")).extract().asString();
        assertEquals(document, readJson(negotiated), "GET /q/asyncapi with Accept: application/json");
        assertTrue(openApi.jsonPath().getMap("paths").keySet().stream().noneMatch(path -> String.valueOf(path).contains("asyncapi")),
                "the AsyncAPI route is no operation of the OpenAPI document");
    }

    private static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The messages by the event type their {@code ce_type} header is fixed to; a type given twice fails. */
    public Map<String, JsonNode> messagesByType() {
        Map<String, JsonNode> byType = new TreeMap<>();
        document.path("components").path("messages").properties().forEach(entry -> {
            JsonNode message = resolve(entry.getValue());
            String type = headerType(message);
            assertEquals(type, message.path("name").asText(), () -> "message " + entry.getKey() + ": its name is not its ce_type");
            assertTrue(byType.put(type, message) == null, () -> "two messages for " + type);
        });
        return byType;
    }

    /**
     * The whole contract of one topic's publisher: the types its code publishes, the document's messages on the
     * channel of that topic, the golden files and the payload schemas agree.
     */
    public void assertDescribes(String topic, Set<String> publishedTypes, Path goldenFiles) {
        JsonNode channel = document.path("channels").path(topic);
        assertEquals(topic, channel.path("address").asText(), () -> "no channel with address " + topic);
        assertEquals("send", document.path("operations").properties().stream()
                .filter(op -> ("#/channels/" + topic).equals(op.getValue().path("channel").path("$ref").asText()))
                .map(op -> op.getValue().path("action").asText()).findFirst().orElse("none"), "the operation on " + topic);
        Map<String, JsonNode> messages = messagesByType();
        Set<String> onChannel = new TreeSet<>();
        channel.path("messages").forEach(m -> onChannel.add(headerType(resolve(m))));
        assertEquals(new TreeSet<>(publishedTypes), new TreeSet<>(messages.keySet()),
                "the event types the code publishes and the document's messages (add a message for a new type)");
        assertEquals(messages.keySet(), onChannel, "the messages of channel " + topic);
        assertEquals(new TreeSet<>(publishedTypes), goldenTypes(goldenFiles), "the event types the code publishes and the golden files in " + goldenFiles);

        List<String> problems = new ArrayList<>();
        messages.forEach((type, message) -> {
            JsonNode golden = read(goldenFiles.resolve(type + ".json"));
            problems.addAll(violations(type + ".json", closed(inline(message.path("payload"))), golden));
            JsonNode example = message.path("examples").path(0);
            if (!golden.equals(example.path("payload"))) {
                problems.add(type + ": the message's example payload is not the golden file");
            }
            problems.addAll(violations(type + " example headers", inline(message.path("headers")), example.path("headers")));
            problems.addAll(violations(type + " example key (ce_subject)", inline(message.path("bindings").path("kafka").path("key")),
                    example.path("headers").path("ce_subject")));
        });
        assertTrue(problems.isEmpty(), () -> "the AsyncAPI document and the golden files disagree:\n  " + String.join("\n  ", problems));
    }

    /**
     * The {@code TYPE} constants of the classes compiled into one package: where each publisher keeps the record of every
     * type it publishes, so a new record is a new type the document must describe.
     */
    public static Set<String> typeConstants(Class<?> anyClassOfThePackage) {
        Set<String> types = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of(anyClassOfThePackage.getResource(anyClassOfThePackage.getSimpleName() + ".class").toURI()).getParent())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = file.getFileName().toString();
                Class<?> type = Class.forName(anyClassOfThePackage.getPackageName() + "." + name.substring(0, name.length() - ".class".length()),
                        false, anyClassOfThePackage.getClassLoader());
                typeConstant(type).ifPresent(types::add);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ReflectiveOperationException | java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return types;
    }

    /** A class's {@code public static final String TYPE}, if it has one. */
    public static java.util.Optional<String> typeConstant(Class<?> type) {
        try {
            java.lang.reflect.Field field = type.getDeclaredField("TYPE");
            int modifiers = field.getModifiers();
            if (java.lang.reflect.Modifier.isStatic(modifiers) && java.lang.reflect.Modifier.isPublic(modifiers) && field.getType() == String.class) {
                return java.util.Optional.of((String) field.get(null));
            }
            return java.util.Optional.empty();
        } catch (NoSuchFieldException e) {
            return java.util.Optional.empty();
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a value breaks of a schema, each message prefixed with where it came from. */
    public static List<String> violations(String what, JsonNode schema, JsonNode value) {
        JsonSchema validator = SCHEMAS.getSchema(schema, FORMATS);
        Set<ValidationMessage> messages = validator.validate(value);
        return messages.stream().map(m -> what + ": " + m.getMessage()).sorted().toList();
    }

    /** The event type a message's headers fix {@code ce_type} to. */
    private String headerType(JsonNode message) {
        JsonNode headers = inline(message.path("headers"));
        List<JsonNode> parts = new ArrayList<>();
        parts.add(headers);
        headers.path("allOf").forEach(parts::add);
        return parts.stream().map(p -> p.path("properties").path("ce_type").path("const")).filter(JsonNode::isTextual)
                .map(JsonNode::asText).findFirst()
                .orElseThrow(() -> new AssertionError("message " + message.path("name").asText() + " does not fix ce_type"));
    }

    private static Set<String> goldenTypes(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length())).collect(TreeSet::new, Set::add, Set::addAll);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode ref = node.path("$ref");
        if (!ref.isTextual()) {
            return node;
        }
        String pointer = ref.asText();
        assertTrue(pointer.startsWith("#/"), () -> "only local references: " + pointer);
        JsonNode target = document.at(pointer.substring(1));
        assertTrue(!target.isMissingNode(), () -> "unresolved reference " + pointer);
        return resolve(target);
    }

    /** A copy with every local reference replaced by what it names (the documents have no cycles). */
    private JsonNode inline(JsonNode schema) {
        JsonNode resolved = resolve(schema);
        if (resolved.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            resolved.properties().forEach(e -> copy.set(e.getKey(), inline(e.getValue())));
            return copy;
        }
        if (resolved.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            resolved.forEach(item -> copy.add(inline(item)));
            return copy;
        }
        return resolved;
    }

    /** The schema with every object closed to the properties it names, recursively: an undescribed field fails. */
    private static JsonNode closed(JsonNode schema) {
        JsonNode copy = schema.deepCopy();
        close(copy);
        return copy;
    }

    private static void close(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            if (object.has("properties") && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
            for (Iterator<JsonNode> children = object.elements(); children.hasNext();) {
                close(children.next());
            }
        } else if (node.isArray()) {
            node.forEach(AsyncApiContract::close);
        }
    }
}
