package gov.suggestions.notification.rest;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The suite's one catalogue of problem types (RFC 9457): every service answers the same failure with the same type,
 * status and title, and the root README lists them. A service uses the types that can happen in it. An HTTP failure
 * with no entry here (405, 406) is answered as {@code http-<status>} with the status's reason phrase.
 */
public enum ProblemType {

    VALIDATION("validation", 400, "请求数据无效", "The request is not valid"),
    UNKNOWN_FIELD("unknown-field", 400, "请求包含未知字段", "The request has an unknown field"),
    WRONG_TYPE("wrong-type", 400, "请求字段类型错误", "A request field has the wrong type"),
    MALFORMED_JSON("malformed-json", 400, "请求体不是有效的 JSON", "The request body is not valid JSON"),
    CONTROL_CHARACTER("control-character", 400, "请求包含控制字符", "The request contains control characters"),
    TOO_MANY_ROWS("too-many-rows", 400, "导出行数过多", "Too many rows to export"),
    TOO_MANY_GROUPS("too-many-groups", 400, "分组过多", "Too many groups"),
    TOO_LARGE("too-large", 400, "结果过大", "The result is too large"),
    UNAUTHENTICATED("unauthenticated", 401, "未认证", "Not authenticated"),
    FORBIDDEN("forbidden", 403, "无权访问", "Forbidden"),
    SCOPE_MISSING("scope-missing", 403, "令牌缺少范围声明", "The token lacks a scope claim"),
    NOT_YOURS("not-yours", 403, "此步骤不属于您", "This step is not yours"),
    ORIGIN_NOT_ALLOWED("origin-not-allowed", 403, "来源不被允许", "Origin not allowed"),
    NOT_FOUND("not-found", 404, "未找到", "Not found"),
    CONFLICT("conflict", 409, "与当前状态冲突", "Conflict with the current state"),
    REBUILD_RUNNING("rebuild-running", 409, "读模型正在重建", "The read model is being rebuilt"),
    NO_DRAFT("no-draft", 409, "没有总结草稿", "No summary draft"),
    NOTHING_TO_PUBLISH("nothing-to-publish", 409, "没有可公开的总结", "Nothing to publish"),
    NOT_PUBLISHED("not-published", 409, "总结未公开", "The summary is not published"),
    PRECONDITION_FAILED("precondition-failed", 412, "版本已变化", "The version has changed"),
    BODY_TOO_LARGE("body-too-large", 413, "请求体过大", "Request body too large"),
    URI_TOO_LONG("uri-too-long", 414, "请求地址过长", "URI too long"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "不支持的媒体类型", "Unsupported media type"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422, "Idempotency-Key 已用于另一请求", "Idempotency-Key used for another request"),
    PRECONDITION_REQUIRED("precondition-required", 428, "缺少 If-Match", "If-Match is required"),
    TOO_MANY_REQUESTS("too-many-requests", 429, "请求过于频繁", "Too many requests"),
    HEADERS_TOO_LARGE("headers-too-large", 431, "请求头过大", "Request headers too large"),
    INTERNAL("internal", 500, "服务器内部错误", "Internal server error");

    public static final String URI_PREFIX = "urn:gov-suggestions:problem:";

    private static final Map<String, ProblemType> BY_SLUG = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(ProblemType::slug, Function.identity()));

    private final String slug;
    private final int status;
    private final String zh;
    private final String en;

    ProblemType(String slug, int status, String zh, String en) {
        this.slug = slug;
        this.status = status;
        this.zh = zh;
        this.en = en;
    }

    public String slug() {
        return slug;
    }

    public String uri() {
        return URI_PREFIX + slug;
    }

    public int status() {
        return status;
    }

    public String title(Locale locale) {
        return "en".equals(locale.getLanguage()) ? en : zh;
    }

    /** The type a service exception names by its slug; an unknown slug is a programming error, not a client's. */
    public static ProblemType ofSlug(String slug) {
        ProblemType type = BY_SLUG.get(slug);
        if (type == null) {
            throw new IllegalArgumentException("no problem type " + slug + " in the catalogue");
        }
        return type;
    }
}
