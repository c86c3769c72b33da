package gov.suggestions.notification.service;

import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import gov.suggestions.notification.domain.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * Notices that finally failed, per channel ({@code suggestions_notices_failed_total}): out of tries, refused for good by
 * the provider, or impossible from the start (no address, a template that does not render). Counted once the failure is
 * committed, so a rolled-back outcome is not counted; every channel's series exists from the start, at 0. The channel is
 * the only label: who the notice was for never appears in a metric.
 */
@Startup
@ApplicationScoped
public class NoticeSignals {

    private final Map<Channel, Counter> failed = new EnumMap<>(Channel.class);

    public NoticeSignals(MeterRegistry meters) {
        for (Channel channel : Channel.values()) {
            failed.put(channel, Counter.builder("suggestions.notices.failed")
                    .description("Notices given up on (status FAILED), per channel")
                    .tag("channel", channel.name())
                    .register(meters));
        }
    }

    void onFailed(@Observes(during = TransactionPhase.AFTER_SUCCESS) NoticeFailed notice) {
        failed.get(notice.channel()).increment();
    }

    /** A notice recorded as FAILED in the current transaction. */
    public record NoticeFailed(Channel channel) {
    }
}
