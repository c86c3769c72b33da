package gov.suggestions.workflow.rest;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

@OpenAPIDefinition(
        info = @Info(title = "workflow-service", version = "1",
                description = "The handling of each suggestion by each unit (办理): assignment, distribution, communication, reply, evaluation. "
                        + "Errors are RFC 9457 problem details; texts are zh-CN unless Accept-Language asks for en."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "JWT from the deployment's identity provider; `groups` carries the role, `congress_body`, `unit` and `deputy` name the caller's scope")
public class WorkflowApi extends Application {
}
