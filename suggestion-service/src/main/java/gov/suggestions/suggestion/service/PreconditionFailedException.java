package gov.suggestions.suggestion.service;

/** If-Match names another version than the stored one (412), or is missing (428): the client must re-read first. */
public class PreconditionFailedException extends RuntimeException {

    private final boolean missing;

    public PreconditionFailedException(boolean missing) {
        super(missing ? "If-Match required" : "version mismatch");
        this.missing = missing;
    }

    public boolean missing() {
        return missing;
    }

    /**
     * Checks the version the client's If-Match named (read from the header in rest/) against the stored one: a change
     * made since it was read answers 412.
     */
    public static void check(long expectedVersion, long version) {
        if (expectedVersion != version) {
            throw new PreconditionFailedException(false);
        }
    }
}
