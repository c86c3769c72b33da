package gov.suggestions.reporting.rest;

import static gov.suggestions.reporting.rest.Problems.locale;
import static gov.suggestions.reporting.rest.Problems.response;

import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import gov.suggestions.reporting.service.ConflictException;
import gov.suggestions.reporting.service.NotFoundException;
import gov.suggestions.reporting.service.RebuildRunningException;
import gov.suggestions.reporting.service.ScopeMissingException;
import gov.suggestions.reporting.domain.Text;
import gov.suggestions.reporting.service.TooLargeException;
import gov.suggestions.reporting.service.TooManyRowsException;

/** reporting-service's own exceptions as problems of the suite's catalogue ({@link ProblemType}); the rest is in {@link Problems}. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri, HttpHeaders headers) {
        return response(headers, ProblemType.NOT_FOUND, e.reason().in(locale(headers)), uri, List.of());
    }

    @ServerExceptionMapper
    public Response tooManyRows(TooManyRowsException e, UriInfo uri, HttpHeaders headers) {
        return response(headers, ProblemType.TOO_MANY_ROWS, Text.of("共 %d 行,超过单次导出上限 %d 行,请缩小筛选范围",
                "%d rows exceed the export limit of %d; narrow the filters").in(locale(headers)).formatted(e.rows(), e.limit()), uri, List.of());
    }

    /** An answer larger than the document allows (too many groups, a download over its byte limit): narrow the request. */
    @ServerExceptionMapper
    public Response tooLarge(TooLargeException e, UriInfo uri, HttpHeaders headers) {
        return response(headers, ProblemType.ofSlug(e.slug()), e.title().in(locale(headers)) + ": " + e.reason().in(locale(headers)), uri, List.of());
    }

    /** A state change the workflow forbids now (publishing without a draft, withdrawing what is not published). */
    @ServerExceptionMapper
    public Response conflict(ConflictException e, UriInfo uri, HttpHeaders headers) {
        return response(headers, ProblemType.ofSlug(e.slug()), e.reason().in(locale(headers)), uri, List.of());
    }

    @ServerExceptionMapper
    public Response rebuildRunning(RebuildRunningException e, UriInfo uri, HttpHeaders headers) {
        return response(headers, ProblemType.REBUILD_RUNNING,
                Text.of("重建 %s 尚未完成", "Rebuild %s has not finished").in(locale(headers)).formatted(e.running()), uri, List.of());
    }

    @ServerExceptionMapper
    public Response scopeMissing(ScopeMissingException e, UriInfo uri, HttpHeaders headers) {
        return response(headers, ProblemType.SCOPE_MISSING, e.reason().in(locale(headers)), uri, List.of());
    }
}
