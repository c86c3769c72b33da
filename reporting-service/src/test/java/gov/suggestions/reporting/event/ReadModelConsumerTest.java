package gov.suggestions.reporting.event;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import gov.suggestions.reporting.domain.ReportCase;
import gov.suggestions.reporting.domain.ReportSuggestion;
import gov.suggestions.reporting.repository.InboxEventRepository;
import gov.suggestions.reporting.repository.ReportCaseRepository;
import gov.suggestions.reporting.repository.ReportSuggestionRepository;
import gov.suggestions.reporting.support.EventFeed;
import gov.suggestions.reporting.support.EventFeed.CaseRef;
import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.testsupport.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Events in the publishers' golden shapes, through the real broker, become the read model. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class ReadModelConsumerTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ReportSuggestionRepository suggestions;

    @Inject
    ReportCaseRepository cases;

    @Inject
    InboxEventRepository inbox;

    EventFeed feed;

    @BeforeEach
    void open() {
        feed = new EventFeed(bootstrapServers);
    }

    @AfterEach
    void close() {
        feed.close();
    }

    @Test
    void aSuggestionAndItsCasesAreProjectedWithTheFiguresTheReportsNeed() {
        UUID sid = UUID.randomUUID();
        String number = "2020" + (System.nanoTime() % 100000);
        feed.suggestion("suggestion.submitted.v1", sid, Map.of("number", number, "term", 6, "session", 8, "year", 2020));
        feed.suggestion("suggestion.assigned.v1", sid, Map.of("number", number, "assignedOn", "2020-05-20",
                "supervisionLevel", "GOVERNMENT_KEY", "topics", List.of("数据立法", "区块链"),
                "units", List.of(EventFeed.unit("sz-zsj", "深圳市政务服务数据管理局", "LEAD", LocalDate.parse("2020-08-20")),
                        EventFeed.unit("sz-fgw", "深圳市发展和改革委员会", "JOINT", LocalDate.parse("2020-06-20")))));
        CaseRef lead = new CaseRef(UUID.randomUUID(), sid, "shenzhen-npc", number, "sz-zsj", "LEAD");
        CaseRef joint = new CaseRef(UUID.randomUUID(), sid, "shenzhen-npc", number, "sz-fgw", "JOINT");
        feed.caseEvent("case.opened.v1", lead, Map.of("state", "ASSIGNED", "assignedOn", "2020-05-20", "dueOn", "2020-08-20"));
        feed.caseEvent("case.opened.v1", joint, Map.of("state", "ASSIGNED", "assignedOn", "2020-05-20", "dueOn", "2020-06-20",
                "unitName", "深圳市发展和改革委员会"));
        feed.caseEvent("case.distributed.v1", lead, Map.of("state", "DISTRIBUTED"));
        feed.caseEvent("case.communication-recorded.v1", lead, Map.of("kind", "PHONE", "communicatedAt", "2020-06-01T02:00:00Z"));
        // the same communication delivered twice counts once
        ObjectNode meeting = EventFeed.golden("case.communication-recorded.v1");
        meeting.put("caseId", lead.caseId().toString()).put("suggestionId", sid.toString()).put("number", number)
                .put("role", "LEAD").put("kind", "MEETING").put("communicatedAt", "2020-06-05T02:00:00Z");
        String meetingId = UUID.randomUUID().toString();
        feed.sendRaw("cases", sid.toString(), meetingId, "/workflow-service", "case.communication-recorded.v1", meeting.toString());
        feed.sendRaw("cases", sid.toString(), meetingId, "/workflow-service", "case.communication-recorded.v1", meeting.toString());
        feed.caseEvent("case.review-decided.v1", lead, Map.of("decision", "RETURN"));
        feed.caseEvent("case.opinion-sent.v1", joint, Map.of("state", "OPINION_SENT", "sentOn", "2020-06-18", "dueOn", "2020-06-20", "onTime", true));
        feed.caseEvent("case.replied.v1", lead, Map.of("state", "REPLIED", "category", "B", "issuedOn", "2020-08-25",
                "occurredAt", "2020-08-25T02:00:00Z", "dueOn", "2020-08-20", "onTime", false));
        feed.caseEvent("case.evaluated.v1", lead, Map.of("result", "UNSATISFIED"));
        feed.caseEvent("case.rehandling-started.v1", lead, Map.of("round", 2, "dueOn", "2020-10-25"));
        feed.caseEvent("case.replied.v1", lead, Map.of("state", "REPLIED", "category", "A", "issuedOn", "2020-10-10",
                "dueOn", "2020-10-25", "onTime", true, "round", 2));
        String last = feed.caseEvent("case.evaluated.v1", lead, Map.of("result", "SATISFIED", "round", 2));

        await().atMost(Duration.ofSeconds(30)).until(() -> processed(last));
        ReportSuggestion s = QuarkusTransaction.requiringNew().call(() -> suggestions.findById(sid));
        assertEquals(number, s.number);
        assertEquals(6, s.term);
        assertEquals(8, s.session);
        assertEquals(2020, s.year);
        assertEquals("GOVERNMENT_KEY", s.supervisionLevel);
        assertEquals("数据立法、区块链", s.topics);
        assertEquals("王某某", s.leadDeputyName);
        assertEquals(LocalDate.parse("2020-05-20"), s.assignedOn);

        ReportCase c = QuarkusTransaction.requiringNew().call(() -> cases.findById(lead.caseId()));
        assertEquals("EVALUATED", c.state);
        assertEquals(LocalDate.parse("2020-10-25"), c.replyDue);
        assertEquals(LocalDate.parse("2020-08-25"), c.repliedOn, "the first reply counts for timeliness");
        assertFalse(c.replyOnTime);
        assertEquals("A", c.resultCategory, "the latest reply's category");
        assertEquals("SATISFIED", c.evaluationResult, "the latest evaluation");
        assertTrue(c.rehandled);
        assertTrue(c.leaderLed);
        assertEquals(1, c.phoneCount);
        assertEquals(1, c.meetingCount, "a redelivered event is applied once");
        assertEquals(1, c.returnedDrafts);
        assertNotNull(c.firstFaceToFaceAt);

        ReportCase j = QuarkusTransaction.requiringNew().call(() -> cases.findById(joint.caseId()));
        assertEquals("OPINION_SENT", j.state);
        assertEquals(LocalDate.parse("2020-06-20"), j.jointOpinionDue);
        assertEquals(LocalDate.parse("2020-06-18"), j.opinionSentOn);
        assertTrue(j.opinionOnTime);
    }

    @Test
    void anApprovedExtensionMovesTheDeadlineInForce() {
        UUID sid = UUID.randomUUID();
        String number = "2020" + (System.nanoTime() % 100000);
        CaseRef sole = new CaseRef(UUID.randomUUID(), sid, "shenzhen-npc", number, "sz-zsj", "SOLE");
        feed.caseEvent("case.opened.v1", sole, Map.of("state", "ASSIGNED", "assignedOn", "2020-05-20", "dueOn", "2020-08-20"));
        String last = feed.caseEvent("case.deadline-extended.v1", sole, Map.of("state", "DRAFTING", "previousDueOn", "2020-08-20",
                "dueOn", "2020-09-20"));

        await().atMost(Duration.ofSeconds(30)).until(() -> processed(last));
        ReportCase c = QuarkusTransaction.requiringNew().call(() -> cases.findById(sole.caseId()));
        assertEquals(LocalDate.parse("2020-09-20"), c.replyDue);
        assertEquals("DRAFTING", c.state);
    }

    @Test
    void poisonMessagesGoToTheDeadLetterTopicsAndConsumptionGoesOn() {
        String key = UUID.randomUUID().toString();
        feed.sendRaw("cases", key, UUID.randomUUID().toString(), "/workflow-service", "case.replied.v1", "not json");
        feed.sendRaw("cases", key, UUID.randomUUID().toString(), "/workflow-service", "case.replied.v1", "{\"caseId\":\"" + key + "\"}");
        feed.sendRaw("suggestions", key, null, null, null, "{}");
        UUID good = UUID.randomUUID();
        String id = feed.suggestion("suggestion.submitted.v1", good, Map.of());
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(id));

        List<ConsumerRecord<String, String>> deadCases = TopicReader.readUntil(bootstrapServers, "reporting-service.cases.dlq",
                r -> r.stream().filter(x -> key.equals(x.key())).count() >= 2, Duration.ofSeconds(30));
        List<String> reasons = deadCases.stream().filter(r -> key.equals(r.key())).map(r -> TopicReader.header(r, "dead-letter-reason")).toList();
        assertEquals(2, reasons.size(), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.contains("not valid")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.contains("lacks suggestionId")), reasons.toString());
        List<ConsumerRecord<String, String>> deadSuggestions = TopicReader.readUntil(bootstrapServers, "reporting-service.suggestions.dlq",
                r -> r.stream().anyMatch(x -> key.equals(x.key())), Duration.ofSeconds(30));
        assertTrue(deadSuggestions.stream().filter(r -> key.equals(r.key()))
                .anyMatch(r -> TopicReader.header(r, "dead-letter-reason").contains("ce_id")));
    }

    @Test
    void eventsOutsideTheRangesTheReportsDocumentAreDeadLettered() {
        // the suggestion-service accepts years 1949–2100 and terms and sessions 1–99; the ledger documents the same bounds
        UUID oldYear = UUID.randomUUID();
        UUID badSession = UUID.randomUUID();
        feed.suggestion("suggestion.submitted.v1", oldYear, Map.of("year", 1800));
        feed.suggestion("suggestion.submitted.v1", badSession, Map.of("session", 100));
        CaseRef early = new CaseRef(UUID.randomUUID(), UUID.randomUUID(), "shenzhen-npc", "20200099", "sz-early", "LEAD");
        feed.caseEvent("case.opened.v1", early, Map.of("state", "ASSIGNED", "assignedOn", "1800-05-20"));
        UUID good = UUID.randomUUID();
        String id = feed.suggestion("suggestion.submitted.v1", good, Map.of("year", 2100, "term", 99, "session", 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(id));

        List<ConsumerRecord<String, String>> deadSuggestions = TopicReader.readUntil(bootstrapServers, "reporting-service.suggestions.dlq",
                r -> r.stream().filter(x -> oldYear.toString().equals(x.key()) || badSession.toString().equals(x.key())).count() >= 2,
                Duration.ofSeconds(30));
        assertTrue(deadSuggestions.stream().filter(r -> oldYear.toString().equals(r.key()))
                .anyMatch(r -> TopicReader.header(r, "dead-letter-reason").contains("year out of range")));
        assertTrue(deadSuggestions.stream().filter(r -> badSession.toString().equals(r.key()))
                .anyMatch(r -> TopicReader.header(r, "dead-letter-reason").contains("session out of range")));
        List<ConsumerRecord<String, String>> deadCases = TopicReader.readUntil(bootstrapServers, "reporting-service.cases.dlq",
                r -> r.stream().anyMatch(x -> early.suggestionId().toString().equals(x.key())), Duration.ofSeconds(30));
        assertTrue(deadCases.stream().filter(r -> early.suggestionId().toString().equals(r.key()))
                .anyMatch(r -> TopicReader.header(r, "dead-letter-reason").contains("assignedOn out of range")));
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(null, suggestions.findById(oldYear));
            assertEquals(null, suggestions.findById(badSession));
            assertEquals(null, cases.findById(early.caseId()));
            assertEquals(2100, suggestions.findById(good).year);
        });
    }

    @Test
    void casesReassignedAwayWithdrawnSuggestionsAndUnknownTypesLeaveTheFiguresAlone() {
        String body = gov.suggestions.reporting.support.Scenario.code("npc");
        String unit = gov.suggestions.reporting.support.Scenario.code("ux");
        gov.suggestions.reporting.support.Scenario year = new gov.suggestions.reporting.support.Scenario(feed, body);
        var kept = year.suggestion(2020, "保留的建议", List.of("数据"));
        year.open(kept, unit, "丙局", "SOLE", LocalDate.parse("2020-08-20"));
        var moved = year.suggestion(2020, "改办的建议", List.of("数据"));
        CaseRef away = year.open(moved, unit, "丙局", "JOINT", LocalDate.parse("2020-06-20"));
        year.awaitRead(inbox);
        String closed = feed.caseEvent("case.closed.v1", new CaseRef(away.caseId(), moved.id(), body, moved.number(), unit, "JOINT"),
                Map.of("state", "CLOSED_BY_REASSIGNMENT"));
        UUID withdrawnId = UUID.randomUUID();
        String submitted = feed.suggestion("suggestion.submitted.v1", withdrawnId, Map.of("congressBody", body, "number", "20209999", "year", 2020));
        String withdrawn = feed.suggestion("suggestion.withdrawn.v1", withdrawnId, Map.of("congressBody", body, "number", "20209999"));
        String unknown = UUID.randomUUID().toString();
        feed.sendRaw("suggestions", withdrawnId.toString(), unknown, "/suggestion-service", "suggestion.something-new.v7", "{\"any\":1}");
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(closed) && processed(submitted) && processed(withdrawn) && processed(unknown));

        assertTrue(QuarkusTransaction.requiringNew().call(() -> suggestions.findById(withdrawnId)).withdrawn);
        io.restassured.RestAssured.given().auth().oauth2(gov.suggestions.testsupport.TestTokens.role("congress-office").congressBody(body).sign())
                .when().get("/api/v1/statistics")
                .then().statusCode(200)
                .body("total.counts.cases", org.hamcrest.Matchers.equalTo(1))
                .body("total.counts.jointCases", org.hamcrest.Matchers.equalTo(0));
        io.restassured.RestAssured.given().auth().oauth2(gov.suggestions.testsupport.TestTokens.role("congress-office").congressBody(body).sign())
                .when().get("/api/v1/ledger")
                .then().statusCode(200).body("total", org.hamcrest.Matchers.equalTo(3))
                .body("items.find { it.number == '20209999' }.withdrawn", org.hamcrest.Matchers.equalTo(true));
    }

    private boolean processed(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> inbox.count("key.eventId", eventId)) == 1;
    }
}
