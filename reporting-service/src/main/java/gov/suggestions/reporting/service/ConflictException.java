package gov.suggestions.reporting.service;

/** A state change the workflow does not allow now (publishing without a draft, withdrawing what is not published): 409 with the reason. */
public class ConflictException extends RuntimeException {

    private final String slug;
    private final Text title;
    private final Text reason;

    public ConflictException(String slug, Text title, Text reason) {
        super(reason.en());
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
