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

    /** Checks the If-Match header against the stored version (EntityTags: strong comparison). */
    public static void check(String ifMatch, long version) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionFailedException(true);
        }
        if (!EntityTags.matches(ifMatch, version)) {
            throw new PreconditionFailedException(false);
        }
    }
}
