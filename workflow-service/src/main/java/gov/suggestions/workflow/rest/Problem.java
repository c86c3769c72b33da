package gov.suggestions.workflow.rest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 9457 problem details, with the request fields at fault. */
@Schema(name = "Problem", description = "RFC 9457 problem details")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        @Schema(description = "Identifies the kind of problem", examples = "urn:gov-suggestions:problem:validation") String type,
        @Schema(description = "Short summary of the kind of problem", examples = "请求数据无效") String title,
        @Schema(examples = "400") int status,
        @Schema(description = "What went wrong in this request") String detail,
        @Schema(description = "The request path", examples = "/api/v1/suggestions") String instance,
        @Schema(description = "The fields at fault") List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record Violation(
            @Schema(description = "Path of the field in the request body, or the parameter name", examples = "leadDeputy.name") String field,
            @Schema(examples = "不能为空") String message) {
    }
}
