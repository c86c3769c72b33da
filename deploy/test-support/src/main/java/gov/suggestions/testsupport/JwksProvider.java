package gov.suggestions.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * An identity provider's key endpoint (JWKS, RFC 7517) served by WireMock at Keycloak's path, for tests of services
 * that fetch their verification keys from the provider instead of a file. The test decides which keys the provider
 * publishes at any moment (a rotation is a new {@link #publish}), and counts how often the service fetched them.
 */
public final class JwksProvider implements AutoCloseable {

    /** Where Keycloak serves a realm's keys; another provider's URL differs, the document is the same. */
    public static final String PATH = "/realms/suggestions/protocol/openid-connect/certs";

    private final WireMockServer server;
    private final SigningKey initialKey = newKey("suggestions-initial");

    private JwksProvider(WireMockServer server) {
        this.server = server;
    }

    /** A provider that already publishes one key, {@link #initialKey()}, as a provider does before any service starts. */
    public static JwksProvider start() {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        JwksProvider provider = new JwksProvider(server);
        provider.publish(provider.initialKey);
        return provider;
    }

    /** The key the provider published when it started. */
    public SigningKey initialKey() {
        return initialKey;
    }

    public String jwksUrl() {
        return server.baseUrl() + PATH;
    }

    /** A new RSA signing key under the given key id ({@code kid}), as a provider makes one on rotation. */
    public static SigningKey newKey(String keyId) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new SigningKey(keyId, generator.generateKeyPair());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is part of every Java runtime", e);
        }
    }

    /**
     * From now on the endpoint answers with exactly these public keys.
     *
     * @param maxAgeSeconds the {@code Cache-Control: max-age} the provider sends (0: none, as Keycloak sends none)
     */
    public void publish(int maxAgeSeconds, SigningKey... keys) {
        String document = Arrays.stream(keys).map(SigningKey::publicJwk)
                .collect(Collectors.joining(",", "{\"keys\":[", "]}"));
        var response = aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(document);
        if (maxAgeSeconds > 0) {
            response.withHeader("Cache-Control", "max-age=" + maxAgeSeconds);
        }
        server.resetMappings();
        server.stubFor(get(urlEqualTo(PATH)).willReturn(response));
    }

    public void publish(SigningKey... keys) {
        publish(0, keys);
    }

    /** From now on the endpoint answers every fetch with this error status (the provider is down). */
    public void failWith(int status) {
        server.resetMappings();
        server.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(status)));
    }

    /** How often the key set was fetched since the provider started. */
    public int fetches() {
        return server.countRequestsMatching(getRequestedFor(urlEqualTo(PATH)).build()).getCount();
    }

    @Override
    public void close() {
        server.stop();
    }

    /** A provider's signing key: the private half signs test tokens, the public half is published. */
    public record SigningKey(String keyId, KeyPair keyPair) {

        public PrivateKey privateKey() {
            return keyPair.getPrivate();
        }

        String publicJwk() {
            RsaJsonWebKey jwk = new RsaJsonWebKey((RSAPublicKey) keyPair.getPublic());
            jwk.setKeyId(keyId);
            jwk.setUse("sig");
            jwk.setAlgorithm("RS256");
            return jwk.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        }
    }
}
