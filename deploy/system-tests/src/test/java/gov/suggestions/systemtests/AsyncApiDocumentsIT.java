package gov.suggestions.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import gov.suggestions.testsupport.AsyncApiContract;
import io.restassured.path.json.JsonPath;

/**
 * Parses each publisher's AsyncAPI document (src/main/resources/asyncapi.yaml, the one it serves at /q/asyncapi) with
 * the official AsyncAPI parser, pinned in deploy/asyncapi-lint: an error or a warning fails the build, so the event
 * contract other systems generate consumers from stays a valid AsyncAPI 3 document. The parser's infos are printed.
 */
class AsyncApiDocumentsIT {

    private static Path root;
    private static NpmProject parser;

    @BeforeAll
    static void installParser() throws Exception {
        root = Path.of(System.getProperty("suite.root", "../..")).toAbsolutePath().normalize();
        parser = new NpmProject(root.resolve("deploy/asyncapi-lint"));
        parser.installLibrary("@asyncapi/parser");
    }

    /** reporting-service publishes nothing: it has no document. */
    @ParameterizedTest
    @ValueSource(strings = { "suggestion-service", "workflow-service", "notification-service" })
    void documentParsesWithoutErrorsOrWarnings(String service) throws Exception {
        Path document = root.resolve(service).resolve("src/main/resources").resolve(AsyncApiContract.DOCUMENT);
        assertTrue(Files.isRegularFile(document), () -> document + " is missing");
        NpmProject.Run parse = parser.run(List.of("node", "parse.mjs", document.toString()), 300);
        String output = parse.output();
        int start = output.indexOf("[\n");
        assertTrue(start >= 0, () -> "the AsyncAPI parser printed no result for " + service + ":\n" + output);
        Map<String, Object> result = JsonPath.from(output.substring(start)).getMap("[0]");
        List<Map<String, Object>> errors = JsonPath.from(output.substring(start)).getList("[0].errors");
        List<Map<String, Object>> warnings = JsonPath.from(output.substring(start)).getList("[0].warnings");
        List<String> infos = JsonPath.from(output.substring(start)).getList("[0].infos.code");
        int messages = AsyncApiContract.parse(Files.readString(document)).path("components").path("messages").size();
        System.out.printf("AsyncAPI parser %-21s errors %3d  warnings %3d  messages %3d  infos %s%n", service, errors.size(), warnings.size(),
                result.get("messages"), infos);
        assertTrue(errors.isEmpty(), () -> service + ": the AsyncAPI parser reports errors in " + document + ":\n  " + errors);
        assertEquals(Boolean.TRUE, result.get("parsed"), () -> service + ": the parser made no document of " + document + ":\n" + output);
        assertTrue(warnings.isEmpty(), () -> service + ": the AsyncAPI parser reports warnings in " + document + ":\n  " + warnings);
        assertEquals(messages, ((Number) result.get("messages")).intValue(), "the parsed document's messages");
        assertEquals(0, parse.exitCode(), () -> "the AsyncAPI parser failed on " + service + ":\n" + output);
    }
}
