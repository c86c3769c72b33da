package gov.suggestions.notification.event;

import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

import gov.suggestions.notification.domain.Channel;
import gov.suggestions.notification.service.ChannelSender;
import gov.suggestions.notification.service.DeliveryService;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * One scheduled dispatcher per channel, each on its own thread: a provider that is down or slow
 * holds up only its own channel. Safe with several replicas (claims skip rows locked by others).
 */
@ApplicationScoped
public class Dispatchers {

    private static final Logger LOG = Logger.getLogger(Dispatchers.class);

    private final DeliveryService delivery;
    private final List<ChannelSender> senders;
    /** Set at shutdown: no new round starts, a running one ends after its current notice, before the database goes away. */
    private volatile boolean stopping;

    public Dispatchers(DeliveryService delivery, Instance<ChannelSender> senders) {
        this.delivery = delivery;
        this.senders = senders.stream().toList();
    }

    @Scheduled(every = "${notification.dispatch-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void email() {
        drain(Channel.EMAIL);
    }

    @Scheduled(every = "${notification.dispatch-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sms() {
        drain(Channel.SMS);
    }

    @Scheduled(every = "${notification.dispatch-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void webhook() {
        drain(Channel.WEBHOOK);
    }

    @Scheduled(every = "${notification.interrupted-check:1m}", delayed = "${notification.interrupted-check:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void interrupted() {
        if (stopping) {
            return;
        }
        int resent = delivery.resendInterrupted();
        if (resent > 0) {
            LOG.warnf("%d notices were interrupted while sending; they are sent again with the same ids", resent);
        }
    }

    void stop(@Observes @Priority(1) ShutdownEvent shutdown) {
        stopping = true;
    }

    private void drain(Channel channel) {
        ChannelSender sender = senders.stream().filter(s -> s.channel() == channel).findFirst().orElseThrow();
        try {
            while (!stopping && delivery.dispatchRound(sender) > 0) {
                // keep going while notices are due
            }
        } catch (RuntimeException e) {
            LOG.warnf("%s dispatch round failed: %s", channel, e.getMessage());
        }
    }
}
