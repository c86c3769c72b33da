package gov.suggestions.notification.service;

import gov.suggestions.notification.domain.InvalidFieldException;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Webhook targets inside the network are refused (SSRF), whatever form the address is written in or resolves to. */
class WebhookTargetsTest {

    /** A resolver with fixed answers (no DNS on the build machine); address literals resolve as the JDK does. */
    private static final Map<String, String[]> NAMES = Map.of(
            "hooks.example.gov.cn", new String[] { "93.184.216.34" },
            "rebinding.example.org", new String[] { "127.0.0.1" },
            "mixed.example.org", new String[] { "93.184.216.34", "10.1.2.3" },
            "v6.example.org", new String[] { "2606:4700::6810:85e5", "fd00:ec2::254" },
            "internal.gov.cn", new String[] { "10.20.30.40" });

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        String[] answers = NAMES.get(host);
        if (answers == null) {
            if (!Character.isDigit(host.charAt(0)) && !host.contains(":")) {
                throw new UnknownHostException(host);
            }
            return new InetAddress[] { InetAddress.getByName(host) };
        }
        InetAddress[] result = new InetAddress[answers.length];
        for (int i = 0; i < answers.length; i++) {
            result[i] = InetAddress.getByName(answers[i]);
        }
        return result;
    }

    private final WebhookTargets production = new WebhookTargets(false, Set.of(), WebhookTargetsTest::resolve);
    private final WebhookTargets local = new WebhookTargets(true, Set.of("internal.gov.cn"), WebhookTargetsTest::resolve);

    @ParameterizedTest
    @ValueSource(strings = { "http://127.0.0.1:5432/", "http://169.254.169.254/latest/meta-data/", "http://[::1]:8084/", "http://0x7f000001/",
            "http://2130706433/", "http://0177.0.0.1/", "http://127.1/", "http://0/", "http://0.0.0.0/", "http://[::]/",
            "http://[::ffff:127.0.0.1]/", "http://[::ffff:7f00:1]/", "http://[::127.0.0.1]/", "http://[64:ff9b::a00:1]/", "http://[2002:a00:1::]/",
            "http://10.0.0.5/", "http://172.16.1.1/", "http://192.168.1.1/", "http://100.64.0.1/", "http://[fc00::1]/", "http://[fd00:ec2::254]/",
            "http://[fe80::1]/", "http://224.0.0.1/", "http://255.255.255.255/", "http://metadata.google.internal/computeMetadata/v1/",
            "http://rebinding.example.org/", "http://mixed.example.org/", "http://v6.example.org/", "http://user@hooks.example.gov.cn/",
            "ftp://hooks.example.gov.cn/", "http:///nohost" })
    void internalOrMalformedTargetsAreRefusedNamingUrl(String url) {
        InvalidFieldException e = assertThrows(InvalidFieldException.class, () -> local.requireAcceptable("url", url), url);
        assertEquals("url", e.field());
        assertThrows(InvalidFieldException.class, () -> production.requireAcceptable("url", url), url);
    }

    @Test
    void publicHttpsTargetsAreAcceptedAndHttpOnlyWhereConfigured() {
        assertDoesNotThrow(() -> production.check("https://hooks.example.gov.cn/suggestions"));
        assertDoesNotThrow(() -> production.check("https://93.184.216.34/hooks"));
        WebhookTargets.RefusedTarget plain = assertThrows(WebhookTargets.RefusedTarget.class, () -> production.check("http://hooks.example.gov.cn/"));
        assertTrue(plain.reason().en().contains("https"), plain.reason().en());
        assertDoesNotThrow(() -> local.check("http://hooks.example.gov.cn/suggestions"));
    }

    @Test
    void anAllowListedHostIsAcceptedWhateverItResolvesTo() {
        assertDoesNotThrow(() -> local.check("http://internal.gov.cn:8080/hooks"));
        assertThrows(WebhookTargets.RefusedTarget.class, () -> production.check("https://internal.gov.cn/hooks"));
    }

    @Test
    void anUnresolvableHostIsAcceptedWhenSavedAndRefusedForNowAtDeliveryTime() {
        assertDoesNotThrow(() -> production.requireAcceptable("url", "https://no-such-host.invalid/"));
        assertTrue(assertThrows(WebhookTargets.RefusedTarget.class, () -> production.check("https://no-such-host.invalid/")).transientFailure());
        assertTrue(!assertThrows(WebhookTargets.RefusedTarget.class, () -> production.check("https://rebinding.example.org/")).transientFailure());
    }
}
