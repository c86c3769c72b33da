package gov.suggestions.reporting.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import org.eclipse.microprofile.jwt.Claims;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.jwx.JsonWebStructure;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.DefaultJWTTokenParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Verifies bearer tokens and remembers the ones that passed. A caller sends the same token with every request until
 * it expires, and checking its RS256 signature and claims again each time was a measurable part of every request's
 * CPU. A verified token is remembered under its SHA-256 digest (the credential itself is not kept as a key) until its
 * own expiry, {@link #MAX_TOKENS} at most; a token that fails is never remembered, so a forged twin of a remembered
 * token, or a copy with one claim changed, is verified in full and refused.
 * <p>
 * Also refuses a token issued in the future (beyond the allowed clock skew): the verifier checks expiry and the maximum
 * lifetime ({@code smallrye.jwt.time-to-live}) but not that the issue time has already come, so a token minted
 * "tomorrow" with a lifetime under the maximum would be valid until the day after.
 * <p>
 * The principal it gives knows the suite's own claims ({@code congress_body}, {@code unit}, {@code deputy}): SmallRye's
 * looks every claim name up among the standard ones with {@code Claims.valueOf} and catches the exception for a custom
 * one, three exceptions with their stack traces in every request (the most frequent exception in a profile of
 * registrations under load).
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class TokenVerification extends DefaultJWTCallerPrincipalFactory {

    /** Live tokens one replica remembers: far more callers than a city's systems and staff have at once. */
    static final int MAX_TOKENS = 4096;

    private final Cache<String, JWTCallerPrincipal> verified = Caffeine.newBuilder()
            .maximumSize(MAX_TOKENS)
            .expireAfter(Expiry.creating((String digest, JWTCallerPrincipal token) -> java.time.Duration
                    .ofSeconds(Math.max(0, token.getExpirationTime() - System.currentTimeMillis() / 1000))))
            .build();

    private final DefaultJWTTokenParser parser = new DefaultJWTTokenParser();

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
        String digest = digest(token);
        JWTCallerPrincipal known = verified.getIfPresent(digest);
        if (known != null) {
            return known;
        }
        // what DefaultJWTCallerPrincipalFactory does, with the principal below
        JwtContext context = parser.parse(token, authContextInfo);
        String type = ((JsonWebStructure) context.getJoseObjects().get(0)).getHeader("typ");
        JWTCallerPrincipal principal = new SuiteClaimsPrincipal(type, context.getJwtClaims());
        long now = System.currentTimeMillis() / 1000;
        if (principal.getIssuedAtTime() > now + authContextInfo.getClockSkew()) {
            throw new ParseException("the token's issue time lies in the future");
        }
        verified.put(digest, principal);
        return principal;
    }

    /** A verified token whose custom claims are known as custom without an exception per look-up. */
    static final class SuiteClaimsPrincipal extends DefaultJWTCallerPrincipal {

        SuiteClaimsPrincipal(String type, JwtClaims claims) {
            super(type, claims);
        }

        @Override
        protected Claims getClaimType(String name) {
            return switch (name) {
                case "congress_body", "unit", "deputy" -> Claims.UNKNOWN;
                default -> super.getClaimType(name);
            };
        }
    }

    /** Whether the token is remembered as verified (for tests). */
    boolean remembers(String token) {
        return verified.getIfPresent(digest(token)) != null;
    }

    private static String digest(String token) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
