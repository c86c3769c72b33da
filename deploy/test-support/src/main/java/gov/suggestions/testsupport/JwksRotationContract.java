package gov.suggestions.testsupport;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import gov.suggestions.testsupport.JwksProvider.SigningKey;
import io.restassured.RestAssured;

/**
 * What every service does when its keys come from the identity provider's JWKS URL: it verifies with the published
 * keys, keeps them instead of fetching per request, picks up a rotated key the first time a token names it (no
 * restart, no hands), refuses a key the provider never published without letting such tokens make it fetch again and
 * again, and keeps verifying with the keys it has while the provider is down.
 * <p>
 * Each service runs it as a {@code @QuarkusTest} with {@link JwksProviderResource}, its production settings
 * ({@code smallrye.jwt.jwks.*}) and one cheap read its caller may make.
 */
public abstract class JwksRotationContract {

    @InjectJwksProvider
    JwksProvider provider;

    /** A caller (role and claims) who may read {@link #readablePath()}. */
    protected abstract TestTokens reader();

    /** A read that answers 200 to {@link #reader()}. */
    protected abstract String readablePath();

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void tokensAreVerifiedWithTheProvidersPublishedKeysAndARotatedKeyNeedsNoRestart() {
        // the provider publishes its keys before the service starts: a service may fetch them before any token comes
        SigningKey first = provider.initialKey();

        answers(200, first);
        int fetched = provider.fetches();
        assertTrue(fetched >= 1, "the service fetched the provider's keys to verify the first token");
        answers(200, first);
        answers(200, first);
        assertEquals(fetched, provider.fetches(), "the keys are kept, not fetched for every token");

        // the provider rotates: it publishes a second key and signs with it; the keys say they may be kept 6 s (time enough
        // for the steps up to the outage, however slow the machine)
        SigningKey second = JwksProvider.newKey("suggestions-2026-b");
        provider.publish(6, first, second);
        // jose4j does not fetch again within 300 ms of its last fetch (HttpsJwks' refresh reprieve), and SmallRye would
        // count that skipped fetch as the forced one of the minute: a rotation comes later than that in life
        sleep(Duration.ofMillis(600));
        answers(200, second);
        assertEquals(fetched + 1, provider.fetches(), "a token naming an unknown key id makes the service fetch once");
        answers(200, second);
        answers(200, first);

        // a key the provider never published: refused, and such tokens do not make it fetch again and again
        SigningKey stranger = JwksProvider.newKey("suggestions-2026-z");
        answers(401, stranger);
        answers(401, stranger);
        assertEquals(fetched + 1, provider.fetches(),
                "no second forced fetch within smallrye.jwt.jwks.forced-refresh-interval (1 minute)");

        // the provider goes down; after the kept keys' 6 s the service tries to fetch and goes on with what it has
        provider.failWith(503);
        int beforeOutage = provider.fetches();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            answers(200, second);
            assertTrue(provider.fetches() > beforeOutage, "the service tried to refresh the expired keys");
        });
        answers(200, second);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void answers(int status, SigningKey key) {
        given().auth().oauth2(reader().signedBy(key.privateKey(), key.keyId()).sign())
                .when().get(readablePath())
                .then().statusCode(status);
    }
}
