package gov.suggestions.workflow.event;

import static gov.suggestions.workflow.support.CaseDriver.*;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.testsupport.TopicReader;
import gov.suggestions.workflow.support.CaseDriver;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Pins the shape of every case.* event as actually published: each field of the golden file
 * (src/test/resources/events/&lt;type&gt;.json) must be there with the same JSON type, and no
 * other field. A change here is a breaking change for consumers and needs a v2.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class CaseEventsGoldenTest {

    private static final List<String> TYPES = List.of("case.opened.v1", "case.distributed.v1", "case.communication-recorded.v1",
            "case.draft-submitted.v1", "case.review-decided.v1", "case.replied.v1", "case.evaluated.v1", "case.rehandling-started.v1",
            "case.opinion-sent.v1", "case.concluded.v1", "case.closed.v1", "case.deadline-approaching.v1", "case.overdue.v1",
            "case.chased.v1", "case.commitment-updated.v1", "case.deadline-extended.v1", "case.evaluation-reminder.v1",
            "case.evaluation-window-closed.v1");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    gov.suggestions.workflow.service.Supervision supervision;

    @Inject
    gov.suggestions.workflow.support.SettableClock clock;

    @Test
    void everyPublishedCaseEventMatchesItsGoldenFile() throws IOException {
        String suggestion = UUID.randomUUID().toString();
        String sole = unitCode();
        String joint = unitCode();
        String removed = unitCode();
        String unevaluated = unitCode();
        try (CaseDriver driver = new CaseDriver(bootstrapServers)) {
            driver.assign(suggestion, "ORDINARY", List.of(CaseDriver.unit(sole, "SOLE", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusMonths(3)),
                    CaseDriver.unit(joint, "JOINT", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusMonths(1)),
                    CaseDriver.unit(removed, "JOINT", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusMonths(1)),
                    CaseDriver.unit(unevaluated, "SEPARATE", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusMonths(3))));
            awaitCase(suggestion, removed);
            driver.reassign(suggestion, List.of("{\"unitCode\":\"" + removed + "\",\"role\":\"JOINT\"}"), List.of(), List.of());
        }
        String soleCase = awaitCase(suggestion, sole);
        toReplied(soleCase, sole);
        String commitment = given().auth().oauth2(handler(sole)).when().get("/api/v1/cases/" + soleCase + "/commitments")
                .then().statusCode(200).extract().path("[0].id");
        given().auth().oauth2(handler(sole)).contentType("application/json").body(Map.of("note", "已完成招标", "fulfilled", true))
                .when().post("/api/v1/cases/" + soleCase + "/commitments/" + commitment + "/progress").then().statusCode(201);
        act(soleCase, deputy(DEPUTY), "evaluation", Map.of("result", "UNSATISFIED", "comments", "措施不具体")).statusCode(200);
        // re-handling owes a new reply: the unit asks for more time and the congress office agrees
        String extension = given().auth().oauth2(office(sole)).contentType("application/json")
                .body(Map.of("requestedDueOn", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusMonths(2).toString(), "reason", "需等待平台升级"))
                .when().post("/api/v1/cases/" + soleCase + "/extension-requests").then().statusCode(201).extract().path("id");
        given().auth().oauth2(gov.suggestions.testsupport.TestTokens.role("congress-office").congressBody("shenzhen-npc").sign())
                .contentType("application/json").body(Map.of("decision", "APPROVE", "comment", "同意延期"))
                .when().post("/api/v1/cases/" + soleCase + "/extension-requests/" + extension + "/decision").then().statusCode(200);
        // a reply the deputy never evaluates: reminded before the window closes, then recorded as not evaluated
        toReplied(awaitCase(suggestion, unevaluated), unevaluated);
        String jointCase = awaitCase(suggestion, joint);
        act(jointCase, office(joint), "distribution", DISTRIBUTION).statusCode(200);
        given().auth().oauth2(gov.suggestions.testsupport.TestTokens.role("gov-supervisor").sign()).contentType("application/json")
                .body(Map.of("comment", "请抓紧办理")).when().post("/api/v1/cases/" + jointCase + "/chases").then().statusCode(201);
        try {
            clock.advance(Duration.ofDays(25));
            supervision.scan();
            clock.advance(Duration.ofDays(20));
            supervision.scan();
        } finally {
            clock.reset();
        }
        act(jointCase, handler(joint), "drafts", Map.of("content", "会办意见")).statusCode(201);
        act(jointCase, handler(joint), "draft-submission", NONE).statusCode(200);
        act(jointCase, leader(joint), "review-decisions", APPROVE).statusCode(200);
        act(jointCase, leader(joint), "review-decisions", APPROVE).statusCode(200);
        act(jointCase, office(joint), "opinion", NONE).statusCode(200);
        act(jointCase, office(joint), "conclusion", Map.of("comment", "办结")).statusCode(200);

        List<ConsumerRecord<String, String>> records = TopicReader.readUntil(bootstrapServers, "cases",
                read -> firstOfEachType(read, suggestion).keySet().containsAll(TYPES), Duration.ofSeconds(30));
        Map<String, JsonNode> published = firstOfEachType(records, suggestion);
        List<String> mismatches = new ArrayList<>();
        for (String type : TYPES) {
            JsonNode actual = published.get(type);
            assertNotNull(actual, type + " was not published");
            try (InputStream in = getClass().getResourceAsStream("/events/" + type + ".json")) {
                if (in == null) {
                    Path dump = Path.of("target", "events", type + ".json");
                    Files.createDirectories(dump.getParent());
                    Files.writeString(dump, objectMapper.writerWithDefaultPrettyPrinter().writeValueAsString(actual));
                    mismatches.add(type + ": no golden file (published data written to " + dump + ")");
                    continue;
                }
                JsonNode golden = objectMapper.readTree(in);
                compare(type, "", golden, actual, mismatches);
            }
        }
        assertTrue(mismatches.isEmpty(), String.join("\n", mismatches));
        assertEquals(suggestion, published.get("case.opened.v1").path("suggestionId").asText());
        // the reply's commitments as issued, for reporting's annual summary
        JsonNode replied = published.get("case.replied.v1");
        assertEquals(1, replied.path("commitmentCount").asInt());
        assertEquals("年内上线共享平台二期", replied.path("commitments").path(0).path("measure").asText());
        assertEquals("数据资源处", replied.path("commitments").path(0).path("owner").asText());
        assertEquals("2020-12-31", replied.path("commitments").path(0).path("targetDate").asText());
        assertEquals(1, published.get("case.communication-recorded.v1").path("sharedCaseCount").asInt());
    }

    private Map<String, JsonNode> firstOfEachType(List<ConsumerRecord<String, String>> records, String suggestion) {
        Map<String, JsonNode> first = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            if (suggestion.equals(record.key())) {
                try {
                    first.putIfAbsent(TopicReader.header(record, "ce_type"), objectMapper.readTree(record.value()));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return first;
    }

    /** Same field names at every level (array elements too); same JSON type wherever both sides carry a value. */
    private static void compare(String type, String path, JsonNode golden, JsonNode actual, List<String> mismatches) {
        if (golden.isObject() && actual.isObject()) {
            TreeSet<String> expected = new TreeSet<>();
            golden.fieldNames().forEachRemaining(expected::add);
            TreeSet<String> got = new TreeSet<>();
            actual.fieldNames().forEachRemaining(got::add);
            if (!expected.equals(got)) {
                mismatches.add(type + path + ": fields " + got + " instead of " + expected);
                return;
            }
            for (Iterator<String> it = expected.iterator(); it.hasNext();) {
                String field = it.next();
                compare(type, path + "." + field, golden.get(field), actual.get(field), mismatches);
            }
        } else if (golden.isArray() && actual.isArray()) {
            // the elements' shape: the golden file's first element against each published one
            if (!golden.isEmpty()) {
                for (int i = 0; i < actual.size(); i++) {
                    compare(type, path + "[" + i + "]", golden.get(0), actual.get(i), mismatches);
                }
            }
        } else if (!golden.isNull() && !actual.isNull() && golden.getNodeType() != actual.getNodeType()) {
            mismatches.add(type + path + ": " + actual.getNodeType() + " instead of " + golden.getNodeType());
        }
    }
}
