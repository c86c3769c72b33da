package gov.suggestions.workflow.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import gov.suggestions.workflow.service.Caller;
import gov.suggestions.workflow.service.ScopeMissingException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;

/**
 * The scope claims, checked before any operation reads its body: a {@code deputy} token without {@code congress_body}
 * or {@code deputy} is refused on every operation (403 {@code scope-missing}); a change (any method but GET/HEAD) by
 * a caller none of whose roles has its scope claim is refused too. Reads without a scope go on and find nothing (the
 * queries are narrowed by the claims: empty lists, 404). Requests without a valid token are left to the role checks
 * (401).
 */
public class ScopeFilter {

    private final CurrentIdentityAssociation identity;

    public ScopeFilter(CurrentIdentityAssociation identity) {
        this.identity = identity;
    }

    @ServerRequestFilter
    public Uni<Response> checkScope(ContainerRequestContext request) {
        boolean change = !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod()) && !"OPTIONS".equals(request.getMethod());
        return identity.getDeferredIdentity().onFailure().recoverWithNull().map(id -> {
            if (id == null || id.isAnonymous() || !(id.getPrincipal() instanceof JsonWebToken token)) {
                return null;
            }
            Caller caller = CallerFactory.of(token);
            if (caller.isIncompleteDeputy()) {
                throw ScopeMissingException.incompleteDeputy();
            }
            if (change && !caller.hasScope()) {
                throw ScopeMissingException.noScope();
            }
            return null;
        });
    }
}
