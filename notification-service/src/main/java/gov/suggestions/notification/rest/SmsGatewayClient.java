package gov.suggestions.notification.service;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The HTTP SMS gateway: an approved template id, its parameters, and our id so the provider can drop a repeat. */
@RegisterRestClient(configKey = "sms-gateway")
@Path("/sms/send")
public interface SmsGateway {

    record SmsRequest(String phoneNumber, String signName, String templateId, Map<String, String> templateParams, String outId) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    String send(@HeaderParam("Authorization") String authorization, SmsRequest request);
}
