package gov.suggestions.notification.domain;

/** Bounds of what a notice holds, stated in the OpenAPI document and kept by the code that writes the notice. */
public final class NotificationBodies {

    /** Longest text of an inbox notice; a rendered template is cut there (templates give a few hundred characters). */
    public static final int INBOX_MAX = 20_000;

    /** Tries of one notice the delivery log shows: the latest ones (a notice gives up after notification.max-attempts, 6). */
    public static final int LOGGED_ATTEMPTS = 100;

    private NotificationBodies() {
    }
}
