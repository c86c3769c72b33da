package gov.suggestions.suggestion.rest;

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
        info = @Info(title = "suggestion-service", version = "1",
                description = "Intake of People's Congress deputies' suggestions (人大代表建议) and CPPCC proposals (政协提案). "
                        + "Errors are RFC 9457 problem details; texts are zh-CN unless Accept-Language asks for en."),
        security = @SecurityRequirement(name = "bearer"),
        // error responses shared by many operations; operations refer to them by name
        components = @Components(responses = {
                @APIResponse(name = "Unauthenticated", responseCode = "401", description = "No valid bearer token",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                examples = @ExampleObject(name = "problem", value = ProblemExamples.UNAUTHENTICATED))),
                @APIResponse(name = "Forbidden", responseCode = "403", description = "Role not allowed, a token without the scope claim a write needs, or a deputy token without congress_body or deputy",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                examples = @ExampleObject(name = "problem", value = ProblemExamples.FORBIDDEN))),
                @APIResponse(name = "ForbiddenOutsideCongressBody", responseCode = "403", description = "Role not allowed, another congress body than the token's, a token without its scope claim, or a deputy token without congress_body or deputy",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                examples = @ExampleObject(name = "problem", value = ProblemExamples.FORBIDDEN))),
                @APIResponse(name = "InvalidRequest", responseCode = "400", description = "Invalid value; every field at fault is listed",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                examples = @ExampleObject(name = "problem", value = ProblemExamples.VALIDATION))),
                @APIResponse(name = "NoSuchRecord", responseCode = "404", description = "No such record",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                examples = @ExampleObject(name = "problem", value = ProblemExamples.NOT_FOUND))),
                @APIResponse(name = "SuggestionNotFound", responseCode = "404", description = "No such suggestion visible to the caller",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                examples = @ExampleObject(name = "problem", value = SuggestionResource.NOT_FOUND_PROBLEM))),
                @APIResponse(name = "CodeTaken", responseCode = "409", description = "The code is taken",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                examples = @ExampleObject(name = "problem", value = ProblemExamples.CONFLICT))),
                @APIResponse(name = "PreconditionFailed", responseCode = "412", description = "If-Match names an older version",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                examples = @ExampleObject(name = "problem", value = ProblemExamples.PRECONDITION_FAILED))),
                @APIResponse(name = "PreconditionRequired", responseCode = "428", description = "If-Match missing",
                        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                examples = @ExampleObject(name = "problem", value = ProblemExamples.PRECONDITION_REQUIRED))) }))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "JWT from the deployment's identity provider; `groups` carries the role, `congress_body`, `unit` and `deputy` name the caller's scope")
public class SuggestionApi extends Application {
}
