package gov.suggestions.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

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
    private static Path lint;

    @BeforeAll
    static void installSpectral() throws Exception {
        root = Path.of(System.getProperty("suite.root", "../..")).toAbsolutePath().normalize();
        lint = root.resolve("deploy/openapi-lint");
        if (!Files.isExecutable(lint.resolve("node_modules/.bin/spectral"))) {
            // the lockfile pins every package; ci installs exactly it
            Run install = run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), 600);
            assertEquals(0, install.exitCode(), () -> "npm ci in " + lint + " failed:\n" + install.output());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "suggestion-service", "workflow-service", "notification-service", "reporting-service" })
    void documentHasNoOwaspError(String service) throws Exception {
        Path document = root.resolve(service).resolve("target/openapi/openapi.json");
        assertTrue(Files.isRegularFile(document), () -> document + " is missing: the service's build stores it (quarkus.smallrye-openapi.store-schema-directory)");
        Run spectral = run(List.of(lint.resolve("node_modules/.bin/spectral").toString(), "lint", "--ruleset", ".spectral.yaml", "--format", "json",
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

    private record Run(int exitCode, String output) {
    }

    private static Run run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Path out = Files.createTempFile("spectral", ".out");
        try {
            Process process = new ProcessBuilder(command).directory(lint.toFile()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not end within " + timeoutSeconds + " s");
            }
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
