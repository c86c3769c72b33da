package gov.suggestions.workflow.event;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import gov.suggestions.testsupport.AsyncApiContract;
import gov.suggestions.workflow.domain.CaseEvent;

/**
 * The AsyncAPI document of topic {@code cases} (src/main/resources/asyncapi.yaml) describes exactly what this service
 * publishes: a message for each type of {@link CaseEvent} (a sealed interface: every record a step or a notice publishes),
 * a golden file for each, and every golden field described by its message's payload schema.
 */
class AsyncApiContractTest {

    @Test
    void theDocumentDescribesEveryPublishedEventAsItsGoldenFileShowsIt() {
        Set<String> published = new TreeSet<>();
        Arrays.stream(CaseEvent.class.getPermittedSubclasses()).map(AsyncApiContract::typeConstant)
                .forEach(type -> type.ifPresent(published::add));
        AsyncApiContract.fromClasspath().assertDescribes("cases", published, Path.of("src/test/resources/events"));
    }
}
