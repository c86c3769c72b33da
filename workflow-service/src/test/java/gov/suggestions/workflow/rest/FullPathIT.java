package gov.suggestions.workflow.rest;

import gov.suggestions.testsupport.LocalKeyFileResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * FullPathTest against the packaged application ({@code target/quarkus-app}, started with {@code java -jar} by
 * Quarkus), connected to PostgreSQL and the broker: cases opened from assignment events and taken through
 * distribution, communication, drafts, review, reply, evaluation, re-handling and a joint opinion. On Java 25 this run
 * is also the training of the application's AOT cache: Quarkus records what the run loads, links and profiles, and
 * writes {@code target/quarkus-app/app.aot} when the application stops.
 */
@QuarkusIntegrationTest
@WithTestResource(LocalKeyFileResource.class)
class FullPathIT extends FullPathTest {
}
