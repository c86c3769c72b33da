package gov.suggestions.notification.config;

import java.util.Optional;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where webhooks may be POSTed. Targets must be https and resolve only to public addresses (no loopback, link-local,
 * private, unique-local, unspecified, multicast or cloud metadata addresses), checked when a subscription is saved and
 * again before every delivery.
 */
@ConfigMapping(prefix = "notification.webhook")
public interface WebhookConfig {

    /** Accept plain http targets too: only for the local and test profiles. */
    @WithDefault("false")
    boolean allowHttp();

    /**
     * Host names (or address literals) accepted whatever they resolve to, e.g. an internal government system reached
     * through a private address. Matched exactly, case-insensitively, against the URL's host.
     */
    Optional<Set<String>> allowedHosts();
}
