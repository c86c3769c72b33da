package gov.suggestions.workflow.event;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.header.Headers;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;

/**
 * The W3C trace context an event carries from the work that wrote it to every consumer's work, so that a suggestion's
 * path through the suite is one trace. Stored on the outbox row, sent as the W3C headers {@code traceparent} /
 * {@code tracestate} (what OpenTelemetry's Kafka instrumentation reads) and as the CloudEvents distributed-tracing
 * extension, {@code ce_traceparent} / {@code ce_tracestate} in binary mode.
 *
 * @param tracestate null when the trace has no vendor state
 */
public record EventTrace(String traceparent, String tracestate) {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    /** The current span's context; null outside any trace (a scheduled job, the tests' direct calls). */
    public static EventTrace current() {
        Map<String, String> carrier = new HashMap<>(4);
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        String traceparent = carrier.get(TRACEPARENT);
        return traceparent == null ? null : new EventTrace(traceparent, carrier.get(TRACESTATE));
    }

    /** The stored context; null when the row has none (older rows, rows written outside a trace). */
    public static EventTrace stored(String traceparent, String tracestate) {
        return traceparent == null ? null : new EventTrace(traceparent, tracestate);
    }

    /** Adds the W3C headers; the CloudEvents extension attributes travel in the CloudEvent metadata. */
    public void addTo(Headers headers) {
        headers.add(TRACEPARENT, traceparent.getBytes(StandardCharsets.US_ASCII));
        if (tracestate != null) {
            headers.add(TRACESTATE, tracestate.getBytes(StandardCharsets.US_ASCII));
        }
    }
}
