package gov.suggestions.notification.service;

import gov.suggestions.notification.domain.Text;

/** 403: the caller's role may do this, but not for this tenant (or the token lacks the claim that names its scope). */
public class ScopeForbiddenException extends RuntimeException {

    private final transient Text reason;

    public ScopeForbiddenException(Text reason) {
        super(reason.in(java.util.Locale.ENGLISH));
        this.reason = reason;
    }

    public Text reason() {
        return reason;
    }
}
