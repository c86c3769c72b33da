package gov.suggestions.notification.rest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import gov.suggestions.notification.service.WorkflowLetters;

/** workflow-service's reply letters over HTTP: its answer's status and headers read into what the e-mail can do with it. */
@ApplicationScoped
public class HttpWorkflowLetters implements WorkflowLetters {

    // created on first use: a deployment that attaches nothing needs no workflow-service URL
    private final Instance<WorkflowLettersClient> client;

    public HttpWorkflowLetters(@RestClient Instance<WorkflowLettersClient> client) {
        this.client = client;
    }

    @Override
    public Answer latestLetter(String serviceToken, UUID caseId, String filename, int maxBytes) {
        Response answer;
        try {
            answer = client.get().replyLetter("Bearer " + serviceToken, caseId);
        } catch (WebApplicationException e) {
            answer = e.getResponse();
        } catch (RuntimeException e) {
            // connection refused, timeout (ProcessingException), or whatever else the client throws: workflow-service is not answering
            return new Unavailable(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        try (Response response = answer) {
            int status = response.getStatus();
            if (status >= 500 || status == 408 || status == 429) {
                return new Unavailable("workflow-service answered HTTP " + status);
            }
            if (status != 200) {
                return new NotAttached("workflow-service answered HTTP " + status);
            }
            String served = filename(response.getHeaderString("Content-Disposition"));
            if (!filename.equals(served)) {
                // the endpoint serves the latest letter: a re-handling reply issued since is not this notice's letter
                return new NotAttached("workflow-service serves " + served + ", the notice is about " + filename);
            }
            String length = response.getHeaderString("Content-Length");
            if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > maxBytes) {
                return new NotAttached(length + " bytes");
            }
            byte[] content = response.readEntity(byte[].class);
            if (content == null || content.length == 0 || content.length > maxBytes) {
                return new NotAttached((content == null ? 0 : content.length) + " bytes");
            }
            return new Served(content);
        } catch (ProcessingException e) {
            return new Unavailable("reading the letter failed: " + e.getMessage());
        }
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
