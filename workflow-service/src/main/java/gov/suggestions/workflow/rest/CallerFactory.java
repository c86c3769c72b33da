package gov.suggestions.workflow.rest;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import gov.suggestions.workflow.service.Caller;
import gov.suggestions.workflow.service.ScopeMissingException;

/** Reads the caller from the current request's bearer token (the token proxy is request scoped). */
@ApplicationScoped
public class CallerFactory {

    private final JsonWebToken token;

    public CallerFactory(JsonWebToken token) {
        this.token = token;
    }

    /** The caller; a deputy token without its congress body or roster id is refused (403, also checked by {@link ScopeFilter}). */
    public Caller current() {
        Caller caller = of(token);
        if (caller.isIncompleteDeputy()) {
            throw ScopeMissingException.incompleteDeputy();
        }
        return caller;
    }

    static Caller of(JsonWebToken token) {
        java.util.Set<String> groups = token.getGroups();
        return new Caller(token.getName(), groups == null ? java.util.Set.of() : groups, claim(token, "congress_body"), claim(token, "unit"),
                claim(token, "deputy"));
    }

    /** A claim's text; absent, JSON null or blank count as missing. */
    private static String claim(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        if (value == null || value instanceof jakarta.json.JsonValue json && json.getValueType() == jakarta.json.JsonValue.ValueType.NULL) {
            return null;
        }
        String text = value instanceof jakarta.json.JsonString s ? s.getString() : value.toString().replace("\"", "");
        return text.isBlank() ? null : text;
    }
}
