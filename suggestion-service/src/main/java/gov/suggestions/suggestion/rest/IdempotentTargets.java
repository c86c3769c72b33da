package gov.suggestions.suggestion.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.interceptor.InvocationContext;

import gov.suggestions.suggestion.service.Caller;
import gov.suggestions.suggestion.service.SuggestionService;

/**
 * What an {@link IdempotentCreate} operation acts on, checked before a stored answer is replayed as a first request
 * checks it: here the congress body a registration names must be the caller's own (403 otherwise).
 */
@ApplicationScoped
public class IdempotentTargets {

    void requireReachable(InvocationContext ctx, Caller caller) {
        for (Object parameter : ctx.getParameters()) {
            if (parameter instanceof RegisterSuggestionRequest registration) {
                SuggestionService.requireCongressBody(caller, registration.congressBody());
            }
        }
    }
}
