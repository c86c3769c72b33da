package gov.suggestions.notification.service;

/** The provider refused the notice for good (bad number, unknown template): retrying cannot help. */
public class PermanentDeliveryException extends RuntimeException {

    public PermanentDeliveryException(String message) {
        super(message);
    }
}
