package gov.suggestions.reporting.rest;

import gov.suggestions.testsupport.JwksProviderResource;
import gov.suggestions.testsupport.JwksRotationContract;
import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Tokens verified with the keys an identity provider publishes at its JWKS URL, through a key rotation and an outage. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(JwksProviderResource.class)
class JwksVerificationTest extends JwksRotationContract {

    @Override
    protected TestTokens reader() {
        return TestTokens.role("gov-supervisor").subject("jwks-supervisor");
    }

    @Override
    protected String readablePath() {
        return "/api/v1/statistics";
    }
}
