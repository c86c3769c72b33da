package gov.suggestions.suggestion.rest;

import gov.suggestions.testsupport.LocalKeyFileResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * SuggestionListTest against the packaged application ({@code target/quarkus-app}, started with {@code java -jar} by
 * Quarkus), connected to PostgreSQL and the broker: registrations with their whole model, deputies' and offices'
 * lists, a withdrawal. On Java 25 this run is also the training of the application's AOT cache: Quarkus records what
 * the run loads, links and profiles, and writes {@code target/quarkus-app/app.aot} when the application stops.
 */
@QuarkusIntegrationTest
@WithTestResource(LocalKeyFileResource.class)
class SuggestionListIT extends SuggestionListTest {
}
