package gov.suggestions.workflow.service;

/**
 * Optimistic concurrency, one behaviour in every service: If-Match missing on a change (428), or naming another
 * version than the stored one (412, answered with the current ETag when it is known). The HTTP layer compares the
 * header ({@code rest/IfMatch}); the service compares the number again under its lock, for a write in between.
 */
public class PreconditionFailedException extends RuntimeException {

    /** A concurrent write found at flush time: the stored version is not at hand. */
    public static final long UNKNOWN = -1;

    private final boolean missing;
    private final long current;

    public PreconditionFailedException(boolean missing, long current) {
        super(missing ? "If-Match required" : "If-Match does not name version " + current);
        this.missing = missing;
        this.current = current;
    }

    public boolean missing() {
        return missing;
    }

    public long current() {
        return current;
    }

    /** The version the client's If-Match named against the stored one: a change made since it was read answers 412. */
    public static void check(long expectedVersion, long version) {
        if (expectedVersion != version) {
            throw new PreconditionFailedException(false, version);
        }
    }
}
