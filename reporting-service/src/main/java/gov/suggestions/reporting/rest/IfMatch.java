package gov.suggestions.reporting.rest;

import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;

import gov.suggestions.reporting.service.PreconditionFailedException;

/**
 * If-Match read where HTTP is, and compared by the JAX-RS runtime ({@link Request#evaluatePreconditions(EntityTag)}:
 * strong comparison, {@code *} and lists as RFC 9110 reads them, so a weak tag never matches), so that the services
 * take the version a change rests on as a number. A version is the ETag's value ({@code "3"}).
 */
@ApplicationScoped
public class IfMatch {

    /** Longest If-Match header taken: a quoted version number, or a few of them, fit many times over. */
    public static final int MAX_LENGTH = 64;

    private final Request request;

    public IfMatch(Request request) {
        this.request = request;
    }

    /**
     * The version the client may change: 428 without If-Match, 412 when it names another one. {@code current} is read
     * first and refuses (403, 404) as the change itself would, so those answers still come before 428 and 412.
     */
    public long expectedVersion(String header, LongSupplier current) {
        long version = current.getAsLong();
        if (header == null || header.isBlank()) {
            throw new PreconditionFailedException(true, version);
        }
        if (request.evaluatePreconditions(new EntityTag(Long.toString(version))) != null) {
            throw new PreconditionFailedException(false, version);
        }
        return version;
    }
}
