package gov.suggestions.notification.service;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import gov.suggestions.notification.config.ReplyLetterConfig;

/**
 * The reply letter for the deputy's e-mail: its link, and the letter itself fetched from workflow-service
 * when the e-mail is sent. The letter is a convenience, the link is always there: whatever goes wrong
 * with the fetch, the e-mail goes with the link only, except that while workflow-service fails
 * (5xx, timeout) the e-mail's first tries wait for it (nothing has been sent, so at most once holds).
 */
@ApplicationScoped
public class ReplyLetters {

    private static final Logger LOG = Logger.getLogger(ReplyLetters.class);

    private final ReplyLetterConfig config;
    // created on first use: a deployment that attaches nothing needs no workflow-service URL
    private final Instance<WorkflowLetters> workflow;

    public ReplyLetters(ReplyLetterConfig config, @RestClient Instance<WorkflowLetters> workflow) {
        this.config = config;
        this.workflow = workflow;
    }

    public record Letter(String filename, byte[] content) {
    }

    /** Thrown while workflow-service fails and the e-mail may still wait for it: the try fails and is retried. */
    public static class LetterUnavailableException extends RuntimeException {
        public LetterUnavailableException(String message) {
            super(message);
        }
    }

    /** The link deputies follow to read the letter (e-mail, SMS and inbox alike). */
    public String link(UUID caseId) {
        String base = config.linkBase().endsWith("/") ? config.linkBase() : config.linkBase() + "/";
        String path = config.linkPath().startsWith("/") ? config.linkPath().substring(1) : config.linkPath();
        return base + path.replace("{caseId}", caseId.toString());
    }

    /** Whether e-mails of replies should carry the letter at all. */
    public boolean attaching() {
        return config.attach() && config.serviceToken().filter(t -> !t.isBlank()).isPresent();
    }

    /**
     * The letter with this document number, or empty when it is not to be attached (switched off, refused,
     * not found, a later letter issued meanwhile, too large, or workflow-service still failing after
     * {@code attach-attempts} tries).
     */
    public Optional<Letter> fetch(UUID caseId, String documentNumber, int attempt) {
        if (!attaching() || caseId == null || documentNumber == null) {
            return Optional.empty();
        }
        Response answer;
        try {
            answer = workflow.get().replyLetter("Bearer " + config.serviceToken().orElseThrow(), caseId);
        } catch (WebApplicationException e) {
            answer = e.getResponse();
        } catch (RuntimeException e) {
            // connection refused, timeout (ProcessingException), or whatever else the client throws: workflow-service is not answering
            return unavailable(caseId, attempt, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        try (Response response = answer) {
            int status = response.getStatus();
            if (status >= 500 || status == 408 || status == 429) {
                return unavailable(caseId, attempt, "workflow-service answered HTTP " + status);
            }
            if (status != 200) {
                LOG.infof("reply letter of case %s not attached: workflow-service answered HTTP %d", caseId, status);
                return Optional.empty();
            }
            String served = filename(response.getHeaderString("Content-Disposition"));
            if (!(documentNumber + ".docx").equals(served)) {
                // the endpoint serves the latest letter: a re-handling reply issued since is not this notice's letter
                LOG.infof("reply letter of case %s not attached: workflow-service serves %s, the notice is about %s", caseId, served,
                        documentNumber);
                return Optional.empty();
            }
            String length = response.getHeaderString("Content-Length");
            if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > config.maxBytes()) {
                LOG.infof("reply letter of case %s not attached: %s bytes", caseId, length);
                return Optional.empty();
            }
            byte[] content = response.readEntity(byte[].class);
            if (content == null || content.length == 0 || content.length > config.maxBytes()) {
                LOG.infof("reply letter of case %s not attached: %d bytes", caseId, content == null ? 0 : content.length);
                return Optional.empty();
            }
            return Optional.of(new Letter("reply-letter.docx", content));
        } catch (ProcessingException e) {
            return unavailable(caseId, attempt, "reading the letter failed: " + e.getMessage());
        }
    }

    private Optional<Letter> unavailable(UUID caseId, int attempt, String why) {
        if (attempt < config.attachAttempts()) {
            throw new LetterUnavailableException("reply letter of case " + caseId + " not fetched, e-mail held back: " + why);
        }
        LOG.warnf("reply letter of case %s not attached after %d tries, sent with the link only: %s", caseId, attempt, why);
        return Optional.empty();
    }

    /** The filename* (RFC 6266) or filename parameter of a Content-Disposition header. */
    static String filename(String disposition) {
        if (disposition == null) {
            return null;
        }
        for (String part : disposition.split(";")) {
            String p = part.strip();
            if (p.regionMatches(true, 0, "filename*=", 0, 10)) {
                String value = p.substring(10);
                int quote = value.indexOf("''");
                return URLDecoder.decode(quote < 0 ? value : value.substring(quote + 2), StandardCharsets.UTF_8);
            }
        }
        for (String part : disposition.split(";")) {
            String p = part.strip();
            if (p.regionMatches(true, 0, "filename=", 0, 9)) {
                return p.substring(9).replace("\"", "");
            }
        }
        return null;
    }
}
