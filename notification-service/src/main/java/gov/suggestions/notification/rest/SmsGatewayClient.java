package gov.suggestions.notification.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import gov.suggestions.notification.service.SmsGateway.SmsRequest;

/** The HTTP SMS gateway's send endpoint. */
@RegisterRestClient(configKey = "sms-gateway")
@Path("/sms/send")
public interface SmsGatewayClient {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    String send(@HeaderParam("Authorization") String authorization, SmsRequest request);
}
