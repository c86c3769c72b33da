package gov.suggestions.notification.rest;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import gov.suggestions.notification.service.WorkflowLetters;

/** workflow-service's reply letter endpoint (the latest issued letter of a case, .docx). */
@RegisterRestClient(configKey = "workflow-service")
@Path("/api/v1/cases")
public interface WorkflowLettersClient {

    @GET
    @Path("{id}/reply-letter")
    @Produces(WorkflowLetters.DOCX)
    Response replyLetter(@HeaderParam("Authorization") String authorization, @PathParam("id") UUID caseId);
}
