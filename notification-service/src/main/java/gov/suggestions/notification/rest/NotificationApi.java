package gov.suggestions.notification.rest;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

@OpenAPIDefinition(
        info = @Info(title = "notification-service", version = "1",
                description = "Notices to deputies and staff by e-mail, SMS, in-app inbox and signed webhooks, with delivery tracking. "
                        + "Errors are RFC 9457 problem details; texts are zh-CN unless Accept-Language asks for en."),
        security = @SecurityRequirement(name = "bearer"),
        // error responses shared by many operations; operations refer to them by name
        components = @Components(responses = {
                @APIResponse(name = "Unauthenticated", responseCode = "401", description = "No valid token",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                examples = @ExampleObject(name = "problem", value = """
                                        { "type": "urn:gov-suggestions:problem:unauthenticated", "title": "未认证", "status": 401, "detail": "需要有效的 Bearer 令牌" }"""))),
                @APIResponse(name = "Forbidden", responseCode = "403", description = "Role not allowed",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                examples = @ExampleObject(name = "problem", value = """
                                        { "type": "urn:gov-suggestions:problem:forbidden", "title": "无权访问", "status": 403, "detail": "您的角色不允许此操作" }"""))),
                @APIResponse(name = "InvalidRequest", responseCode = "400", description = "Invalid request",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                examples = @ExampleObject(name = "problem", value = """
                                        { "type": "urn:gov-suggestions:problem:validation", "title": "请求数据无效", "status": 400, "detail": "email: 不是一个合法的电子邮件地址", "violations": [ { "field": "email", "message": "不是一个合法的电子邮件地址" } ] }"""))),
                @APIResponse(name = "InvalidPaging", responseCode = "400", description = "Invalid paging",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                examples = @ExampleObject(name = "problem", value = """
                                        { "type": "urn:gov-suggestions:problem:validation", "title": "请求数据无效", "status": 400, "detail": "size: 最大不能超过200", "violations": [ { "field": "size", "message": "最大不能超过200" } ] }"""))),
                @APIResponse(name = "InvalidQuery", responseCode = "400", description = "Invalid query parameters",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                examples = @ExampleObject(name = "problem", value = """
                                        { "type": "urn:gov-suggestions:problem:validation", "title": "请求数据无效", "status": 400, "detail": "suggestionId: 须且只须给出 suggestionId 与 caseId 之一", "violations": [ { "field": "suggestionId", "message": "须且只须给出 suggestionId 与 caseId 之一" } ] }"""))),
                @APIResponse(name = "NotFound", responseCode = "404", description = "Unknown, or not visible to the caller (someone else's notice, another unit's staff)",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                examples = @ExampleObject(name = "problem", value = """
                                        { "type": "urn:gov-suggestions:problem:not-found", "title": "未找到", "status": 404, "detail": "通知 3f7e9a52-5d0c-4b8e-8a55-2a4c3c1f9e01 不存在" }"""))),
                @APIResponse(name = "Conflict", responseCode = "409", description = "Refused by a rule of the service; the detail says which (the operation's description lists them)",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                examples = @ExampleObject(name = "problem", value = """
                                        { "type": "urn:gov-suggestions:problem:conflict", "title": "与当前状态冲突", "status": 409, "detail": "用户名 chen@sz-zsj 已登记" }"""))),
                @APIResponse(name = "PreconditionFailed", responseCode = "412", description = "Changed by someone else since read",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                examples = @ExampleObject(name = "problem", value = """
                                        { "type": "urn:gov-suggestions:problem:precondition-failed", "title": "版本已变化", "status": 412, "detail": "资源已被他人修改,请重新读取" }"""))),
                @APIResponse(name = "PreconditionRequired", responseCode = "428", description = "If-Match missing",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                examples = @ExampleObject(name = "problem", value = """
                                        { "type": "urn:gov-suggestions:problem:precondition-required", "title": "缺少 If-Match", "status": 428, "detail": "修改前请先读取并在 If-Match 中带上 ETag" }"""))) }))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "JWT from the deployment's identity provider; `groups` carries the role, `congress_body`, `unit` and `deputy` name the caller's scope")
public class NotificationApi extends Application {
}
