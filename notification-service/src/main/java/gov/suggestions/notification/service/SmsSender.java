package gov.suggestions.notification.service;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import gov.suggestions.notification.config.SmsConfig;
import gov.suggestions.notification.domain.Channel;

/** SMS through the gateway: a refusal for good (PermanentDeliveryException) is final, any other failure is retried. */
@ApplicationScoped
public class SmsSender implements ChannelSender {

    private final SmsGateway gateway;
    private final SmsConfig config;

    public SmsSender(SmsGateway gateway, SmsConfig config) {
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
        gateway.send(authorization, new SmsGateway.SmsRequest(delivery.destination(), config.signName(), config.templateId(),
                Map.of("content", delivery.body()), delivery.notificationId().toString()));
    }
}
