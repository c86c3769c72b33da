package gov.suggestions.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Every trusted proxy the services and the manifests name is an address block ({@code 10.0.0.0/8}, {@code ::1/128}),
 * never a host name. Quarkus resolves a host name among {@code quarkus.http.proxy.trusted-proxies} by DNS on every
 * request, and reads a bare IPv6 address such as {@code ::1} as host {@code :} with port 1: under load that lookup
 * timed out and held registrations for 5 s (the 5 s cluster in the benchmark's intake percentiles).
 */
class TrustedProxiesTest {

    private static final List<String> SERVICES = List.of("suggestion", "workflow", "notification", "reporting");
    private static final Pattern PROPERTY = Pattern.compile("^(?:%\\w+\\.)?quarkus\\.http\\.proxy\\.trusted-proxies=(.*)$", Pattern.MULTILINE);
    private static final Pattern VARIABLE = Pattern.compile("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES=([^\\s\"']*)");
    /** An IPv4 or IPv6 address with its prefix length. */
    private static final Pattern BLOCK = Pattern.compile("(?:\\d{1,3}(?:\\.\\d{1,3}){3}/\\d{1,2}|[0-9a-fA-F:]*:[0-9a-fA-F:.]*/\\d{1,3})");

    @Test
    void everyTrustedProxyIsAnAddressBlockNotAHostName() throws IOException {
        Path root = Path.of(System.getProperty("suite.root", "../..")).toAbsolutePath().normalize();
        List<String> entries = new ArrayList<>();
        for (String service : SERVICES) {
            Path properties = root.resolve(service + "-service/src/main/resources/application.properties");
            entries.addAll(values(PROPERTY, Files.readString(properties), root.relativize(properties)));
        }
        try (var manifests = Files.walk(root.resolve("deploy/k8s"))) {
            for (Path manifest : manifests.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                entries.addAll(values(VARIABLE, Files.readString(manifest), root.relativize(manifest)));
            }
        }
        assertTrue(entries.size() >= SERVICES.size(), "trusted proxies read: " + entries);
        List<String> notBlocks = entries.stream().filter(entry -> !BLOCK.matcher(entry.substring(entry.indexOf(": ") + 2)).matches()).toList();
        assertEquals(List.of(), notBlocks, "write each trusted proxy as an address block (127.0.0.1/32, ::1/128): Quarkus looks a host"
                + " name up in DNS on every request, and reads a bare IPv6 address as a host name");
    }

    private static List<String> values(Pattern pattern, String text, Path file) {
        List<String> values = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            for (String value : m.group(1).split(",")) {
                values.add(file + ": " + value.strip());
            }
        }
        return values;
    }
}
