package gov.suggestions.reporting.rest;

import gov.suggestions.testsupport.LocalKeyFileResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * HostileInputTest against the packaged application ({@code target/quarkus-app}, started with {@code java -jar} by
 * Quarkus), connected to PostgreSQL and the broker: hostile values in every parameter and body of every operation its
 * OpenAPI document lists (statistics, ledger, summaries, drafts). On Java 25 this run is also the training of the
 * application's AOT cache: Quarkus records what the run loads, links and profiles, and writes {@code
 * target/quarkus-app/app.aot} when the application stops.
 */
@QuarkusIntegrationTest
@WithTestResource(LocalKeyFileResource.class)
class HostileInputIT extends HostileInputTest {
}
