package gov.suggestions.workflow.rest;

import static gov.suggestions.workflow.rest.Problems.locale;
import static gov.suggestions.workflow.rest.Problems.response;

import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import gov.suggestions.workflow.domain.ConflictException;
import gov.suggestions.workflow.service.IdempotencyKeyReusedException;
import gov.suggestions.workflow.service.NotFoundException;
import gov.suggestions.workflow.domain.NotYoursException;
import gov.suggestions.workflow.service.ScopeMissingException;
import gov.suggestions.workflow.domain.Text;

/** workflow-service's own exceptions as problems of the suite's catalogue ({@link ProblemType}); the rest is in {@link Problems}. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri, HttpHeaders headers) {
        return response(headers, ProblemType.NOT_FOUND, e.reason().in(locale(headers)), uri, List.of());
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e, UriInfo uri, HttpHeaders headers) {
        return response(headers, ProblemType.CONFLICT, e.reason().in(locale(headers)), uri, List.of());
    }

    @ServerExceptionMapper
    public Response keyReused(IdempotencyKeyReusedException e, UriInfo uri, HttpHeaders headers) {
        String detail = IdempotencyKeyReusedException.REASON.in(locale(headers));
        return response(headers, ProblemType.IDEMPOTENCY_KEY_REUSED, detail, uri, List.of(new Problem.Violation("Idempotency-Key", detail)));
    }

    @ServerExceptionMapper
    public Response notYours(NotYoursException e, UriInfo uri, HttpHeaders headers) {
        return response(headers, ProblemType.NOT_YOURS, e.reason().in(locale(headers)), uri, List.of());
    }

    @ServerExceptionMapper
    public Response scopeMissing(ScopeMissingException e, UriInfo uri, HttpHeaders headers) {
        return response(headers, ProblemType.SCOPE_MISSING, e.reason().in(locale(headers)), uri, List.of());
    }
}
