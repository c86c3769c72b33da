package gov.suggestions.suggestion.rest;

import static gov.suggestions.suggestion.rest.Problems.locale;
import static gov.suggestions.suggestion.rest.Problems.response;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import gov.suggestions.suggestion.service.AccessDeniedException;
import gov.suggestions.suggestion.service.ConflictException;
import gov.suggestions.suggestion.service.IdempotencyKeyReusedException;
import gov.suggestions.suggestion.service.NotFoundException;
import gov.suggestions.suggestion.domain.Text;

/** suggestion-service's own exceptions as problems of the suite's catalogue ({@link ProblemType}); the rest is in {@link Problems}. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** Database constraints a concurrent request can hit, and what to tell the client. */
    private static final Map<String, Map.Entry<String, Text>> CONSTRAINTS = Map.of(
            "uq_suggestion_number", Map.entry("number", Text.of("该编号已在此人大(政协)机关登记", "This number is already registered in this congress body")));

    @ServerExceptionMapper
    public Response conflict(ConflictException e, UriInfo uri, HttpHeaders headers) {
        String detail = e.reason().in(locale(headers));
        return response(headers, ProblemType.CONFLICT, detail, uri, e.field() == null ? List.of() : List.of(new Problem.Violation(e.field(), detail)));
    }

    @ServerExceptionMapper
    public Response constraint(org.hibernate.exception.ConstraintViolationException e, UriInfo uri, HttpHeaders headers) {
        Map.Entry<String, Text> known = e.getConstraintName() == null ? null : CONSTRAINTS.get(e.getConstraintName());
        if (known == null) {
            LOG.warnf("unmapped database constraint %s", e.getConstraintName());
            return response(headers, ProblemType.CONFLICT, Text.of("与已存储的数据冲突", "Conflict with stored data").in(locale(headers)), uri, List.of());
        }
        String detail = known.getValue().in(locale(headers));
        return response(headers, ProblemType.CONFLICT, detail, uri, List.of(new Problem.Violation(known.getKey(), detail)));
    }

    @ServerExceptionMapper
    public Response idempotencyKeyReused(IdempotencyKeyReusedException e, UriInfo uri, HttpHeaders headers) {
        String detail = IdempotencyKeyReusedException.REASON.in(locale(headers));
        return response(headers, ProblemType.IDEMPOTENCY_KEY_REUSED, detail, uri, List.of(new Problem.Violation("Idempotency-Key", detail)));
    }

    @ServerExceptionMapper
    public Response badImport(BadImportException e, UriInfo uri, HttpHeaders headers) {
        if (e.field() != null) {
            return Problems.invalidField(headers, e.field(), e.reason(), uri);
        }
        return response(headers, ProblemType.VALIDATION, e.reason().in(locale(headers)), uri, List.of());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri, HttpHeaders headers) {
        return response(headers, ProblemType.NOT_FOUND, e.reason().in(locale(headers)), uri, List.of());
    }

    @ServerExceptionMapper
    public Response accessDenied(AccessDeniedException e, UriInfo uri, HttpHeaders headers) {
        return response(headers, ProblemType.FORBIDDEN, e.reason().in(locale(headers)), uri, List.of());
    }
}
