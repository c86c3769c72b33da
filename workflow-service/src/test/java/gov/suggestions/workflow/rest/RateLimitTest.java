package gov.suggestions.workflow.rest;

import static io.restassured.RestAssured.given;

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
        new HttpLayerChecks(port, TestTokens.role("unit-office").unit("rate-a").subject("rate-office").sign(), "/api/v1/cases")
                .callerLimitHolds(5, TestTokens.role("unit-office").unit("rate-b").subject("rate-office"), TestTokens.role("unit-office").unit("rate-a").subject("another-office"));
    }

    /**
     * Behind the Ingress every anonymous reader of the public pages comes from the ingress controller (here: a trusted
     * proxy on 127.0.0.1): each is counted by the address it forwards, so one reader over the limit holds up nobody else.
     */
    @Test
    void anonymousReadersBehindTheTrustedIngressAreCountedByTheirForwardedAddress() {
        for (int i = 0; i < 5; i++) {
            publicReplies("203.0.113.7").then().statusCode(200);
        }
        publicReplies("203.0.113.7").then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue());
        publicReplies("203.0.113.8").then().statusCode(200);
    }

    static io.restassured.response.Response publicReplies(String forwardedFor) {
        return given().header("X-Forwarded-For", forwardedFor).when().get("/api/v1/public/replies");
    }
}
