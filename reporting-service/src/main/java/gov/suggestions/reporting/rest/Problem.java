package gov.suggestions.reporting.rest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * RFC 9457 problem details, with the request fields at fault. Every part has a bound, so an answer about a hostile
 * request never grows with it: longer texts are cut, and at most {@value #MAX_VIOLATIONS} fields are named.
 */
@Schema(name = "Problem", description = "RFC 9457 problem details")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        @Schema(description = "Identifies the kind of problem", examples = "urn:gov-suggestions:problem:validation", maxLength = 200) String type,
        @Schema(description = "Short summary of the kind of problem", examples = "请求数据无效", maxLength = 200) String title,
        @Schema(examples = "400", minimum = "400", maximum = "599") int status,
        @Schema(description = "What went wrong in this request", maxLength = MAX_DETAIL) String detail,
        @Schema(description = "The request path", examples = "/api/v1/suggestions", maxLength = MAX_INSTANCE) String instance,
        @Schema(description = "The fields at fault", maxItems = MAX_VIOLATIONS) List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final int MAX_DETAIL = 2000;
    static final int MAX_INSTANCE = 4096;
    static final int MAX_VIOLATIONS = 50;

    public Problem {
        type = cut(type, 200);
        title = cut(title, 200);
        detail = cut(detail, MAX_DETAIL);
        instance = cut(instance, MAX_INSTANCE);
        violations = violations == null || violations.size() <= MAX_VIOLATIONS ? violations : List.copyOf(violations.subList(0, MAX_VIOLATIONS));
    }

    public record Violation(
            @Schema(description = "Path of the field in the request body, or the parameter name", examples = "leadDeputy.name", maxLength = 200)
            String field,
            @Schema(examples = "不能为空", maxLength = 500) String message) {

        public Violation {
            field = cut(field, 200);
            message = cut(message, 500);
        }
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
