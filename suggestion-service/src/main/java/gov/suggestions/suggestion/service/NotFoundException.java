package gov.suggestions.suggestion.service;

import gov.suggestions.suggestion.domain.Text;

/** Missing, or outside what the caller may see: both answer 404 so existence does not leak. */
public class NotFoundException extends RuntimeException {

    private final Text reason;

    public NotFoundException(Text reason) {
        super(reason.en());
        this.reason = reason;
    }

    public Text reason() {
        return reason;
    }
}
