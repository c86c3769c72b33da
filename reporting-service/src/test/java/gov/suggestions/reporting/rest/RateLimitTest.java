package gov.suggestions.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import gov.suggestions.testsupport.HttpLayerChecks;
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

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void aCallerBeyondItsLimitIsToldWhenToRetryAndOthersAreNotHeldUp() {
        new HttpLayerChecks(port, TestTokens.role("congress-office").congressBody("rate-a").subject("rate-office").sign(), "/api/v1/statistics")
                .callerLimitHolds(5, TestTokens.role("congress-office").congressBody("rate-b").subject("rate-office"), TestTokens.role("congress-office").congressBody("rate-a").subject("another-office"));
    }

    /**
     * The public pages need no token: anonymous readers count against their client address (here all of them come from
     * 127.0.0.1), so one address beyond the limit gets 429 while a caller with a token goes on.
     */
    @Test
    void anonymousReadersOfThePublicPagesAreLimitedByAddress() {
        int status = 0;
        for (int i = 0; i < 7 && status != 429; i++) {
            status = given().when().get("/api/v1/public/annual-summaries").then().extract().statusCode();
        }
        assertEquals(429, status, "the address's bucket of 5 is used up within 7 requests");
        given().when().get("/api/v1/public/annual-summaries").then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue()).header("RateLimit-Remaining", "0").header("Cache-Control", "no-store");
        given().auth().oauth2(TestTokens.role("unit-office").unit("rate-u").subject("rate-public-reader").sign())
                .when().get("/api/v1/public/annual-summaries").then().statusCode(200).header("RateLimit-Limit", "5");
    }
}
