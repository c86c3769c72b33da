package gov.suggestions.workflow.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** One caller beyond its limit gets 429 with Retry-After; other callers, and the same subject in another body, go on. */
@QuarkusTest
@TestProfile(RateLimitTest.SmallLimit.class)
@WithTestResource(KafkaBrokerResource.class)
class RateLimitTest {

    public static class SmallLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("api.rate-limit.burst", "5", "api.rate-limit.requests-per-minute", "1");
        }
    }

    @Test
    void aCallerBeyondItsLimitIsToldWhenToRetryAndOthersAreNotHeldUp() {
        String office = TestTokens.role("unit-office").unit("rate-a").subject("rate-office").sign();
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(office).when().get("/api/v1/cases")
                    .then().statusCode(200)
                    .header("RateLimit-Limit", "5")
                    .header("RateLimit-Remaining", notNullValue())
                    .header("RateLimit-Reset", notNullValue());
        }
        given().auth().oauth2(office).when().get("/api/v1/cases")
                .then().statusCode(429)
                .contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(429))
                .header("Retry-After", notNullValue())
                .header("RateLimit-Remaining", "0");
        // the same subject in another tenant is another caller
        given().auth().oauth2(TestTokens.role("unit-office").unit("rate-b").subject("rate-office").sign())
                .when().get("/api/v1/cases").then().statusCode(200);
        given().auth().oauth2(TestTokens.role("unit-office").unit("rate-a").subject("another-office").sign())
                .when().get("/api/v1/cases").then().statusCode(200);
    }
}
