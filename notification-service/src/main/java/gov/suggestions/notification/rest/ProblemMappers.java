package gov.suggestions.notification.rest;

import static gov.suggestions.notification.rest.Problems.locale;
import static gov.suggestions.notification.rest.Problems.response;

import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import gov.suggestions.notification.service.ConflictException;
import gov.suggestions.notification.service.NotFoundException;
import gov.suggestions.notification.service.ScopeForbiddenException;
import gov.suggestions.notification.domain.Text;

/** notification-service's own exceptions as problems of the suite's catalogue ({@link ProblemType}); the rest is in {@link Problems}. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response conflict(ConflictException e, UriInfo uri, HttpHeaders headers) {
        String detail = e.reason().in(locale(headers));
        return response(headers, ProblemType.CONFLICT, detail, uri, e.field() == null ? List.of() : List.of(new Problem.Violation(e.field(), detail)));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri, HttpHeaders headers) {
        return response(headers, ProblemType.NOT_FOUND, e.reason().in(locale(headers)), uri, List.of());
    }

    @ServerExceptionMapper
    public Response outOfScope(ScopeForbiddenException e, UriInfo uri, HttpHeaders headers) {
        return response(headers, ProblemType.FORBIDDEN, e.reason().in(locale(headers)), uri, List.of());
    }
}
