package gov.suggestions.workflow.rest;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Documents the error responses every case operation shares, so each operation lists all of
 * them without repeating seven annotations: 401, 403, 404 everywhere; 400 where a body or query parameters are read;
 * 409, 412 and 428 on state changes.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class CommonErrorsFilter implements OASFilter {

    private record Error(String code, String description, ProblemType type, String detail) {
    }

    private static final Error BAD_REQUEST = new Error("400", "The request is not valid (fields named in violations)", ProblemType.VALIDATION,
            "leadHandler: 重点督办建议须由局领导牵头办理,请指定牵头领导");
    private static final Error UNAUTHENTICATED = new Error("401", "No valid bearer token", ProblemType.UNAUTHENTICATED, "需要有效的 Bearer 令牌");
    private static final Error FORBIDDEN = new Error("403", "Role not allowed", ProblemType.FORBIDDEN, "您的角色不允许此操作");
    private static final Error NOT_FOUND = new Error("404", "No such case visible to the caller (another unit's case answers 404)",
            ProblemType.NOT_FOUND, "没有您可查看的案件 7a1c2e4f-0b9d-4c1e-8f5a-2d3b4c5e6f70");
    private static final Error CONFLICT = new Error("409", "The workflow does not allow this now; the detail says why", ProblemType.CONFLICT,
            "尚未记录与代表的沟通:先沟通后答复,答复稿不能提交审核");
    private static final Error PRECONDITION_FAILED = new Error("412", "If-Match names an older version of the case", ProblemType.PRECONDITION_FAILED,
            "If-Match 与案件当前版本 3 不符,请重新读取");
    private static final Error PRECONDITION_REQUIRED = new Error("428", "If-Match is missing", ProblemType.PRECONDITION_REQUIRED,
            "请先读取案件,并在 If-Match 中带上其 ETag");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith("/api/v1/cases") && !path.getKey().equals("/api/v1/communications")) {
                continue;
            }
            path.getValue().getOperations().forEach((method, operation) -> {
                boolean change = method == PathItem.HttpMethod.POST;
                add(operation, UNAUTHENTICATED);
                add(operation, FORBIDDEN);
                // a body, or a query parameter (page, size, fromSeq, ...), is validated
                boolean readsQuery = operation.getParameters() != null
                        && operation.getParameters().stream().anyMatch(p -> p.getIn() == org.eclipse.microprofile.openapi.models.parameters.Parameter.In.QUERY);
                if (change || readsQuery) {
                    add(operation, BAD_REQUEST);
                }
                if (!path.getKey().equals("/api/v1/cases")) {
                    add(operation, NOT_FOUND);
                }
                if (change) {
                    add(operation, CONFLICT);
                    // chasing, extension requests, commitment progress and shared communications add to a case without replacing anything: no If-Match
                    if (!path.getKey().endsWith("/chases") && !path.getKey().equals("/api/v1/communications") && !path.getKey().contains("/extension-requests")
                            && !path.getKey().endsWith("/progress") && !path.getKey().endsWith("/assisting-opinions")
                            && !path.getKey().endsWith("/withdrawal")) {
                        add(operation, PRECONDITION_FAILED);
                        add(operation, PRECONDITION_REQUIRED);
                    }
                }
            });
        }
    }

    private static void add(Operation operation, Error error) {
        APIResponses responses = operation.getResponses();
        // keep an operation's own description of the error; replace the body-less 401/403 added for @RolesAllowed
        if (responses == null || (responses.hasAPIResponse(error.code()) && responses.getAPIResponse(error.code()).getContent() != null)) {
            return;
        }
        Map<String, Object> example = new java.util.LinkedHashMap<>();
        example.put("type", error.type().uri());
        example.put("title", error.type().title(java.util.Locale.SIMPLIFIED_CHINESE));
        example.put("status", error.type().status());
        example.put("detail", error.detail());
        example.put("instance", "/api/v1/cases/7a1c2e4f-0b9d-4c1e-8f5a-2d3b4c5e6f70");
        responses.addAPIResponse(error.code(), OASFactory.createAPIResponse()
                .description(error.description())
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("#/components/schemas/Problem"))
                        .addExample(error.type().slug(), OASFactory.createExample().value(example)))));
    }
}
