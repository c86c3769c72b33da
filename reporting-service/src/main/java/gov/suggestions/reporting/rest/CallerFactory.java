package gov.suggestions.reporting.rest;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import gov.suggestions.reporting.service.Caller;

/** Reads the caller from the current request's bearer token (the token proxy is request scoped). */
@ApplicationScoped
public class CallerFactory {

    private final JsonWebToken token;

    public CallerFactory(JsonWebToken token) {
        this.token = token;
    }

    public Caller current() {
        return new Caller(token.getName(), token.getGroups(), claim("congress_body"), claim("unit"), claim("deputy"));
    }

    private String claim(String name) {
        Object value = token.getClaim(name);
        return value == null ? null : value.toString().replace("\"", "");
    }
}
