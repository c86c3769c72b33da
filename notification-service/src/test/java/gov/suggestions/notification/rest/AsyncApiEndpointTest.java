package gov.suggestions.notification.rest;

import org.junit.jupiter.api.Test;

import gov.suggestions.notification.support.GreenMailResource;
import gov.suggestions.notification.support.WireMockResource;
import gov.suggestions.testsupport.AsyncApiContract;
import gov.suggestions.testsupport.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Consumers of the service's topic read its event contract where they read the API's: beside /q/openapi, without a token. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(GreenMailResource.class)
@WithTestResource(WireMockResource.class)
class AsyncApiEndpointTest {

    @Test
    void theAsyncApiDocumentIsServedAsYamlAndJsonBesideTheOpenApiDocument() {
        AsyncApiContract.fromClasspath().assertServedBesideTheOpenApiDocument();
    }
}
