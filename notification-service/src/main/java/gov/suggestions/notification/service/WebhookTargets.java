package gov.suggestions.notification.service;

import gov.suggestions.notification.domain.InvalidFieldException;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import gov.suggestions.notification.config.WebhookConfig;
import gov.suggestions.notification.domain.Text;

/**
 * Refuses webhook targets inside the service's own network (server-side request forgery): https only (http where
 * {@code notification.webhook.allow-http} is set), and every address the host resolves to must be public. Numeric hosts
 * other than dotted-decimal IPv4 or bracketed IPv6 (0x7f000001, 2130706433, 0177.0.0.1) are refused outright: resolvers
 * and HTTP clients disagree on them. Hosts named in {@code notification.webhook.allowed-hosts} are accepted as they are.
 * Checked when a subscription is saved and again before each delivery (DNS answers change).
 */
@ApplicationScoped
public class WebhookTargets {

    /** Resolves a host name to all its addresses (InetAddress.getAllByName outside tests). */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** Why a target is refused; {@code transientFailure}: the name did not resolve (may work later). */
    public static final class RefusedTarget extends RuntimeException {

        private final transient Text reason;
        private final boolean transientFailure;

        RefusedTarget(Text reason, boolean transientFailure) {
            super(reason.en());
            this.reason = reason;
            this.transientFailure = transientFailure;
        }

        public Text reason() {
            return reason;
        }

        public boolean transientFailure() {
            return transientFailure;
        }
    }

    // inet_aton forms: 1 to 4 parts, each decimal, octal (leading 0) or hex (0x)
    private static final Pattern NUMERIC_HOST = Pattern.compile("(?i)(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+)){0,3}\\.?");
    private static final Pattern CANONICAL_IPV4 = Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    private static final Set<String> METADATA_NAMES = Set.of("metadata", "metadata.google.internal", "metadata.goog", "instance-data",
            "instance-data.ec2.internal");

    private final boolean allowHttp;
    private final Set<String> allowedHosts;
    private final Resolver resolver;

    @Inject
    public WebhookTargets(WebhookConfig config) {
        this(config.allowHttp(), config.allowedHosts().orElse(Set.of()), InetAddress::getAllByName);
    }

    public WebhookTargets(boolean allowHttp, Set<String> allowedHosts, Resolver resolver) {
        this.allowHttp = allowHttp;
        this.allowedHosts = allowedHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.resolver = resolver;
    }

    /**
     * When a subscription is saved: 400 naming the field. A host name that does not resolve (yet) is accepted: nothing can
     * be sent to it, and every delivery checks the addresses it resolves to then.
     */
    public void requireAcceptable(String field, String url) {
        try {
            check(url);
        } catch (RefusedTarget e) {
            if (!e.transientFailure()) {
                throw new InvalidFieldException(field, e.reason());
            }
        }
    }

    /** @throws RefusedTarget when the URL may not be called now */
    public void check(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            throw refused("不是有效的 URL", "not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            throw refused("须使用 https", "must use https");
        }
        if (uri.getRawUserInfo() != null) {
            throw refused("URL 中不能含用户信息", "must not carry user information");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw refused("缺少主机名", "has no host");
        }
        host = host.toLowerCase(Locale.ROOT);
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (allowedHosts.contains(host) || allowedHosts.contains(bare)) {
            return;
        }
        String name = bare.endsWith(".") ? bare.substring(0, bare.length() - 1) : bare;
        if (METADATA_NAMES.contains(name)) {
            throw refused("不能指向云平台元数据服务", "must not point at a metadata service");
        }
        boolean literal6 = host.startsWith("[");
        if (!literal6 && NUMERIC_HOST.matcher(bare).matches() && !CANONICAL_IPV4.matcher(bare).matches()) {
            throw refused("数字形式的主机须写作点分十进制 IPv4 地址", "a numeric host must be a dotted-decimal IPv4 address");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException | SecurityException e) {
            throw new RefusedTarget(Text.of("url 的主机名无法解析", "the URL's host cannot be resolved"), true);
        }
        if (addresses == null || addresses.length == 0) {
            throw new RefusedTarget(Text.of("url 的主机名无法解析", "the URL's host cannot be resolved"), true);
        }
        for (InetAddress address : addresses) {
            if (internal(address)) {
                throw refused("不能指向内部地址(回环、链路本地、私有、组播或元数据地址)",
                        "must not point at an internal address (loopback, link-local, private, multicast or metadata)");
            }
        }
    }

    private static RefusedTarget refused(String zh, String en) {
        return new RefusedTarget(Text.of("url " + zh, "the URL " + en), false);
    }

    /** Loopback, link-local, private, unique-local, unspecified, multicast, shared, reserved, and IPv4 inside IPv6. */
    static boolean internal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int a0 = b[0] & 0xff;
            int a1 = b[1] & 0xff;
            return a0 == 0                                   // 0.0.0.0/8 "this network"
                    || a0 == 127                             // loopback (all of it)
                    || (a0 == 100 && (a1 & 0xc0) == 64)      // 100.64.0.0/10 shared (carrier-grade NAT)
                    || (a0 == 169 && a1 == 254)              // link-local, 169.254.169.254 metadata
                    || (a0 == 192 && a1 == 0 && (b[2] & 0xff) == 0) // 192.0.0.0/24 protocol assignments
                    || (a0 == 198 && (a1 == 18 || a1 == 19)) // benchmarking
                    || a0 >= 224;                            // multicast, reserved, broadcast
        }
        if (address instanceof Inet6Address v6) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {                    // fc00::/7 unique local (fd00:ec2::254 metadata)
                return true;
            }
            if (first == 0xfe && (b[1] & 0xc0) == 0xc0) {    // fec0::/10 site-local (deprecated)
                return true;
            }
            byte[] embedded = null;
            if (v6.isIPv4CompatibleAddress() || isMapped(b)) {
                embedded = new byte[] { b[12], b[13], b[14], b[15] };
            } else if (first == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
                embedded = new byte[] { b[12], b[13], b[14], b[15] };   // 64:ff9b::/96 NAT64
            } else if (first == 0x20 && (b[1] & 0xff) == 0x02) {
                embedded = new byte[] { b[2], b[3], b[4], b[5] };       // 2002::/16 6to4
            }
            if (embedded != null) {
                if (new BigInteger(1, embedded).signum() == 0) {
                    return true;
                }
                try {
                    return internal(InetAddress.getByAddress(embedded));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isMapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }
}
