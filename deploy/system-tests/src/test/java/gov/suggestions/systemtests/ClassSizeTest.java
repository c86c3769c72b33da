package gov.suggestions.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A class over 400 lines is usually two classes; one that stays whole says why in its header ("Over 400 lines ..."),
 * so a reader knows the size was chosen. Covers the main and test sources of the four services and the system tests.
 */
class ClassSizeTest {

    private static final int LIMIT = 400;
    private static final String REASON = "Over 400 lines";

    @Test
    void everyClassOver400LinesSaysWhyInItsHeader() throws IOException {
        Path root = Path.of(System.getProperty("suite.root", "../..")).toAbsolutePath().normalize();
        List<Path> sources = List.of(root.resolve("suggestion-service/src"), root.resolve("workflow-service/src"),
                root.resolve("notification-service/src"), root.resolve("reporting-service/src"), root.resolve("deploy/system-tests/src"));
        List<String> unexplained;
        long checked;
        try (Stream<Path> files = sources.stream().filter(Files::isDirectory).flatMap(ClassSizeTest::javaFiles)) {
            List<Path> all = files.toList();
            checked = all.size();
            unexplained = all.stream().filter(ClassSizeTest::longWithoutReason).map(p -> root.relativize(p).toString()).sorted().toList();
        }
        assertTrue(checked > 400, "the sources were found under " + root + " (" + checked + " files)");
        assertEquals(List.of(), unexplained, "classes over " + LIMIT + " lines whose header does not say why (\"" + REASON + " ...\")");
    }

    private static Stream<Path> javaFiles(Path dir) {
        try {
            return Files.walk(dir).filter(p -> p.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean longWithoutReason(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            if (lines.size() <= LIMIT) {
                return false;
            }
            // the header: everything before the first top-level type declaration
            for (String line : lines) {
                if (line.contains(REASON)) {
                    return false;
                }
                if (line.matches("(public |final |abstract |sealed )*(class|record|interface|enum) .*")) {
                    return true;
                }
            }
            return true;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
