package gov.suggestions.notification.service;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import gov.suggestions.notification.config.SmsConfig;
import gov.suggestions.notification.domain.Channel;

/** SMS through the HTTP gateway. A 4xx answer is final (number or template refused); 5xx and timeouts are retried. */
@ApplicationScoped
public class SmsSender implements ChannelSender {

    private final SmsGateway gateway;
    private final SmsConfig config;

    public SmsSender(@RestClient SmsGateway gateway, SmsConfig config) {
        this.gateway = gateway;
        this.config = config;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public void send(Delivery delivery) {
        String credentials = config.accessKey() + ":" + config.accessSecret().orElse("");
        String authorization = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
        try {
            gateway.send(authorization, new SmsGateway.SmsRequest(delivery.destination(), config.signName(), config.templateId(),
                    Map.of("content", delivery.body()), delivery.notificationId().toString()));
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status >= 400 && status < 500 && status != 408 && status != 429) {
                throw new PermanentDeliveryException("SMS gateway refused the message: HTTP " + status);
            }
            throw new IllegalStateException("SMS gateway answered HTTP " + status);
        }
    }
}
