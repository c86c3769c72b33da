package gov.suggestions.workflow.rest;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.PathParam;

import gov.suggestions.workflow.service.CaseCommands;
import gov.suggestions.workflow.service.CaseService;
import gov.suggestions.workflow.service.Caller;

/**
 * What an {@link IdempotentCreate} operation acts on, checked before a stored answer is replayed as a first request
 * checks it: here the cases (its {@code id} path parameter, or the cases a shared communication lists) must be visible
 * to the caller (404 otherwise).
 */
@ApplicationScoped
public class IdempotentTargets {

    private final CaseService cases;

    public IdempotentTargets(CaseService cases) {
        this.cases = cases;
    }

    void requireReachable(InvocationContext ctx, Caller caller) {
        cases.requireVisible(casesOf(ctx), caller);
    }

    private static List<UUID> casesOf(InvocationContext ctx) {
        List<UUID> ids = new ArrayList<>();
        Annotation[][] annotations = ctx.getMethod().getParameterAnnotations();
        Object[] parameters = ctx.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] instanceof UUID id && Arrays.stream(annotations[i]).anyMatch(a -> a instanceof PathParam p && "id".equals(p.value()))) {
                ids.add(id);
            }
            if (parameters[i] instanceof CaseCommands.RecordSharedCommunication shared && shared.caseIds() != null) {
                shared.caseIds().stream().filter(Objects::nonNull).forEach(ids::add);
            }
        }
        return ids;
    }
}
