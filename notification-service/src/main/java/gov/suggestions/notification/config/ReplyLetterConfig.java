package gov.suggestions.notification.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The reply letter in the deputy's notice: a link to it, and the letter itself attached to the e-mail,
 * fetched from workflow-service (URL under quarkus.rest-client.workflow-service.url) with a service token.
 */
@ConfigMapping(prefix = "notification.reply-letter")
public interface ReplyLetterConfig {

    /** Where deputies open the letter (the portal or the gateway in front of workflow-service); no default: set it per deployment. */
    String linkBase();

    /** Appended to linkBase; {caseId} is replaced by the case's id. */
    @WithDefault("api/v1/cases/{caseId}/reply-letter")
    String linkPath();

    /** Attach the letter to the lead deputy's e-mail (needs serviceToken); off: the link only. */
    @WithDefault("true")
    boolean attach();

    /** Bearer token this service presents to workflow-service; without it the e-mail carries the link only. */
    Optional<String> serviceToken();

    /** Tries of an e-mail that wait for workflow-service while it fails (5xx, timeout); after them the e-mail goes with the link only. */
    @WithDefault("3")
    int attachAttempts();

    /** A larger letter is not attached (the link is enough). */
    @WithDefault("10000000")
    int maxBytes();
}
