package gov.suggestions.suggestion.rest;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

@OpenAPIDefinition(
        info = @Info(title = "suggestion-service", version = "1",
                description = "Intake of People's Congress deputies' suggestions (人大代表建议) and CPPCC proposals (政协提案). "
                        + "Errors are RFC 9457 problem details; texts are zh-CN unless Accept-Language asks for en."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "JWT from the deployment's identity provider; `groups` carries the role, `congress_body`, `unit` and `deputy` name the caller's scope")
public class SuggestionApi extends Application {
}
