package gov.suggestions.suggestion.rest;

/** Problem examples shared by the OpenAPI descriptions of the reference-data and assignment resources. */
final class ProblemExamples {

    private ProblemExamples() {
    }

    static final String VALIDATION = SuggestionResource.VALIDATION_PROBLEM;
    static final String UNAUTHENTICATED = SuggestionResource.UNAUTHENTICATED_PROBLEM;
    static final String FORBIDDEN = SuggestionResource.FORBIDDEN_PROBLEM;
    static final String NOT_FOUND = """
            { "type": "urn:gov-suggestions:problem:not-found", "title": "未找到", "status": 404, "detail": "没有承办单位 sz-xyz" }""";
    static final String CONFLICT = """
            { "type": "urn:gov-suggestions:problem:conflict", "title": "与当前状态冲突", "status": 409, "detail": "承办单位 sz-zsj 已存在",
              "violations": [ { "field": "code", "message": "承办单位 sz-zsj 已存在" } ] }""";
    static final String PRECONDITION_FAILED = """
            { "type": "urn:gov-suggestions:problem:precondition-failed", "title": "版本已变化", "status": 412,
              "detail": "资源已被他人修改,请重新读取" }""";
    static final String PRECONDITION_REQUIRED = """
            { "type": "urn:gov-suggestions:problem:precondition-required", "title": "缺少 If-Match", "status": 428,
              "detail": "修改前请先读取并在 If-Match 中带上 ETag" }""";
}
