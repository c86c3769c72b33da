package gov.suggestions.reporting.service;

import gov.suggestions.reporting.domain.Text;

/**
 * An answer that would exceed a documented bound ({@link Limits}): refused with a problem instead of being sent larger.
 * {@code slug} names the problem type ({@code too-large}, {@code too-many-groups}).
 */
public class TooLargeException extends RuntimeException {

    private final String slug;
    private final Text title;
    private final Text reason;

    public TooLargeException(String slug, Text title, Text reason) {
        super(reason.in(java.util.Locale.ENGLISH));
        this.slug = slug;
        this.title = title;
        this.reason = reason;
    }

    public String slug() {
        return slug;
    }

    public Text title() {
        return title;
    }

    public Text reason() {
        return reason;
    }
}
