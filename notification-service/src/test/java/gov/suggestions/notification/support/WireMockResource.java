package gov.suggestions.notification.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** An in-process HTTP server standing in for the SMS gateway, workflow-service (reply letters) and webhook receivers. */
public class WireMockResource implements QuarkusTestResourceLifecycleManager {

    private static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        // any number not stubbed otherwise by a test is accepted
        server.stubFor(post(urlEqualTo("/sms/send")).atPriority(10)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"code\":\"OK\"}")));
        return Map.of("quarkus.rest-client.sms-gateway.url", server.baseUrl(),
                "quarkus.rest-client.workflow-service.url", server.baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    public static WireMockServer server() {
        return server;
    }
}
