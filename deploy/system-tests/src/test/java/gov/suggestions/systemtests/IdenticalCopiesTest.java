package gov.suggestions.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The services share no production code (each deploys alone), so a piece of the common contract is copied into each;
 * the copies listed here must stay identical but for their package, or the four APIs drift apart.
 */
class IdenticalCopiesTest {

    private static final List<String> SERVICES = List.of("suggestion", "workflow", "notification", "reporting");

    /** Each copy's path under {@code src/main/java/gov/suggestions/<service>/}. */
    private static final List<String> COPIES = List.of("service/EntityTags.java");

    @Test
    void theCopiesOfTheCommonContractAreTheSameInEveryService() throws IOException {
        Path root = Path.of(System.getProperty("suite.root", "../..")).toAbsolutePath().normalize();
        for (String copy : COPIES) {
            Map<String, String> texts = new LinkedHashMap<>();
            for (String service : SERVICES) {
                Path file = root.resolve(service + "-service/src/main/java/gov/suggestions/" + service + "/" + copy);
                texts.put(service, Files.readString(file).replace("gov.suggestions." + service + ".", "gov.suggestions.<service>."));
            }
            String first = texts.get(SERVICES.get(0));
            texts.forEach((service, text) -> assertEquals(first, text, copy + " of " + service + "-service differs from suggestion-service's"));
        }
    }
}
