package gov.suggestions.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The root README's catalogue of problem types is the one the services answer with: each row (type, status, the
 * zh-CN and English titles) is an entry of {@code rest/ProblemType} (identical in the four services, see
 * {@link IdenticalCopiesTest}) and each entry a row.
 */
class ProblemCatalogueTest {

    private static final Pattern ENTRY = Pattern.compile("^\\s+[A-Z_]+\\(\"([a-z-]+)\", (\\d{3}), \"([^\"]+)\", \"([^\"]+)\"\\)[,;]$",
            Pattern.MULTILINE);
    private static final Pattern ROW = Pattern.compile(
            "^\\| `urn:gov-suggestions:problem:([a-z-]+)` \\| (\\d{3}) \\| ([^|]+?) \\| ([^|]+?) \\|", Pattern.MULTILINE);

    @Test
    void theReadmesCatalogueIsTheServicesCatalogue() throws IOException {
        Path root = Path.of(System.getProperty("suite.root", "../..")).toAbsolutePath().normalize();
        Set<String> inCode = entries(ENTRY, Files.readString(root.resolve("suggestion-service/src/main/java/gov/suggestions/suggestion/rest/ProblemType.java")));
        Set<String> inReadme = entries(ROW, Files.readString(root.resolve("README.md")));
        assertFalse(inCode.isEmpty(), "no entry read from ProblemType.java");
        Set<String> onlyInCode = new LinkedHashSet<>(inCode);
        onlyInCode.removeAll(inReadme);
        Set<String> onlyInReadme = new LinkedHashSet<>(inReadme);
        onlyInReadme.removeAll(inCode);
        assertEquals(inCode, inReadme, "README.md's problem types and rest/ProblemType differ: only in the code " + onlyInCode
                + ", only in the README " + onlyInReadme);
    }

    private static Set<String> entries(Pattern pattern, String text) {
        Set<String> entries = new LinkedHashSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            entries.add(m.group(1) + " | " + m.group(2) + " | " + m.group(3).trim() + " | " + m.group(4).trim());
        }
        return entries;
    }
}
