package gov.suggestions.reporting.rest;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Refuses a token issued in the future (beyond the allowed clock skew): the verifier checks expiry and the
 * maximum lifetime ({@code smallrye.jwt.time-to-live}) but not that the issue time has already come, so a
 * token minted "tomorrow" with a lifetime under the maximum would be valid until the day after.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class IssuedAtCheck extends DefaultJWTCallerPrincipalFactory {

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
        JWTCallerPrincipal principal = super.parse(token, authContextInfo);
        long now = System.currentTimeMillis() / 1000;
        if (principal.getIssuedAtTime() > now + authContextInfo.getClockSkew()) {
            throw new ParseException("the token's issue time lies in the future");
        }
        return principal;
    }
}
