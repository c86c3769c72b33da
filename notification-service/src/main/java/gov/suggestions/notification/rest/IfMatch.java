package gov.suggestions.notification.rest;

import java.util.function.LongSupplier;

import gov.suggestions.notification.service.EntityTags;
import gov.suggestions.notification.service.PreconditionFailedException;

/**
 * Reads the If-Match header here, in the HTTP layer, so that the services take the expected version as a number: the
 * header is compared (EntityTags: strong, {@code *} and lists as RFC 9110 reads them) with the version the change would
 * start from, and that version is handed on; the service answers 412 if the record changed in between.
 */
final class IfMatch {

    private IfMatch() {
    }

    /**
     * The version the client may change: 428 without If-Match, 412 when it names another one. {@code current} is read
     * first and refuses (403, 404) as the change itself would, so those answers still come before 428 and 412.
     */
    static long expectedVersion(String ifMatch, LongSupplier current) {
        long version = current.getAsLong();
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionFailedException(true);
        }
        if (!EntityTags.matches(ifMatch, version)) {
            throw new PreconditionFailedException(false);
        }
        return version;
    }
}
