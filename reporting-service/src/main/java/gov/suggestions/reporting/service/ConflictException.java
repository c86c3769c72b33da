package gov.suggestions.reporting.service;

import gov.suggestions.reporting.domain.Text;

/**
 * A state change the workflow does not allow now (publishing without a draft, withdrawing what is not published): 409
 * with the reason. {@code slug} names the problem type of the suite's catalogue ({@code no-draft}, {@code not-published}, ...).
 */
public class ConflictException extends RuntimeException {

    private final String slug;
    private final Text reason;

    public ConflictException(String slug, Text reason) {
        super(reason.en());
        this.slug = slug;
        this.reason = reason;
    }

    public String slug() {
        return slug;
    }

    public Text reason() {
        return reason;
    }
}
