package gov.suggestions.reporting.rest;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import gov.suggestions.reporting.service.Caller;
import gov.suggestions.reporting.service.ScopeMissingException;
import gov.suggestions.reporting.domain.Text;

/** Reads the caller from the current request's bearer token (the token proxy is request scoped). */
@ApplicationScoped
public class CallerFactory {

    private final JsonWebToken token;

    public CallerFactory(JsonWebToken token) {
        this.token = token;
    }

    /**
     * The caller of this request. A deputy is (congress_body, deputy id): a deputy token lacking either claim is refused
     * (403) on every operation, whatever the operation would have answered (today no operation of this service admits
     * deputies, so they meet the role check first; this keeps the rule if one ever does).
     */
    public Caller current() {
        Caller caller = new Caller(token.getName(), token.getGroups(), claim("congress_body"), claim("unit"), claim("deputy"));
        if (caller.hasRole(Caller.DEPUTY) && (caller.congressBody() == null || caller.deputy() == null)) {
            throw new ScopeMissingException(Text.of("代表令牌必须同时带有 congress_body 和 deputy 声明",
                    "A deputy token must carry both the congress_body and the deputy claim"));
        }
        return caller;
    }

    private String claim(String name) {
        Object value = token.getClaim(name);
        if (value == null) {
            return null;
        }
        String text = value.toString().replace("\"", "").strip();
        return text.isEmpty() ? null : text; // an empty claim scopes nothing: treated as missing
    }
}
