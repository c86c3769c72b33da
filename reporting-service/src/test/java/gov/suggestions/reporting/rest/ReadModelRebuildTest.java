package gov.suggestions.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import gov.suggestions.reporting.repository.InboxEventRepository;
import gov.suggestions.reporting.support.EventFeed;
import gov.suggestions.reporting.support.EventFeed.CaseRef;
import gov.suggestions.reporting.support.Scenario;
import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.log.LogDetail;
import io.restassured.response.Response;

/** The operator's rebuild replays the topics into fresh tables and gives the same figures as the live read model. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class ReadModelRebuildTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    InboxEventRepository inbox;

    @Inject
    EntityManager em;

    @Test
    void aRebuildRestoresDamagedRowsAndGivesTheSameFigures() {
        String body = Scenario.code("npc");
        String unit = Scenario.code("ua");
        CaseRef lead;
        Scenario.Suggestion first;
        try (EventFeed feed = new EventFeed(bootstrapServers)) {
            Scenario year = new Scenario(feed, body);
            first = year.suggestion(2020, "关于数据立法的建议", List.of("数据", "立法"));
            lead = year.open(first, unit, "甲局", "LEAD", LocalDate.parse("2020-08-20"));
            CaseRef joint = year.open(first, Scenario.code("ub"), "乙局", "JOINT", LocalDate.parse("2020-06-20"));
            year.distribute(lead, "张局长");
            year.communicate(lead, "MEETING", "2020-06-05T02:00:00Z");
            year.returnDraft(lead);
            year.reply(lead, "B", LocalDate.parse("2020-08-25"), LocalDate.parse("2020-08-20"), 1);
            year.evaluate(lead, "UNSATISFIED");
            year.rehandle(lead, LocalDate.parse("2020-10-25"));
            year.reply(lead, "A", LocalDate.parse("2020-10-10"), LocalDate.parse("2020-10-25"), 2);
            year.evaluate(lead, "SATISFIED");
            year.sendOpinion(joint, LocalDate.parse("2020-06-18"), LocalDate.parse("2020-06-20"));
            Scenario.Suggestion second = year.suggestion(2020, "关于区块链的建议", List.of("区块链"));
            CaseRef sole = year.open(second, unit, "甲局", "SOLE", LocalDate.parse("2020-08-20"));
            year.communicate(sole, "PHONE", "2020-07-01T02:00:00Z");
            year.reply(sole, "C", LocalDate.parse("2020-08-01"), LocalDate.parse("2020-08-20"), 1);
            year.suggestion(2020, "尚未交办的建议", List.of());
            // a redelivered event and a poison message are on the topics too
            String replay = UUID.randomUUID().toString();
            String meeting = EventFeed.golden("case.communication-recorded.v1").put("caseId", sole.caseId().toString())
                    .put("suggestionId", second.id().toString()).put("number", second.number()).put("unitCode", unit).put("role", "SOLE")
                    .put("congressBody", body).put("kind", "VISIT").put("communicatedAt", "2020-07-02T02:00:00Z").toString();
            feed.sendRaw("cases", second.id().toString(), replay, "/workflow-service", "case.communication-recorded.v1", meeting);
            feed.sendRaw("cases", second.id().toString(), replay, "/workflow-service", "case.communication-recorded.v1", meeting);
            feed.sendRaw("cases", second.id().toString(), UUID.randomUUID().toString(), "/workflow-service", "case.replied.v1", "not json");
            // notification-service told the deputy of the reply
            String told = feed.send("notifications", "/notification-service", "notification.sent.v1", first.id(),
                    EventFeed.golden("notification.sent.v1").put("suggestionId", first.id().toString()).put("caseId", lead.caseId().toString())
                            .put("congressBody", body).put("unitCode", unit).put("sourceEventType", "case.replied.v1")
                            .put("recipientKind", "DEPUTY").put("sentAt", "2020-10-10T03:00:00Z"));
            year.awaitRead(inbox);
            await().atMost(Duration.ofSeconds(30)).until(() -> inboxHas(replay) && inboxHas(told));
        }
        String office = TestTokens.role("congress-office").congressBody(body).sign();
        String before = figures(office);
        String ledgerBefore = ledger(office);
        String summaryBefore = summary(office, unit);
        assertTrue(summaryBefore.contains("共办理市人大代表建议2件"), summaryBefore);
        assertTrue(before.contains("\"VISIT\":1"), before);
        assertTrue(ledgerBefore.contains("\"deputyNotifiedOfReplyAt\":\"2020-10-10T11:00:00+08:00\""), ledgerBefore);

        // damage the live read model: a case loses its reply, a suggestion row disappears
        UUID leadCase = lead.caseId();
        UUID firstId = first.id();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("UPDATE report_case SET state = 'ASSIGNED', replied_on = NULL, evaluation_result = NULL WHERE id = :id")
                    .setParameter("id", leadCase).executeUpdate();
            em.createNativeQuery("DELETE FROM report_suggestion WHERE id = :id").setParameter("id", firstId).executeUpdate();
            em.createNativeQuery("DELETE FROM report_notice WHERE suggestion_id = :id").setParameter("id", firstId).executeUpdate();
        });
        assertNotEquals(before, figures(office));

        String location = rebuild();
        Response job = awaitFinished(location);
        assertEquals("SUCCEEDED", job.path("state"), job.asString());
        long toRead = ((Number) job.path("eventsToRead")).longValue();
        long read = ((Number) job.path("eventsRead")).longValue();
        assertTrue(read >= toRead && toRead >= 20, job.asString());
        assertTrue(((Number) job.path("eventsSkipped")).longValue() >= 1, "the poison message is skipped: " + job.asString());
        assertEquals(1.0f, ((Number) job.path("progress")).floatValue());

        assertEquals(before, figures(office), "the rebuilt read model gives the figures the events say");
        assertEquals(ledgerBefore, ledger(office));
        assertEquals(summaryBefore, summary(office, unit), "the annual summary's projected tables are rebuilt too");
        // the read-model tables were replaced, with their keys and indexes under the same names
        @SuppressWarnings("unchecked")
        List<String> indexes = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename IN ('report_case', 'inbox_event') ORDER BY 1")
                .getResultList());
        assertTrue(indexes.containsAll(List.of("ix_report_case_body", "ix_report_case_suggestion", "ix_report_case_unit", "pk_inbox_event",
                "pk_report_case")), indexes.toString());

        // the live consumers go on into the new tables
        try (EventFeed feed = new EventFeed(bootstrapServers)) {
            String late = feed.caseEvent("case.evaluated.v1", lead, Map.of("state", "EVALUATED", "result", "BASICALLY_SATISFIED", "round", 2));
            await().atMost(Duration.ofSeconds(30)).until(() -> inboxHas(late));
        }
        given().auth().oauth2(office).when().get("/api/v1/statistics")
                .then().log().ifValidationFails(LogDetail.ALL).statusCode(200)
                .body("total.counts.basicallySatisfied", equalTo(1)).body("total.counts.satisfied", equalTo(0));
    }

    @Test
    void oneRebuildAtATimeAndAnAbandonedOneMakesWay() {
        UUID stale = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO read_model_rebuild (id, state, requested_by, requested_at, heartbeat_at)
                VALUES (:id, 'RUNNING', 'ops', now(), now())""").setParameter("id", stale).executeUpdate());
        given().auth().oauth2(TestTokens.role("system").sign()).when().post("/api/v1/read-model/rebuilds")
                .then().log().ifValidationFails(LogDetail.ALL).statusCode(409)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString(stale.toString()));
        // its replica stopped: no heartbeat for longer than reporting.rebuild.abandoned-after
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE read_model_rebuild SET heartbeat_at = :at WHERE id = :id").setParameter("id", stale)
                .setParameter("at", Instant.now().minus(Duration.ofMinutes(10))).executeUpdate());
        // who started it is kept to its documented length
        String location = given().auth().oauth2(TestTokens.role("system").subject("ops-" + "x".repeat(300)).sign())
                .when().post("/api/v1/read-model/rebuilds").then().statusCode(202).extract().header("Location");
        Response finished = awaitFinished(location);
        assertEquals("SUCCEEDED", finished.path("state"));
        assertEquals("ops-" + "x".repeat(196), finished.path("requestedBy"));
        given().auth().oauth2(TestTokens.role("system").sign()).when().get("/api/v1/read-model/rebuilds/" + stale)
                .then().statusCode(200).body("state", equalTo("FAILED")).body("error", startsWith("abandoned"));
    }

    @Test
    void onlyTheSystemRoleMayRebuild() {
        given().auth().oauth2(TestTokens.role("congress-office").congressBody("shenzhen-npc").sign()).when().post("/api/v1/read-model/rebuilds")
                .then().statusCode(403);
        given().when().post("/api/v1/read-model/rebuilds").then().statusCode(401);
        given().auth().oauth2(TestTokens.role("system").sign()).when().get("/api/v1/read-model/rebuilds/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    private String rebuild() {
        return given().auth().oauth2(TestTokens.role("system").sign()).when().post("/api/v1/read-model/rebuilds")
                .then().log().ifValidationFails(LogDetail.ALL).statusCode(202)
                .body("state", equalTo("RUNNING"))
                // a path on this service, of the documented length
                .header("Location", org.hamcrest.Matchers.matchesPattern("/api/v1/read-model/rebuilds/[0-9a-f-]{36}"))
                .extract().header("Location");
    }

    static Response awaitFinished(String location) {
        return awaitFinished(location, 120);
    }

    static Response awaitFinished(String location, int seconds) {
        String system = TestTokens.role("system").sign();
        await().atMost(Duration.ofSeconds(seconds)).pollInterval(Duration.ofMillis(300)).until(() -> {
            String state = given().auth().oauth2(system).when().get(location).then().statusCode(200).extract().path("state");
            return "SUCCEEDED".equals(state) || "FAILED".equals(state);
        });
        return given().auth().oauth2(system).when().get(location).then().extract().response();
    }

    private boolean inboxHas(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> inbox.count("key.eventId", eventId)) >= 1;
    }

    private static String figures(String token) {
        return given().auth().oauth2(token).when().get("/api/v1/statistics?groupBy=ROLE")
                .then().log().ifValidationFails(LogDetail.ALL).statusCode(200).extract().asString();
    }

    private static String summary(String token, String unit) {
        return given().auth().oauth2(token).accept("text/markdown").when().get("/api/v1/annual-summaries/" + unit + "/2020")
                .then().log().ifValidationFails(LogDetail.ALL).statusCode(200).extract().asString();
    }

    private static String ledger(String token) {
        return given().auth().oauth2(token).when().get("/api/v1/ledger?size=200")
                .then().log().ifValidationFails(LogDetail.ALL).statusCode(200).extract().asString();
    }
}
