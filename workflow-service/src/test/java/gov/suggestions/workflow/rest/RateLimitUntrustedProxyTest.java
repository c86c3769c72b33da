package gov.suggestions.workflow.rest;

import java.util.Map;

import org.junit.jupiter.api.Test;

import gov.suggestions.testsupport.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A caller that is not a trusted proxy cannot escape the anonymous limit by forwarding another address each time: its
 * X-Forwarded-For is ignored and it is counted by its own.
 */
@QuarkusTest
@TestProfile(RateLimitUntrustedProxyTest.OnlyTheIngressIsTrusted.class)
@WithTestResource(KafkaBrokerResource.class)
class RateLimitUntrustedProxyTest {

    public static class OnlyTheIngressIsTrusted implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // the test client (127.0.0.1) is not the ingress controller
            return Map.of("api.rate-limit.burst", "5", "api.rate-limit.requests-per-minute", "1",
                    "quarkus.http.proxy.trusted-proxies", "10.255.255.1");
        }
    }

    @Test
    void aForwardedAddressFromAnUntrustedPeerIsIgnored() {
        for (int i = 0; i < 5; i++) {
            RateLimitTest.publicReplies("203.0.113." + (10 + i)).then().statusCode(200);
        }
        RateLimitTest.publicReplies("203.0.113.99").then().statusCode(429);
    }
}
