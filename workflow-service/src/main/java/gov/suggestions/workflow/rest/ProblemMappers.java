package gov.suggestions.workflow.rest;

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

import gov.suggestions.workflow.domain.ConflictException;
import gov.suggestions.workflow.service.IdempotencyKeyReusedException;
import gov.suggestions.workflow.service.NotFoundException;
import gov.suggestions.workflow.domain.NotYoursException;
import gov.suggestions.workflow.domain.RuleViolationException;
import gov.suggestions.workflow.service.VersionMismatchException;
import gov.suggestions.workflow.domain.Text;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Every error leaves as {@code application/problem+json}; no stack trace or class name reaches
 * the client. Texts follow Accept-Language (zh-CN by default, English on {@code en}).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String TYPE_PREFIX = "urn:gov-suggestions:problem:";

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri, HttpHeaders headers) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        String detail = violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
        return problem(headers, 400, "validation", Text.of("请求数据无效", "The request is not valid"), detail, uri, violations);
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri, HttpHeaders headers) {
        String field = pathOf(e);
        return problem(headers, 400, "unknown-field", Text.of("请求包含未知字段", "The request has an unknown field"),
                Text.of("未知字段 " + field, "Unknown field " + field).in(locale(headers)), uri,
                List.of(new Problem.Violation(field, Text.of("不允许此字段", "This field is not allowed").in(locale(headers)))));
    }

    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e, UriInfo uri, HttpHeaders headers) {
        String field = pathOf(e);
        Text message = e instanceof StrictJson.ControlCharacterException
                ? Text.of("不能包含控制字符(换行和制表符除外)", "must not contain control characters (line breaks and tabs are allowed)")
                : Text.of("值的类型或格式不正确", "The value has the wrong type or format");
        return problem(headers, 400, "wrong-type", Text.of("请求字段类型错误", "A request field has the wrong type"),
                field.isEmpty() ? message.in(locale(headers)) : field + ": " + message.in(locale(headers)), uri,
                field.isEmpty() ? List.of() : List.of(new Problem.Violation(field, message.in(locale(headers)))));
    }

    @ServerExceptionMapper
    public Response malformed(JsonParseException e, UriInfo uri, HttpHeaders headers) {
        return problem(headers, 400, "malformed-json", Text.of("请求体不是有效的 JSON", "The request body is not valid JSON"),
                Text.of("第 %d 行第 %d 列附近有语法错误", "Syntax error near line %d, column %d").in(locale(headers))
                        .formatted(e.getLocation().getLineNr(), e.getLocation().getColumnNr()), uri, List.of());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri, HttpHeaders headers) {
        return problem(headers, 404, "not-found", Text.of("未找到", "Not found"), e.reason().in(locale(headers)), uri, List.of());
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e, UriInfo uri, HttpHeaders headers) {
        return problem(headers, 409, "workflow-conflict", Text.of("当前状态不允许此操作", "Not allowed in the case's current state"),
                e.reason().in(locale(headers)), uri, List.of());
    }

    @ServerExceptionMapper
    public Response keyReused(IdempotencyKeyReusedException e, UriInfo uri, HttpHeaders headers) {
        return problem(headers, 422, "idempotency-key-reused", Text.of("Idempotency-Key 已被使用", "Idempotency-Key already used"),
                IdempotencyKeyReusedException.REASON.in(locale(headers)), uri, List.of(new Problem.Violation("Idempotency-Key",
                        IdempotencyKeyReusedException.REASON.in(locale(headers)))));
    }

    @ServerExceptionMapper
    public Response notYours(NotYoursException e, UriInfo uri, HttpHeaders headers) {
        return problem(headers, 403, "not-yours", Text.of("此步骤不属于您", "This step is not yours"), e.reason().in(locale(headers)), uri, List.of());
    }

    @ServerExceptionMapper
    public Response scopeMissing(gov.suggestions.workflow.service.ScopeMissingException e, UriInfo uri, HttpHeaders headers) {
        return problem(headers, 403, "scope-missing", Text.of("令牌缺少范围声明", "The token lacks a scope claim"), e.reason().in(locale(headers)),
                uri, List.of());
    }

    @ServerExceptionMapper
    public Response rule(RuleViolationException e, UriInfo uri, HttpHeaders headers) {
        String message = e.reason().in(locale(headers));
        return problem(headers, 400, "validation", Text.of("请求数据无效", "The request is not valid"), e.field() + ": " + message, uri,
                List.of(new Problem.Violation(e.field(), message)));
    }

    @ServerExceptionMapper
    public Response version(VersionMismatchException e, UriInfo uri, HttpHeaders headers) {
        if (e.missing()) {
            return problem(headers, 428, "if-match-required", Text.of("缺少 If-Match", "If-Match is required"),
                    Text.of("请先读取案件,并在 If-Match 中带上其 ETag", "Read the case first and send its ETag in If-Match").in(locale(headers)),
                    uri, List.of());
        }
        return Response.fromResponse(problem(headers, 412, "version-mismatch", Text.of("案件已被他人修改", "The case was changed meanwhile"),
                Text.of("If-Match 与案件当前版本 " + e.current() + " 不符,请重新读取", "If-Match does not match the case's current version "
                        + e.current() + "; read it again").in(locale(headers)), uri, List.of()))
                .tag(Long.toString(e.current())).build();
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated(RuntimeException e, UriInfo uri, HttpHeaders headers) {
        return Response.fromResponse(problem(headers, 401, "unauthenticated", Text.of("未认证", "Not authenticated"),
                Text.of("需要有效的 Bearer 令牌", "A valid bearer token is required").in(locale(headers)), uri, List.of()))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        return problem(headers, 403, "forbidden", Text.of("无权访问", "Forbidden"),
                Text.of("您的角色不允许此操作", "Your role does not allow this operation").in(locale(headers)), uri, List.of());
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
        Response.StatusType statusInfo = e.getResponse().getStatusInfo();
        return problem(headers, status, "http-" + status, Text.of(statusInfo.getReasonPhrase(), statusInfo.getReasonPhrase()), null, uri, List.of());
    }

    /** The last resort: logged with an id the client can quote, nothing internal in the body. */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri, HttpHeaders headers) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error %s on %s", errorId, uri.getPath());
        return problem(headers, 500, "internal", Text.of("服务器内部错误", "Internal server error"),
                Text.of("处理请求时出错,错误编号 ", "The request failed; error id ").in(locale(headers)) + errorId, uri, List.of());
    }

    static Response problem(HttpHeaders headers, int status, String slug, Text title, String detail, UriInfo uri,
            List<Problem.Violation> violations) {
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(TYPE_PREFIX + slug, title.in(locale(headers)), status, detail,
                        uri == null ? null : uri.getPath(), violations))
                .build();
    }

    /** zh-CN unless the client's first choice is English. */
    static Locale locale(HttpHeaders headers) {
        if (headers == null) {
            return Locale.SIMPLIFIED_CHINESE;
        }
        List<Locale> accepted = headers.getAcceptableLanguages();
        return accepted.isEmpty() || "*".equals(accepted.get(0).getLanguage()) ? Locale.SIMPLIFIED_CHINESE : accepted.get(0);
    }

    /**
     * "register.request.leadDeputy.name" → "leadDeputy.name"; a header, query or path parameter is named as the request
     * names it ("If-Match", "fromSeq").
     */
    private static String fieldOf(ConstraintViolation<?> violation) {
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

    private static String pathOf(JsonMappingException e) {
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
