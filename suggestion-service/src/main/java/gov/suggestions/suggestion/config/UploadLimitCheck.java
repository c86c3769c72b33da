package gov.suggestions.suggestion.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import gov.suggestions.suggestion.domain.Limits;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.MemorySize;

/**
 * Refuses to start with a body limit above the one the OpenAPI document states (the spreadsheet body's maxLength):
 * a larger setting would make the document untrue.
 */
@ApplicationScoped
public class UploadLimitCheck {

    private final long maxBodySize;

    public UploadLimitCheck(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodySize = maxBodySize.asLongValue();
    }

    void check(@Observes StartupEvent start) {
        if (maxBodySize > Limits.REQUEST_BODY_BYTES) {
            throw new IllegalStateException("quarkus.http.limits.max-body-size may be at most " + Limits.REQUEST_BODY_BYTES
                    + " bytes, the limit the API documents (Limits.REQUEST_BODY_BYTES)");
        }
    }
}
