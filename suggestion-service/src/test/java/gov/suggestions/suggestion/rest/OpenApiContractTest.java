package gov.suggestions.suggestion.rest;

import static gov.suggestions.suggestion.rest.SuggestionRequests.as;
import static gov.suggestions.suggestion.rest.SuggestionRequests.asOffice;
import static gov.suggestions.suggestion.rest.SuggestionRequests.freshNumber;
import static gov.suggestions.suggestion.rest.SuggestionRequests.registration;
import static io.restassured.RestAssured.given;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;

import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Real requests and responses checked against the service's own /q/openapi document: what
 * front-end teams generate clients from must describe what the service really answers.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class OpenApiContractTest {

    private OpenApiValidationFilter contract;

    @BeforeEach
    void loadContract() {
        String document = given().accept("application/json").when().get("/q/openapi").then().statusCode(200).extract().asString();
        contract = new OpenApiValidationFilter(OpenApiInteractionValidator.createForInlineApiSpecification(document).build());
    }

    @Test
    void registrationAndReadMatchTheDocument() {
        String id = asOffice().filter(contract).body(registration(freshNumber(), "D-0117"))
                .when().post("/api/v1/suggestions")
                .then().statusCode(201).extract().path("id");
        asOffice().filter(contract).when().get("/api/v1/suggestions/" + id).then().statusCode(200);
    }

    @Test
    void documentedErrorsMatchTheDocument() {
        String number = freshNumber();
        asOffice().filter(contract).body(registration(number, "D-0117")).when().post("/api/v1/suggestions").then().statusCode(201);
        asOffice().filter(contract).body(registration(number, "D-0117")).when().post("/api/v1/suggestions").then().statusCode(409);
        as(TestTokens.role("deputy").sign()).filter(contract).body(registration(freshNumber(), "D-0117"))
                .when().post("/api/v1/suggestions").then().statusCode(403);
        asOffice().filter(contract).when().get("/api/v1/suggestions/00000000-0000-0000-0000-000000000000").then().statusCode(404);
    }
}
