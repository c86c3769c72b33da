package gov.suggestions.notification.event;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import gov.suggestions.notification.service.TemplateRenderer;
import gov.suggestions.notification.support.Events;
import gov.suggestions.notification.support.GreenMailResource;
import gov.suggestions.notification.support.WireMockResource;
import gov.suggestions.testsupport.CloudEventProducer;
import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Prints how many notices per second are rendered, and rendered and handed to the SMTP server end to end. No timed assertion. */
@QuarkusTest
@Tag("benchmark")
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(GreenMailResource.class)
@WithTestResource(WireMockResource.class)
class NotificationThroughputBenchmarkTest {

    private static final int EVENTS = 300;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    TemplateRenderer renderer;

    @Test
    void rendersAndMailsNotices() {
        Map<String, Object> vars = new HashMap<>();
        vars.put("recipientName", "王某某");
        vars.put("number", "20200055");
        vars.put("title", "关于加快推进政务数据共享的建议");
        vars.put("assignedOn", "2020-05-20");
        vars.put("units", List.of(
                Map.of("unitName", "深圳市政务服务数据管理局", "contacts", List.of(Map.of("name", "张某某", "mobile", "13900139000"))),
                Map.of("unitName", "深圳市发展和改革委员会", "contacts", List.of())));
        for (int i = 0; i < 2_000; i++) {
            renderer.render("deputy-assigned", TemplateRenderer.ZH_CN, vars);
        }
        int renders = 20_000;
        long start = System.nanoTime();
        for (int i = 0; i < renders; i++) {
            renderer.render("deputy-assigned", TemplateRenderer.ZH_CN, vars);
        }
        double renderSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("BENCHMARK render: %d notices in %.2f s = %.0f notices/s%n", renders, renderSeconds, renders / renderSeconds);

        String unit = Events.unit();
        String mail = "bench-" + unit + "@example.gov.cn";
        given().auth().oauth2(TestTokens.role("system").sign()).contentType(ContentType.JSON)
                .body("""
                        {"username":"bench@%s","name":"陈某某","unitCode":"%s","roles":["handler"],"email":"%s"}""".formatted(unit, unit, mail))
                .when().post("/api/v1/staff-recipients").then().statusCode(201);
        try (CloudEventProducer producer = Events.producer(bootstrapServers)) {
            start = System.nanoTime();
            for (int i = 0; i < EVENTS; i++) {
                String suggestionId = Events.fresh();
                producer.send("cases", suggestionId, Events.fresh(), "/workflow-service", "case.distributed.v1",
                        Events.caseEvent(Events.fresh(), suggestionId, String.format("2020%04d", i), unit, "DISTRIBUTED"));
            }
        }
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> GreenMailResource.countTo(mail) >= EVENTS);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("BENCHMARK end to end: %d events consumed, %d notices stored (e-mail + inbox), %d e-mails accepted by SMTP in %.2f s"
                + " = %.1f e-mails/s (one dispatcher thread per channel, dispatch interval 1 s)%n",
                EVENTS, EVENTS * 2, EVENTS, seconds, EVENTS / seconds);
    }
}
