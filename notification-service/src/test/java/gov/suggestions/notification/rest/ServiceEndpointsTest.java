package gov.suggestions.notification.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import gov.suggestions.notification.support.GreenMailResource;
import gov.suggestions.notification.support.WireMockResource;
import gov.suggestions.testsupport.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(GreenMailResource.class)
@WithTestResource(WireMockResource.class)
class ServiceEndpointsTest {

    @Test
    void readinessChecksDatabaseAndKafka() {
        given().port(managementPort()).when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.name", hasItem("Kafka connection health check"));
        given().port(managementPort()).when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void openApiAndSwaggerUiAreServed() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("info.title", equalTo("notification-service"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                // the shared error responses are described once, with an example, and referred to by operations
                .body("components.responses.Unauthenticated.content.'application/problem+json'.examples.problem.value.status", equalTo(401))
                .body("components.responses.Forbidden.content.'application/problem+json'.examples.problem.value.status", equalTo(403))
                .body("paths.collect { it.value.collect { op -> op.value.responses?.get('401')?.get('$ref') } }.flatten().findAll { it != null }",
                        everyItem(equalTo("#/components/responses/Unauthenticated")))
                .body("paths.'/api/v1/inbox'.get.responses.'401'.'$ref'", equalTo("#/components/responses/Unauthenticated"));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    /** Health lives on the management interface, on its own (random, in tests) port. */
    private static int managementPort() {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }
}
