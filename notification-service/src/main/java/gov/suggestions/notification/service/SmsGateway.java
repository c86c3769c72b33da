package gov.suggestions.notification.service;

import java.util.Map;

/**
 * The SMS gateway: an approved template id, its parameters, and our id so the provider can drop a repeat. Reached over
 * HTTP by rest/HttpSmsGateway.
 */
public interface SmsGateway {

    record SmsRequest(String phoneNumber, String signName, String templateId, Map<String, String> templateParams, String outId) {
    }

    /**
     * Hands the message to the gateway. Throws {@link PermanentDeliveryException} when it refuses the message for good
     * (number or template refused), any other exception when the send may be tried again.
     */
    void send(String authorization, SmsRequest request);
}
