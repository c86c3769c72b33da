package gov.suggestions.notification.rest;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import gov.suggestions.notification.service.Caller;
import gov.suggestions.notification.service.ScopeForbiddenException;
import gov.suggestions.notification.domain.Text;

/**
 * Reads the caller from the current request's bearer token (the token proxy is request scoped). A deputy is
 * (congress_body, deputy) everywhere: a deputy token lacking either claim is refused (403) on every operation.
 */
@ApplicationScoped
public class CallerFactory {

    private final JsonWebToken token;

    public CallerFactory(JsonWebToken token) {
        this.token = token;
    }

    public Caller current() {
        Caller caller = new Caller(token.getName(), token.getGroups(), claim("congress_body"), claim("unit"), claim("deputy"));
        if (caller.hasRole(Caller.DEPUTY) && (caller.bodyScope() == null || caller.deputy() == null || caller.deputy().isBlank())) {
            throw new ScopeForbiddenException(Text.of("代表令牌须同时带有 congress_body 与 deputy 声明",
                    "A deputy token must carry both the congress_body and the deputy claim"));
        }
        return caller;
    }

    private String claim(String name) {
        Object value = token.getClaim(name);
        return value == null ? null : value.toString().replace("\"", "");
    }
}
