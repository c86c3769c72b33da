package gov.suggestions.notification.service;

import java.util.UUID;

/** workflow-service's reply letters, fetched for the deputies' e-mails. Reached over HTTP by rest/HttpWorkflowLetters. */
public interface WorkflowLetters {

    /** The letters' media type (.docx). */
    String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /**
     * The latest issued letter of the case, if it is the one named {@code filename} and at most {@code maxBytes} long;
     * asked with the service token.
     */
    Answer latestLetter(String serviceToken, UUID caseId, String filename, int maxBytes);

    /** What came of asking for a letter. */
    sealed interface Answer permits Served, NotAttached, Unavailable {
    }

    /** The letter's content. */
    record Served(byte[] content) implements Answer {
    }

    /** Not to be attached, whatever the number of tries (refused, not found, another letter, too large): why, for the log. */
    record NotAttached(String why) implements Answer {
    }

    /** workflow-service is failing (5xx, timeout, no connection): a later try may get it. */
    record Unavailable(String why) implements Answer {
    }
}
