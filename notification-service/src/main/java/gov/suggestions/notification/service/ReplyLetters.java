package gov.suggestions.notification.service;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

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
    private final WorkflowLetters workflow;

    public ReplyLetters(ReplyLetterConfig config, WorkflowLetters workflow) {
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
        WorkflowLetters.Answer answer = workflow.latestLetter(config.serviceToken().orElseThrow(), caseId, documentNumber + ".docx",
                config.maxBytes());
        if (answer instanceof WorkflowLetters.Served served) {
            return Optional.of(new Letter("reply-letter.docx", served.content()));
        }
        if (answer instanceof WorkflowLetters.Unavailable failing) {
            return unavailable(caseId, attempt, failing.why());
        }
        LOG.infof("reply letter of case %s not attached: %s", caseId, ((WorkflowLetters.NotAttached) answer).why());
        return Optional.empty();
    }

    private Optional<Letter> unavailable(UUID caseId, int attempt, String why) {
        if (attempt < config.attachAttempts()) {
            throw new LetterUnavailableException("reply letter of case " + caseId + " not fetched, e-mail held back: " + why);
        }
        LOG.warnf("reply letter of case %s not attached after %d tries, sent with the link only: %s", caseId, attempt, why);
        return Optional.empty();
    }
}
