package gov.suggestions.notification.event;

import gov.suggestions.testsupport.LocalKeyFileResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * WebhookDeliveryTest against the packaged application ({@code target/quarkus-app}, started with {@code java -jar} by
 * Quarkus), connected to PostgreSQL, the broker, the SMTP server and a receiving system: events taken in and posted,
 * signed, to subscribed systems, with retries. On Java 25 this run is also the training of the application's AOT
 * cache: Quarkus records what the run loads, links and profiles, and writes {@code target/quarkus-app/app.aot} when
 * the application stops.
 */
@QuarkusIntegrationTest
@WithTestResource(LocalKeyFileResource.class)
class WebhookDeliveryIT extends WebhookDeliveryTest {
}
