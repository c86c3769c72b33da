package gov.suggestions.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Bearer tokens signed with the local key pair (deploy/local/keys) that the services trust in
 * their local and test profiles, with the same claims as deploy/local/mint-token.sh.
 */
public final class TestTokens {

    public static final String ISSUER = "https://suggestions.local/issuer";

    private static final PrivateKey LOCAL_KEY = readPrivateKey("/jwt/local-private.pem");

    private final String role;
    private String subject;
    private String congressBody;
    private String unit;
    private String deputy;
    private Instant issuedAt = Instant.now();
    private long ttlSeconds = 3600;
    private PrivateKey signingKey = LOCAL_KEY;
    private String keyId = "local";

    private TestTokens(String role) {
        this.role = role;
        this.subject = role + "-user";
    }

    public static TestTokens role(String role) {
        return new TestTokens(role);
    }

    public TestTokens subject(String subject) {
        this.subject = subject;
        return this;
    }

    public TestTokens congressBody(String congressBody) {
        this.congressBody = congressBody;
        return this;
    }

    public TestTokens unit(String unit) {
        this.unit = unit;
        return this;
    }

    public TestTokens deputy(String deputy) {
        this.deputy = deputy;
        return this;
    }

    /** A token that expired well beyond the verifier's clock skew allowance (60 s). */
    public TestTokens expired() {
        this.issuedAt = Instant.now().minusSeconds(3600);
        this.ttlSeconds = 600;
        return this;
    }

    /** Issued at the given instant (e.g. in the future, which the services refuse beyond their clock skew). */
    public TestTokens issuedAt(Instant issuedAt) {
        this.issuedAt = issuedAt;
        return this;
    }

    /** Valid for the given number of seconds from its issue (the services refuse lifetimes above their maximum). */
    public TestTokens validForSeconds(long seconds) {
        this.ttlSeconds = seconds;
        return this;
    }

    /** Signed by a key nobody trusts. */
    public TestTokens signedByUnknownKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            this.signingKey = generator.generateKeyPair().getPrivate();
            return this;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signed by an identity provider's key, named in the token's header by its key id ({@code kid}). */
    public TestTokens signedBy(PrivateKey key, String keyId) {
        this.signingKey = key;
        this.keyId = keyId;
        return this;
    }

    public String sign() {
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER)
                .subject(subject)
                .upn(subject)
                .groups(Set.of(role))
                .issuedAt(issuedAt)
                .expiresAt(issuedAt.plusSeconds(ttlSeconds))
                .claim("jti", UUID.randomUUID().toString());
        if (congressBody != null) {
            claims.claim("congress_body", congressBody);
        }
        if (unit != null) {
            claims.claim("unit", unit);
        }
        if (deputy != null) {
            claims.claim("deputy", deputy);
        }
        return claims.jws().keyId(keyId).sign(signingKey);
    }

    private static PrivateKey readPrivateKey(String resource) {
        try (InputStream in = TestTokens.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test key " + resource);
            }
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "")
                    .replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException(e);
        }
    }
}
