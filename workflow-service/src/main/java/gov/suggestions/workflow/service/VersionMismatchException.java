package gov.suggestions.workflow.service;

/** Optimistic concurrency: If-Match missing (428) or naming an older version than the case's (412). */
public class VersionMismatchException extends RuntimeException {

    private final boolean missing;
    private final long current;

    public VersionMismatchException(boolean missing, long current) {
        super(missing ? "If-Match is required" : "If-Match does not match version " + current);
        this.missing = missing;
        this.current = current;
    }

    public boolean missing() {
        return missing;
    }

    public long current() {
        return current;
    }
}
