package gov.suggestions.notification.service;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import gov.suggestions.notification.domain.Channel;
import gov.suggestions.notification.domain.WebhookSubscription;
import gov.suggestions.notification.repository.WebhookSubscriptionRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** POSTs the event to the subscriber, signed (see {@link WebhookSigner}). 2xx is delivered; 4xx final; else retried. */
@ApplicationScoped
public class WebhookSender implements ChannelSender {

    private final WebhookSubscriptionRepository subscriptions;
    private final Clock clock;
    private final WebhookTargets targets;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER).build();   // a redirect could lead anywhere: never followed

    public WebhookSender(WebhookSubscriptionRepository subscriptions, Clock clock, WebhookTargets targets) {
        this.targets = targets;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public void send(Delivery delivery) throws Exception {
        WebhookSubscription subscription = QuarkusTransaction.requiringNew()
                .call(() -> subscriptions.findById(UUID.fromString(delivery.recipientId())));
        if (subscription == null) {
            throw new PermanentDeliveryException("the subscription was removed");
        }
        // checked again at every delivery: the name may resolve elsewhere now (or the row predates the check)
        try {
            targets.check(delivery.destination());
        } catch (WebhookTargets.RefusedTarget e) {
            if (e.transientFailure()) {
                throw new IllegalStateException("the receiver's host cannot be resolved now");
            }
            throw new PermanentDeliveryException("target refused: " + e.reason().en());
        }
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.destination()))
                .timeout(Duration.ofSeconds(5))
                // structured mode's media type: the body is the whole CloudEvent, not just its data
                .header("Content-Type", WebhookForwarding.FORMAT.serializedContentType())
                .header(WebhookSigner.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSigner.SIGNATURE_HEADER, WebhookSigner.sign(subscription.secret, timestamp, delivery.body()))
                .header("X-Notification-Id", delivery.notificationId().toString())
                // the Standard Webhooks names: one id across every try of a notice, so the receiver drops a repeat
                .header("webhook-id", delivery.notificationId().toString())
                .header("webhook-timestamp", Long.toString(timestamp))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body()))
                .build();
        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            throw new PermanentDeliveryException("the receiver refused the event: HTTP " + status);
        }
        if (status < 200 || status >= 300) {
            throw new IllegalStateException("the receiver answered HTTP " + status);
        }
    }
}
