package gov.suggestions.reporting.service;

/** An export larger than the configured limit: the caller narrows the filters. */
public class TooManyRowsException extends RuntimeException {

    private final long rows;
    private final int limit;

    public TooManyRowsException(long rows, int limit) {
        super(rows + " rows exceed the export limit of " + limit);
        this.rows = rows;
        this.limit = limit;
    }

    public long rows() {
        return rows;
    }

    public int limit() {
        return limit;
    }
}
