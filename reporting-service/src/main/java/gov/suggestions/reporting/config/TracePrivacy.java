package gov.suggestions.reporting.config;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;

/**
 * Keeps personal data out of recorded traces. A query string may carry a deputy's name, a number or free search text, so
 * HTTP spans keep only its parameter names ({@code q=?&page=?}). A caller's address identifies a person's device, so a
 * span keeps only its network ({@code 203.0.113.0/24}), enough to tell an office's network from the internet. Bodies are
 * never recorded, and the JDBC spans hold the statements with their placeholders, never the bound values.
 */
@ApplicationScoped
public class TracePrivacy implements SpanProcessor {

    static final AttributeKey<String> URL_QUERY = AttributeKey.stringKey("url.query");
    static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");
    static final AttributeKey<String> CLIENT_ADDRESS = AttributeKey.stringKey("client.address");
    static final AttributeKey<String> PEER_ADDRESS = AttributeKey.stringKey("network.peer.address");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3}\\.\\d{1,3}\\.\\d{1,3})\\.\\d{1,3}");

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        String query = span.getAttribute(URL_QUERY);
        if (query != null) {
            span.setAttribute(URL_QUERY, namesOnly(query));
        }
        String full = span.getAttribute(URL_FULL);
        int mark = full == null ? -1 : full.indexOf('?');
        if (mark >= 0) {
            span.setAttribute(URL_FULL, full.substring(0, mark + 1) + namesOnly(full.substring(mark + 1)));
        }
        for (AttributeKey<String> address : List.of(CLIENT_ADDRESS, PEER_ADDRESS)) {
            String value = span.getAttribute(address);
            if (value != null) {
                span.setAttribute(address, networkOnly(value));
            }
        }
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        // nothing: the attributes were replaced when the span started
    }

    @Override
    public boolean isEndRequired() {
        return false;
    }

    /** {@code 203.0.113.7} becomes {@code 203.0.113.0/24}; any other address (IPv6, a name) is not kept at all. */
    static String networkOnly(String address) {
        Matcher ipv4 = IPV4.matcher(address);
        return ipv4.matches() ? ipv4.group(1) + ".0/24" : "masked";
    }

    /** {@code q=王&page=2} becomes {@code q=?&page=?}. */
    static String namesOnly(String query) {
        StringBuilder names = new StringBuilder(query.length());
        for (String parameter : query.split("&", -1)) {
            if (!names.isEmpty()) {
                names.append('&');
            }
            int equals = parameter.indexOf('=');
            names.append(equals < 0 ? parameter : parameter.substring(0, equals)).append("=?");
        }
        return names.toString();
    }
}
