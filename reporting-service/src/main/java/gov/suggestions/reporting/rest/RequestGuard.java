package gov.suggestions.reporting.rest;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import gov.suggestions.reporting.domain.Text;

/**
 * Checks every request before it reaches a resource: no control character in the path, a query
 * parameter or a header (they would reach PostgreSQL or a log line), and a body comes with its media
 * type (a body without Content-Type is not guessed to be JSON).
 */
public class RequestGuard {

    private static final Set<String> METHODS_WITH_BODY = Set.of("POST", "PUT", "PATCH");

    @ServerRequestFilter(preMatching = true)
    public Response guard(ContainerRequestContext request, UriInfo uri, HttpHeaders headers) {
        String path = uri.getPath();
        if (StrictJson.forbiddenControlCharacter(path, false) >= 0) {
            return controlCharacter("path", uri, headers);
        }
        for (Map.Entry<String, List<String>> parameter : uri.getQueryParameters().entrySet()) {
            if (StrictJson.forbiddenControlCharacter(parameter.getKey(), false) >= 0
                    || parameter.getValue().stream().anyMatch(value -> StrictJson.forbiddenControlCharacter(value, false) >= 0)) {
                return controlCharacter(parameter.getKey(), uri, headers);
            }
        }
        for (Map.Entry<String, List<String>> header : request.getHeaders().entrySet()) {
            if (header.getValue().stream().anyMatch(value -> StrictJson.forbiddenControlCharacter(value.replace('\t', ' '), false) >= 0)) {
                return controlCharacter(header.getKey(), uri, headers);
            }
        }
        if (METHODS_WITH_BODY.contains(request.getMethod()) && hasBody(request) && request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null) {
            return Problems.response(headers, ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    Text.of("请求体须注明 Content-Type,例如 application/json", "A request body needs a Content-Type such as application/json")
                            .in(Problems.locale(headers)),
                    uri, List.of(new Problem.Violation(HttpHeaders.CONTENT_TYPE, Text.of("缺少", "missing").in(Problems.locale(headers)))));
        }
        return null;
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return length != null ? !"0".equals(length.trim()) : request.getHeaderString("Transfer-Encoding") != null;
    }

    private static Response controlCharacter(String field, UriInfo uri, HttpHeaders headers) {
        Text message = Text.of("不能包含控制字符", "must not contain control characters");
        return Problems.response(headers, ProblemType.CONTROL_CHARACTER,
                field + ": " + message.in(Problems.locale(headers)), uri,
                List.of(new Problem.Violation(field, message.in(Problems.locale(headers)))));
    }
}
