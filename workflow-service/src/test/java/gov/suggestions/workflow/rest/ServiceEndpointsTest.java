package gov.suggestions.workflow.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import gov.suggestions.testsupport.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class ServiceEndpointsTest {

    @Test
    void healthChecksDatabaseAndKafka() {
        given().port(managementPort()).when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
        given().port(managementPort()).when().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void openApiAndSwaggerUiAreServed() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/api/v1/received-suggestions/{id}'.get.tags", hasItem("Received suggestions"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("paths.'/api/v1/received-suggestions/{id}'.get.responses.'404'.content.'application/problem+json'.examples", notNullValue());
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    /** Health lives on the management interface, on its own (random, in tests) port. */
    private static int managementPort() {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }
}
