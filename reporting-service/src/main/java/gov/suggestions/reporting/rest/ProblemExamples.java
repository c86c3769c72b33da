package gov.suggestions.reporting.rest;

/** Problem bodies shown in the OpenAPI document. */
final class ProblemExamples {

    static final String VALIDATION = """
            { "type": "urn:gov-suggestions:problem:validation", "title": "请求数据无效", "status": 400,
              "detail": "year: 必须大于或等于1949", "instance": "/api/v1/statistics",
              "violations": [ { "field": "year", "message": "必须大于或等于1949" } ] }""";
    static final String UNAUTHENTICATED = """
            { "type": "urn:gov-suggestions:problem:unauthenticated", "title": "未认证", "status": 401,
              "detail": "需要有效的 Bearer 令牌", "instance": "/api/v1/statistics" }""";
    static final String FORBIDDEN = """
            { "type": "urn:gov-suggestions:problem:forbidden", "title": "无权访问", "status": 403,
              "detail": "您的角色不允许此操作", "instance": "/api/v1/statistics" }""";

    static final String NOT_FOUND = """
            { "type": "urn:gov-suggestions:problem:not-found", "title": "未找到", "status": 404,
              "detail": "该单位该年度没有可总结的办理记录", "instance": "/api/v1/annual-summaries/sz-zsj/2020" }""";

    static final String PRECONDITION_FAILED = """
            { "type": "urn:gov-suggestions:problem:precondition-failed", "title": "版本已变化", "status": 412,
              "detail": "草稿已被他人修改,请重新读取后再改", "instance": "/api/v1/annual-summaries/sz-zsj/2020/sections/next-steps" }""";
    static final String PRECONDITION_REQUIRED = """
            { "type": "urn:gov-suggestions:problem:precondition-required", "title": "缺少 If-Match", "status": 428,
              "detail": "草稿已存在,修改前请先读取并在 If-Match 中带上 ETag", "instance": "/api/v1/annual-summaries/sz-zsj/2020" }""";
    static final String DRAFT_NOT_FOUND = """
            { "type": "urn:gov-suggestions:problem:not-found", "title": "未找到", "status": 404,
              "detail": "没有该单位该年度的总结草稿", "instance": "/api/v1/annual-summaries/sz-zsj/2020" }""";
    static final String SECTION_INVALID = """
            { "type": "urn:gov-suggestions:problem:validation", "title": "请求数据无效", "status": 400,
              "detail": "section: 需要匹配正则表达式…", "instance": "/api/v1/annual-summaries/sz-zsj/2020/sections/nope",
              "violations": [ { "field": "section", "message": "需要匹配正则表达式…" } ] }""";

    private ProblemExamples() {
    }
}
