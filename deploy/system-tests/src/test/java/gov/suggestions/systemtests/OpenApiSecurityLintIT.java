package gov.suggestions.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.restassured.path.json.JsonPath;

/**
 * Lints each service's OpenAPI document (as the build stored it in target/openapi) with Spectral and the OWASP API
 * Security ruleset, pinned in deploy/openapi-lint. Any error fails the build; the figures of every document are
 * printed, warnings included, so a reader sees where the contract stands.
 */
class OpenApiSecurityLintIT {

    private static Path root;
    private static NpmProject lint;

    @BeforeAll
    static void installSpectral() throws Exception {
        root = Path.of(System.getProperty("suite.root", "../..")).toAbsolutePath().normalize();
        lint = new NpmProject(root.resolve("deploy/openapi-lint"));
        lint.install("spectral");
    }

    @ParameterizedTest
    @ValueSource(strings = { "suggestion-service", "workflow-service", "notification-service", "reporting-service" })
    void documentHasNoOwaspError(String service) throws Exception {
        Path document = root.resolve(service).resolve("target/openapi/openapi.json");
        assertTrue(Files.isRegularFile(document), () -> document + " is missing: the service's build stores it (quarkus.smallrye-openapi.store-schema-directory)");
        NpmProject.Run spectral = lint.run(List.of(lint.tool("spectral"), "lint", "--ruleset", ".spectral.yaml", "--format", "json",
                "--fail-severity", "error", document.toString()), 300);
        String output = spectral.output();
        int start = output.indexOf('[');
        assertTrue(start >= 0, () -> "Spectral printed no result for " + service + ":\n" + output);
        List<Map<String, Object>> results = JsonPath.from(output.substring(start)).getList("$");
        Map<String, Integer> errorsByRule = new TreeMap<>();
        List<String> errors = new ArrayList<>();
        int warnings = 0;
        for (Map<String, Object> result : results) {
            int severity = ((Number) result.get("severity")).intValue();
            if (severity == 0) {
                errorsByRule.merge(String.valueOf(result.get("code")), 1, Integer::sum);
                errors.add(result.get("code") + " at " + String.join("/", ((List<?>) result.get("path")).stream().map(String::valueOf).toList())
                        + ": " + result.get("message"));
            } else if (severity == 1) {
                warnings++;
            }
        }
        System.out.printf("OpenAPI lint (Spectral, OWASP API Security ruleset) %-21s errors %3d  warnings %3d  %s%n", service, errors.size(),
                warnings, errorsByRule);
        assertTrue(errors.isEmpty(), () -> service + ": the OWASP ruleset reports " + errors.size() + " errors in " + document + ", first:\n  "
                + String.join("\n  ", errors.subList(0, Math.min(40, errors.size()))));
        assertEquals(0, spectral.exitCode(), () -> "Spectral failed on " + service + ":\n" + output);
    }
}
