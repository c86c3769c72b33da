package gov.suggestions.notification.rest;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import gov.suggestions.notification.domain.InvalidFieldException;
import gov.suggestions.notification.domain.Text;
import gov.suggestions.notification.service.PreconditionFailedException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * The part of the error contract that is the same in every service: how a problem response is built from the
 * {@link ProblemType} catalogue, and the answers to failures of the HTTP and JSON layers, authentication and role
 * checks. No stack trace or class name reaches the client; texts follow Accept-Language (zh-CN by default, English on
 * {@code en}). A service's own exceptions are mapped in its {@code ProblemMappers}.
 */
public class Problems {

    private static final Logger LOG = Logger.getLogger(Problems.class);

    public static Response response(HttpHeaders headers, ProblemType type, String detail, UriInfo uri, List<Problem.Violation> violations) {
        return Response.status(type.status())
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(type.uri(), type.title(locale(headers)), type.status(), detail, uri == null ? null : uri.getPath(),
                        violations))
                .build();
    }

    /** A 400 {@code validation} naming one field, for a rule the annotations cannot check. */
    public static Response invalidField(HttpHeaders headers, String field, Text reason, UriInfo uri) {
        String message = reason.in(locale(headers));
        return response(headers, ProblemType.VALIDATION, field + ": " + message, uri, List.of(new Problem.Violation(field, message)));
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri, HttpHeaders headers) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        String detail = violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
        return response(headers, ProblemType.VALIDATION, detail, uri, violations);
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri, HttpHeaders headers) {
        String field = pathOf(e);
        return response(headers, ProblemType.UNKNOWN_FIELD, Text.of("未知字段 " + field, "Unknown field " + field).in(locale(headers)), uri,
                List.of(new Problem.Violation(field, Text.of("不允许此字段", "This field is not allowed").in(locale(headers)))));
    }

    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e, UriInfo uri, HttpHeaders headers) {
        String field = pathOf(e);
        Text message = e instanceof StrictJson.ControlCharacterException
                ? Text.of("不能包含控制字符(换行和制表符除外)", "must not contain control characters (line breaks and tabs are allowed)")
                : Text.of("值的类型或格式不正确", "The value has the wrong type or format");
        return response(headers, ProblemType.WRONG_TYPE, field.isEmpty() ? message.in(locale(headers)) : field + ": " + message.in(locale(headers)),
                uri, field.isEmpty() ? List.of() : List.of(new Problem.Violation(field, message.in(locale(headers)))));
    }

    @ServerExceptionMapper
    public Response malformed(JsonParseException e, UriInfo uri, HttpHeaders headers) {
        return response(headers, ProblemType.MALFORMED_JSON, Text.of("第 %d 行第 %d 列附近有语法错误", "Syntax error near line %d, column %d")
                .in(locale(headers)).formatted(e.getLocation().getLineNr(), e.getLocation().getColumnNr()), uri, List.of());
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated(RuntimeException e, UriInfo uri, HttpHeaders headers) {
        return Response.fromResponse(response(headers, ProblemType.UNAUTHENTICATED,
                Text.of("需要有效的 Bearer 令牌", "A valid bearer token is required").in(locale(headers)), uri, List.of()))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        return response(headers, ProblemType.FORBIDDEN, Text.of("您的角色不允许此操作", "Your role does not allow this operation").in(locale(headers)),
                uri, List.of());
    }

    /** A rule the annotations cannot state, broken by one field: 400 {@code validation} naming it. */
    @ServerExceptionMapper
    public Response invalidField(InvalidFieldException e, UriInfo uri, HttpHeaders headers) {
        return invalidField(headers, e.field(), e.reason(), uri);
    }

    /** 428 without If-Match, 412 with a stale one; the 412 carries the current ETag when it is known. */
    @ServerExceptionMapper
    public Response precondition(PreconditionFailedException e, UriInfo uri, HttpHeaders headers) {
        if (e.missing()) {
            return response(headers, ProblemType.PRECONDITION_REQUIRED,
                    Text.of("修改前请先读取并在 If-Match 中带上 ETag", "Read the resource first and send its ETag in If-Match").in(locale(headers)),
                    uri, List.of());
        }
        if (e.current() == PreconditionFailedException.UNKNOWN) {
            return response(headers, ProblemType.PRECONDITION_FAILED,
                    Text.of("资源已被他人修改,请重新读取", "The resource was changed by someone else; read it again").in(locale(headers)), uri, List.of());
        }
        return Response.fromResponse(response(headers, ProblemType.PRECONDITION_FAILED, Text.of("If-Match 与当前版本 " + e.current() + " 不符,请重新读取",
                "If-Match does not name the current version " + e.current() + "; read it again").in(locale(headers)), uri, List.of()))
                .tag(Long.toString(e.current())).build();
    }

    /** Someone else changed the record between our read and our write: as stale as a wrong If-Match. */
    @ServerExceptionMapper({ jakarta.persistence.OptimisticLockException.class, org.hibernate.StaleObjectStateException.class })
    public Response concurrentChange(RuntimeException e, UriInfo uri, HttpHeaders headers) {
        return precondition(new PreconditionFailedException(false, PreconditionFailedException.UNKNOWN), uri, headers);
    }

    /** 404 for unknown paths, 405, 406, 415 and the like: keep the status, say it as a problem. */
    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        // body-reading failures can arrive wrapped; answer them with the field at fault
        if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
            return unknownField(unknown, uri, headers);
        }
        if (e.getCause() instanceof MismatchedInputException mismatched) {
            return wrongType(mismatched, uri, headers);
        }
        if (e.getCause() instanceof JsonParseException malformed) {
            return malformed(malformed, uri, headers);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri, headers);
        }
        if (status == 404) {
            return response(headers, ProblemType.NOT_FOUND, null, uri, List.of());
        }
        if (status == 415) {
            return response(headers, ProblemType.UNSUPPORTED_MEDIA_TYPE, null, uri, List.of());
        }
        String reason = e.getResponse().getStatusInfo().getReasonPhrase();
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem(ProblemType.URI_PREFIX + "http-" + status, reason, status, null, uri == null ? null : uri.getPath(), List.of()))
                .build();
    }

    /** The last resort: logged with an id the client can quote, nothing internal in the body. */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri, HttpHeaders headers) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error %s on %s", errorId, uri.getPath());
        return response(headers, ProblemType.INTERNAL,
                Text.of("处理请求时出错,错误编号 ", "The request failed; error id ").in(locale(headers)) + errorId, uri, List.of());
    }

    /** zh-CN unless the client's first choice is English. */
    public static Locale locale(HttpHeaders headers) {
        if (headers == null) {
            return Locale.SIMPLIFIED_CHINESE;
        }
        List<Locale> accepted = headers.getAcceptableLanguages();
        return accepted.isEmpty() || "*".equals(accepted.get(0).getLanguage()) ? Locale.SIMPLIFIED_CHINESE : accepted.get(0);
    }

    /**
     * "register.request.leadDeputy.name" → "leadDeputy.name", "cases[0].sourceRecord"; a header, query or path
     * parameter is named as the request names it ("If-Match", "fromSeq").
     */
    static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        Path.MethodNode method = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                method = node.as(Path.MethodNode.class);
                continue;
            }
            if (node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                field.setLength(0);
                if (!isBodyParameter(node.getName())) {
                    field.append(requestName(violation.getRootBeanClass(), method, node.as(Path.ParameterNode.class)));
                }
                continue;
            }
            // a node's index is that of the list element it sits in ("cases[0].sourceRecord"); a type argument's own node
            // ("<list element>") adds only its index
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.length() == 0 ? "body" : field.toString();
    }

    /** The name in the request of a resource method's parameter: its @HeaderParam, @QueryParam or @PathParam, else its Java name. */
    private static String requestName(Class<?> resource, Path.MethodNode method, Path.ParameterNode parameter) {
        if (method != null) {
            Class<?>[] types = method.getParameterTypes().toArray(Class<?>[]::new);
            // the bean may be a generated subclass whose overriding method carries no annotations: look up to the resource
            for (Class<?> type = resource; type != null && type != Object.class; type = type.getSuperclass()) {
                try {
                    for (java.lang.annotation.Annotation annotation : type.getDeclaredMethod(method.getName(), types)
                            .getParameterAnnotations()[parameter.getParameterIndex()]) {
                        if (annotation instanceof jakarta.ws.rs.HeaderParam header) {
                            return header.value();
                        }
                        if (annotation instanceof jakarta.ws.rs.QueryParam query) {
                            return query.value();
                        }
                        if (annotation instanceof jakarta.ws.rs.PathParam path) {
                            return path.value();
                        }
                    }
                } catch (NoSuchMethodException | RuntimeException e) {
                    // not declared here: look further up
                }
            }
        }
        return parameter.getName();
    }

    private static boolean isBodyParameter(String name) {
        return "request".equals(name) || "body".equals(name);
    }

    static String pathOf(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }
}
