package gov.suggestions.notification.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import gov.suggestions.notification.service.PermanentDeliveryException;
import gov.suggestions.notification.service.SmsGateway;

/** The SMS gateway over HTTP. A 4xx answer is final (number or template refused); 5xx and timeouts are retried. */
@ApplicationScoped
public class HttpSmsGateway implements SmsGateway {

    private final SmsGatewayClient client;

    public HttpSmsGateway(@RestClient SmsGatewayClient client) {
        this.client = client;
    }

    @Override
    public void send(String authorization, SmsRequest request) {
        try {
            client.send(authorization, request);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status >= 400 && status < 500 && status != 408 && status != 429) {
                throw new PermanentDeliveryException("SMS gateway refused the message: HTTP " + status);
            }
            throw new IllegalStateException("SMS gateway answered HTTP " + status);
        }
    }
}
