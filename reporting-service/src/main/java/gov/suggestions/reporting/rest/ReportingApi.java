package gov.suggestions.reporting.rest;

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
        info = @Info(title = "reporting-service", version = "1",
                description = "Handling ledger, statistics and the annual work summary (年度建议办理工作总结), built from events. "
                        + "Errors are RFC 9457 problem details; texts are zh-CN unless Accept-Language asks for en."),
        security = @SecurityRequirement(name = "bearer"),
        // error responses shared by many operations; operations refer to them by name
        components = @Components(responses = {
                @APIResponse(name = "Unauthenticated", responseCode = "401", description = "No valid bearer token",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                examples = @ExampleObject(name = "problem", value = ProblemExamples.UNAUTHENTICATED))),
                @APIResponse(name = "Forbidden", responseCode = "403", description = "Role not allowed",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                examples = @ExampleObject(name = "problem", value = ProblemExamples.FORBIDDEN))),
                @APIResponse(name = "PreconditionFailed", responseCode = "412", description = "If-Match names an older version",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                examples = @ExampleObject(name = "problem", value = ProblemExamples.PRECONDITION_FAILED))),
                @APIResponse(name = "PreconditionRequired", responseCode = "428", description = "If-Match missing",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                examples = @ExampleObject(name = "problem", value = ProblemExamples.PRECONDITION_REQUIRED))),
                @APIResponse(name = "DraftNotFound", responseCode = "404", description = "No draft for that unit and year, or another unit's",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                examples = @ExampleObject(name = "not found", value = ProblemExamples.DRAFT_NOT_FOUND))) }))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "JWT from the deployment's identity provider; `groups` carries the role, `congress_body`, `unit` and `deputy` name the caller's scope")
public class ReportingApi extends Application {
}
