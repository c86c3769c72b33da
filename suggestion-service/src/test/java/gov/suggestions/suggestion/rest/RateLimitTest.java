package gov.suggestions.suggestion.rest;

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
        new HttpLayerChecks(port, TestTokens.role("congress-office").congressBody("rate-a").subject("rate-office").sign(), "/api/v1/suggestions")
                .callerLimitHolds(5, TestTokens.role("congress-office").congressBody("rate-b").subject("rate-office"), TestTokens.role("congress-office").congressBody("rate-a").subject("another-office"));
    }
}
