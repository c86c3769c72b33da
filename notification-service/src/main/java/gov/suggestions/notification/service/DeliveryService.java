package gov.suggestions.notification.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import gov.suggestions.notification.config.NotificationConfig;
import gov.suggestions.notification.domain.Channel;
import gov.suggestions.notification.domain.DeliveryAttempt;
import gov.suggestions.notification.domain.Notification;
import gov.suggestions.notification.domain.NotificationStatus;
import gov.suggestions.notification.domain.QuietHours;
import gov.suggestions.notification.repository.DeliveryAttemptRepository;
import gov.suggestions.notification.repository.NotificationRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Sends due notices of one channel: claims them (status SENDING and an open attempt: the intent,
 * committed before the provider is called), sends each outside any transaction, then records the
 * outcome; nothing is SENT before the provider took it. A failure is retried with exponential backoff and
 * jitter up to the limit, then the notice is failed. A notice left SENDING by a stopped replica is sent again
 * after the lease (at least once), with the same id the provider and the receiver recognise a repeat by.
 */
@ApplicationScoped
public class DeliveryService {

    private static final Logger LOG = Logger.getLogger(DeliveryService.class);

    private final NotificationRepository notifications;
    private final DeliveryAttemptRepository attempts;
    private final NotificationConfig config;
    private final Clock clock;
    private final QuietHours quietHours;
    private final OutcomeEvents outcomes;

    public DeliveryService(NotificationRepository notifications, DeliveryAttemptRepository attempts, NotificationConfig config,
            Clock clock, QuietHours quietHours, OutcomeEvents outcomes) {
        this.outcomes = outcomes;
        this.quietHours = quietHours;
        this.notifications = notifications;
        this.attempts = attempts;
        this.config = config;
        this.clock = clock;
    }

    /** @return how many notices were handed to the provider (successfully or not) in this round */
    public int dispatchRound(ChannelSender sender) {
        List<Delivery> claimed = QuarkusTransaction.requiringNew().call(() -> claim(sender.channel()));
        for (Delivery delivery : claimed) {
            String error = null;
            boolean permanent = false;
            try {
                sender.send(delivery);
            } catch (Exception e) {
                permanent = e instanceof PermanentDeliveryException;
                error = withoutAddress(e.getClass().getSimpleName() + ": " + e.getMessage(), delivery.destination());
                LOG.debugf("%s failed: %s", delivery, error);
            }
            String outcome = error;
            boolean retry = !permanent;
            QuarkusTransaction.requiringNew().run(() -> complete(delivery, outcome, retry));
        }
        return claimed.size();
    }

    private List<Delivery> claim(Channel channel) {
        Instant now = clock.instant();
        List<Delivery> claimed = new ArrayList<>();
        for (Notification n : notifications.lockDue(channel, now, config.batchSize())) {
            n.status = NotificationStatus.SENDING;
            n.attempts++;
            n.nextAttemptAt = now;
            DeliveryAttempt attempt = new DeliveryAttempt();
            attempt.notificationId = n.id;
            attempt.number = n.attempts;
            attempt.startedAt = now;
            attempts.persist(attempt);
            claimed.add(new Delivery(n.id, n.attempts, n.recipientId, n.destination, n.recipientName, n.subject, n.body,
                    n.caseId, n.replyLetter));
        }
        return claimed;
    }

    private void complete(Delivery delivery, String error, boolean retry) {
        Instant now = clock.instant();
        Notification n = notifications.findById(delivery.notificationId());
        DeliveryAttempt attempt = attempts.open(delivery.notificationId(), delivery.attempt());
        attempt.finishedAt = now;
        if (error == null) {
            attempt.outcome = "SENT";
            n.status = NotificationStatus.SENT;
            n.sentAt = now;
            n.nextAttemptAt = null;
            n.failureReason = null;
            outcomes.settled(n, now);
            return;
        }
        attempt.outcome = "ERROR";
        attempt.detail = truncate(error);
        if (!retry || n.attempts >= config.maxAttempts()) {
            n.status = NotificationStatus.FAILED;
            n.nextAttemptAt = null;
            n.failureReason = truncate("gave up after " + n.attempts + " attempts: " + error);
            LOG.warnf("notice %s on %s failed after %d attempts", n.id, n.channel, n.attempts);
            outcomes.settled(n, now);
        } else {
            n.status = NotificationStatus.PENDING;
            n.nextAttemptAt = n.channel == Channel.SMS ? quietHours.nextAllowed(now.plus(backoff(n.attempts))) : now.plus(backoff(n.attempts));
            n.failureReason = truncate(error);
        }
    }

    /** initial × 2^(attempt-1), capped, varied by ±jitter so that the retries after an outage spread out. */
    Duration backoff(int attempt) {
        double base = config.backoffInitial().toMillis() * Math.pow(2, Math.min(attempt - 1, 30));
        double capped = Math.min(base, config.backoffMax().toMillis());
        double jitter = config.backoffJitter();
        double factor = 1 + (jitter == 0 ? 0 : ThreadLocalRandom.current().nextDouble(-jitter, jitter));
        return Duration.ofMillis(Math.max(1, Math.round(capped * factor)));
    }

    /**
     * Notices whose send was interrupted (the replica stopped between intent and outcome): the provider may or may not
     * have taken them, so they are due again at once; the repeat carries the notice's id (Message-ID, outId, webhook-id),
     * by which the provider or the receiver drops it. Only a notice out of tries is failed.
     */
    public int resendInterrupted() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            List<Notification> stale = notifications.sendingSince(now.minus(config.sendingLease()), config.batchSize());
            for (Notification n : stale) {
                DeliveryAttempt attempt = attempts.open(n.id, n.attempts);
                if (attempt != null) {
                    attempt.finishedAt = now;
                    attempt.outcome = "UNKNOWN";
                    attempt.detail = "interrupted while sending; outcome unknown";
                }
                if (n.attempts >= config.maxAttempts()) {
                    n.status = NotificationStatus.FAILED;
                    n.nextAttemptAt = null;
                    n.failureReason = "发送中断且已达重试上限 / interrupted while sending after " + n.attempts + " attempts; outcome unknown";
                    outcomes.settled(n, now);
                } else {
                    n.status = NotificationStatus.PENDING;
                    n.nextAttemptAt = n.channel == Channel.SMS ? quietHours.nextAllowed(now) : now;
                    n.failureReason = "发送中断,以同一标识重发 / interrupted while sending; sent again with the same id";
                }
            }
            return stale.size();
        });
    }

    /** Providers' errors may quote the address; what is stored, shown and logged carries only its mask. */
    static String withoutAddress(String error, String destination) {
        return destination == null || destination.isEmpty() ? error : error.replace(destination, Masking.address(destination));
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
