package gov.suggestions.suggestion.rest;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import gov.suggestions.suggestion.service.AccessDeniedException;
import gov.suggestions.suggestion.service.Caller;
import gov.suggestions.suggestion.domain.Text;

/** Reads the caller from the current request's bearer token (the token proxy is request scoped). */
@ApplicationScoped
public class CallerFactory {

    private final JsonWebToken token;

    public CallerFactory(JsonWebToken token) {
        this.token = token;
    }

    /**
     * The caller; a {@code deputy} token must name both its congress body and its roster id (roster ids repeat between
     * bodies), otherwise every operation answers 403.
     */
    public Caller current() {
        Caller caller = new Caller(token.getName(), token.getGroups(), claim("congress_body"), claim("unit"), claim("deputy"));
        if (caller.hasRole(Caller.DEPUTY) && (caller.congressBody() == null || caller.deputy() == null)) {
            throw new AccessDeniedException(Text.of("代表令牌须同时指明人大(政协)机关 (congress_body) 和代表编号 (deputy)",
                    "A deputy token must name both its congress body (congress_body) and its roster id (deputy)"));
        }
        return caller;
    }

    private String claim(String name) {
        Object value = token.getClaim(name);
        String text = value == null ? null : value.toString().replace("\"", "");
        return text == null || text.isBlank() ? null : text;
    }
}
