package gov.suggestions.reporting.event;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import gov.suggestions.reporting.repository.InboxEventRepository;
import gov.suggestions.reporting.support.EventFeed;
import gov.suggestions.reporting.support.EventFeed.CaseRef;
import gov.suggestions.reporting.support.Scenario;
import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.testsupport.TestTokens;
import gov.suggestions.testsupport.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.log.LogDetail;

/** notification.sent.v1 / .failed.v1 in notification-service's golden shapes become what the ledger shows about notices. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class NoticeConsumerTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    InboxEventRepository inbox;

    @Test
    void theLedgerShowsWhenTheDeputyWasToldOfTheReplyAndWhichNoticesFailed() {
        String body = Scenario.code("npc");
        String unit = Scenario.code("un");
        try (EventFeed feed = new EventFeed(bootstrapServers)) {
            Scenario year = new Scenario(feed, body);
            Scenario.Suggestion replied = year.suggestion(2020, "已答复的建议", List.of("数据"));
            CaseRef lead = year.open(replied, unit, "甲局", "LEAD", LocalDate.parse("2020-08-20"));
            year.reply(lead, "A", LocalDate.parse("2020-08-01"), LocalDate.parse("2020-08-20"), 1);
            Scenario.Suggestion waiting = year.suggestion(2020, "未交办的建议", List.of());
            year.awaitRead(inbox);

            // the SMS failed, the in-app notice reached the deputy later; the same sent event arrives twice
            String failedSms = notice(feed, "notification.failed.v1", lead, replied.id(), "case.replied.v1", "DEPUTY", "SMS",
                    "failedAt", "2020-08-01T03:00:00Z");
            ObjectNode inApp = data("notification.sent.v1", lead, replied.id(), body, "case.replied.v1", "DEPUTY", "INBOX")
                    .put("sentAt", "2020-08-01T04:30:00Z");
            String sentId = UUID.randomUUID().toString();
            feed.sendRaw("notifications", replied.id().toString(), sentId, "/notification-service", "notification.sent.v1", inApp.toString());
            feed.sendRaw("notifications", replied.id().toString(), sentId, "/notification-service", "notification.sent.v1", inApp.toString());
            // a notice to staff about the case and one to the deputy about the suggestion as a whole that failed
            String staff = notice(feed, "notification.sent.v1", lead, replied.id(), "case.opened.v1", "STAFF", "EMAIL", "sentAt", "2020-05-20T02:00:00Z");
            String assignment = notice(feed, "notification.failed.v1", null, waiting.id(), "suggestion.assigned.v1", "DEPUTY", "SMS",
                    "failedAt", "2020-05-20T03:10:00Z");
            // poison: not JSON, and a notice without its recipient kind
            String key = waiting.id().toString();
            feed.sendRaw("notifications", key, UUID.randomUUID().toString(), "/notification-service", "notification.sent.v1", "{oops");
            ObjectNode noKind = data("notification.sent.v1", null, waiting.id(), body, "suggestion.assigned.v1", "DEPUTY", "SMS");
            noKind.remove("recipientKind");
            feed.sendRaw("notifications", key, UUID.randomUUID().toString(), "/notification-service", "notification.sent.v1", noKind.toString());
            await().atMost(Duration.ofSeconds(30)).until(() -> processed(failedSms) && processed(sentId) && processed(staff) && processed(assignment));

            List<ConsumerRecord<String, String>> dead = TopicReader.readUntil(bootstrapServers, "reporting-service.notifications.dlq",
                    r -> r.stream().filter(x -> key.equals(x.key())).count() >= 2, Duration.ofSeconds(30));
            List<String> reasons = dead.stream().filter(r -> key.equals(r.key())).map(r -> TopicReader.header(r, "dead-letter-reason")).toList();
            assertTrue(reasons.stream().anyMatch(r -> r.contains("not valid")), reasons.toString());
            assertTrue(reasons.stream().anyMatch(r -> r.contains("lacks recipientKind")), reasons.toString());
        }

        String office = TestTokens.role("congress-office").congressBody(body).sign();
        given().auth().oauth2(office).when().get("/api/v1/ledger")
                .then().log().ifValidationFails(LogDetail.ALL).statusCode(200)
                .body("total", equalTo(2))
                .body("items.find { it.title == '已答复的建议' }.deputyNotifiedOfReplyAt", equalTo("2020-08-01T12:30:00+08:00"))
                .body("items.find { it.title == '已答复的建议' }.failedNotices", equalTo(1))
                .body("items.find { it.title == '未交办的建议' }.deputyNotifiedOfReplyAt", nullValue())
                .body("items.find { it.title == '未交办的建议' }.failedNotices", equalTo(1));
        // a unit sees the notices of its own cases only
        given().auth().oauth2(TestTokens.role("unit-office").unit(unit).sign()).when().get("/api/v1/ledger")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].failedNotices", equalTo(1));
    }

    private String notice(EventFeed feed, String type, CaseRef ref, UUID suggestionId, String sourceType, String recipientKind,
            String channel, String timeField, String at) {
        String body = ref == null ? "shenzhen-npc" : ref.congressBody();
        ObjectNode data = data(type, ref, suggestionId, body, sourceType, recipientKind, channel).put(timeField, at);
        return feed.send("notifications", "/notification-service", type, suggestionId, data);
    }

    private static ObjectNode data(String type, CaseRef ref, UUID suggestionId, String body, String sourceType, String recipientKind,
            String channel) {
        ObjectNode data = EventFeed.golden(type);
        data.put("notificationId", UUID.randomUUID().toString()).put("sourceEventId", UUID.randomUUID().toString())
                .put("sourceEventType", sourceType).put("suggestionId", suggestionId.toString()).put("congressBody", body)
                .put("recipientKind", recipientKind).put("channel", channel);
        if (ref == null) {
            data.putNull("caseId").putNull("unitCode");
        } else {
            data.put("caseId", ref.caseId().toString()).put("unitCode", ref.unitCode());
        }
        return data;
    }

    private boolean processed(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> inbox.count("key.eventId", eventId)) == 1;
    }

}
