package gov.suggestions.suggestion.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/** What an HTTP span keeps of a request's query string and its caller's address once recorded: names and networks only. */
class TracePrivacyTest {

    @Test
    void aRecordedSpanKeepsOnlyTheNamesOfTheQueryParameters() {
        List<SpanData> exported = new ArrayList<>();
        try (SdkTracerProvider provider = SdkTracerProvider.builder().addSpanProcessor(new TracePrivacy())
                .addSpanProcessor(SimpleSpanProcessor.create(collecting(exported))).build()) {
            Tracer tracer = provider.get("test");
            tracer.spanBuilder("GET /api/v1/ledger").setAttribute(TracePrivacy.URL_QUERY, "text=%E7%8E%8B%E6%9F%90%E6%9F%90&page=2&flag")
                    .startSpan().end();
            tracer.spanBuilder("POST").setAttribute(TracePrivacy.URL_FULL, "https://sms.example.gov.cn/send?mobile=13800000000&sign=x")
                    .startSpan().end();
        }
        assertEquals("text=?&page=?&flag=?", exported.get(0).getAttributes().get(TracePrivacy.URL_QUERY));
        assertEquals("https://sms.example.gov.cn/send?mobile=?&sign=?", exported.get(1).getAttributes().get(TracePrivacy.URL_FULL));
    }

    @Test
    void aRecordedSpanKeepsOnlyTheNetworkOfTheCallersAddress() {
        List<SpanData> exported = new ArrayList<>();
        try (SdkTracerProvider provider = SdkTracerProvider.builder().addSpanProcessor(new TracePrivacy())
                .addSpanProcessor(SimpleSpanProcessor.create(collecting(exported))).build()) {
            Tracer tracer = provider.get("test");
            tracer.spanBuilder("GET /api/v1/suggestions").setAttribute(TracePrivacy.CLIENT_ADDRESS, "203.0.113.57")
                    .setAttribute(TracePrivacy.PEER_ADDRESS, "10.42.7.19").startSpan().end();
            tracer.spanBuilder("GET /api/v1/public/replies").setAttribute(TracePrivacy.CLIENT_ADDRESS, "2001:db8:85a3::8a2e:370:7334")
                    .startSpan().end();
        }
        assertEquals("203.0.113.0/24", exported.get(0).getAttributes().get(TracePrivacy.CLIENT_ADDRESS));
        assertEquals("10.42.7.0/24", exported.get(0).getAttributes().get(TracePrivacy.PEER_ADDRESS));
        assertEquals("masked", exported.get(1).getAttributes().get(TracePrivacy.CLIENT_ADDRESS));
    }

    private static SpanExporter collecting(List<SpanData> exported) {
        return new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> spans) {
                exported.addAll(spans);
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode flush() {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode shutdown() {
                return CompletableResultCode.ofSuccess();
            }
        };
    }
}
