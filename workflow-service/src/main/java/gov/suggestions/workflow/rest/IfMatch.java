package gov.suggestions.workflow.rest;

import java.util.function.LongSupplier;

import gov.suggestions.workflow.service.EntityTags;
import gov.suggestions.workflow.service.VersionMismatchException;

/**
 * If-Match read where HTTP is: the version a write rests on, as the number the services compare under their lock.
 * The header is compared with the case's current version as RFC 9110 reads it ({@link EntityTags}: {@code *}, a list,
 * strong tags only); a tag that does not name it is 412 here. A write between this read and the service's lock is 412 there.
 */
final class IfMatch {

    private IfMatch() {
    }

    /** @return the version the header names; null when there is no header (the service answers 428 for a case it shows) */
    static Long expected(String ifMatch, LongSupplier currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        long current = currentVersion.getAsLong();
        if (!EntityTags.matches(ifMatch, current)) {
            throw new VersionMismatchException(false, current);
        }
        return current;
    }
}
