package gov.suggestions.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.testsupport.TestTokens;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** A token is verified once and then remembered until it expires; nothing that fails verification is ever remembered. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class TokenVerificationTest {

    private static final String STATISTICS = "/api/v1/statistics";

    @Inject
    TokenVerification verification;

    @Inject
    JWTAuthContextInfo authContextInfo;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aVerifiedTokenIsRememberedUntilItsOwnExpiry() {
        // clock skew (60 s) aside, the verifier would still accept it for a minute after its expiry; the memory does not
        String token = TestTokens.role("gov-supervisor").subject("remembered-reader").validForSeconds(3).sign();
        assertFalse(verification.remembers(token));

        given().auth().oauth2(token).when().get(STATISTICS).then().statusCode(200);
        assertTrue(verification.remembers(token));
        given().auth().oauth2(token).when().get(STATISTICS).then().statusCode(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> !verification.remembers(token));
    }

    @Test
    void aForgedTwinOfARememberedTokenIsRefused() {
        String token = TestTokens.role("gov-supervisor").subject("twin-reader").sign();
        given().auth().oauth2(token).when().get(STATISTICS).then().statusCode(200);
        assertTrue(verification.remembers(token));

        // the same header and claims signed by a key nobody trusts, and the claims changed under the real signature
        String forged = TestTokens.role("gov-supervisor").subject("twin-reader").signedByUnknownKey().sign();
        String[] parts = token.split("\\.");
        String otherClaims = TestTokens.role("congress-office").congressBody("shenzhen-npc").subject("twin-reader").sign().split("\\.")[1];
        String tampered = parts[0] + "." + otherClaims + "." + parts[2];
        for (String refused : new String[] { forged, tampered }) {
            given().auth().oauth2(refused).when().get(STATISTICS).then().statusCode(401);
            assertFalse(verification.remembers(refused));
        }
    }

    @Test
    void tokensIssuedInTheFutureOrLivingTooLongAreRefusedAndNotRemembered() {
        String future = TestTokens.role("gov-supervisor").subject("future-reader").issuedAt(Instant.now().plusSeconds(600)).sign();
        String tooLong = TestTokens.role("gov-supervisor").subject("long-reader").validForSeconds(9 * 3600).sign();
        for (String refused : new String[] { future, tooLong }) {
            given().auth().oauth2(refused).when().get(STATISTICS).then().statusCode(401);
            assertFalse(verification.remembers(refused));
        }
    }

    @Test
    void theSuitesOwnClaimsAreReadAsCustomClaimsAndTheStandardOnesAsBefore() throws Exception {
        String token = TestTokens.role("unit-office").congressBody("shenzhen-npc").unit("sz-zsj").deputy("D-0117")
                .subject("claims-reader").sign();
        JsonWebToken principal = verification.parse(token, authContextInfo);
        TokenVerification.SuiteClaimsPrincipal suite = (TokenVerification.SuiteClaimsPrincipal) principal;
        // known as custom without SmallRye's Claims.valueOf and the exception it throws for every custom name
        for (String custom : new String[] {"congress_body", "unit", "deputy"}) {
            assertEquals(Claims.UNKNOWN, suite.getClaimType(custom), custom);
        }
        assertEquals(Claims.groups, suite.getClaimType("groups"));
        assertEquals("shenzhen-npc", principal.getClaim("congress_body").toString().replace("\"", ""));
        assertEquals("sz-zsj", principal.getClaim("unit").toString().replace("\"", ""));
        assertEquals("D-0117", principal.getClaim("deputy").toString().replace("\"", ""));
        assertEquals("claims-reader", principal.getName());
        assertTrue(principal.getGroups().contains("unit-office"));
        // the same token again comes from memory, with the same claims
        assertEquals("sz-zsj", verification.parse(token, authContextInfo).getClaim("unit").toString().replace("\"", ""));
    }
}
