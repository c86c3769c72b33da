package gov.suggestions.suggestion.event;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import gov.suggestions.testsupport.AsyncApiContract;

/**
 * The AsyncAPI document of topic {@code suggestions} (src/main/resources/asyncapi.yaml) describes exactly what this
 * service publishes: a message for each event record of this package (its {@code TYPE}), a golden file for each, and
 * every golden field described by its message's payload schema.
 */
class AsyncApiContractTest {

    @Test
    void theDocumentDescribesEveryPublishedEventAsItsGoldenFileShowsIt() {
        AsyncApiContract.fromClasspath().assertDescribes("suggestions", AsyncApiContract.typeConstants(SuggestionSubmittedV1.class),
                Path.of("src/test/resources/events"));
    }
}
