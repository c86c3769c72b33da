package gov.suggestions.suggestion.rest;

import static gov.suggestions.suggestion.rest.SuggestionRequests.BODY;
import static gov.suggestions.suggestion.rest.SuggestionRequests.as;
import static gov.suggestions.suggestion.rest.SuggestionRequests.asDeputy;
import static gov.suggestions.suggestion.rest.SuggestionRequests.asOffice;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.testsupport.TestTokens;
import gov.suggestions.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class ReferenceDataTest {

    @Inject
    ObjectMapper objectMapper;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static String code() {
        return "u-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String unit(String code, String name) {
        return """
                { "code": "%s", "name": "%s", "unifiedSocialCreditCode": "11440300MB2C92413C" }""".formatted(code, name);
    }

    @Test
    void theOfficeCreatesUpdatesAndDeletesAUnitWithOptimisticConcurrency() {
        String code = code();
        asOffice().body(unit(code, "深圳市政务服务数据管理局")).when().post("/api/v1/units").then().statusCode(201)
                .header("ETag", "\"0\"");
        asOffice().body(unit(code, "重复")).when().post("/api/v1/units").then().statusCode(409);
        asOffice().body(unit(code, "新名称")).when().put("/api/v1/units/" + code).then().statusCode(428);
        asOffice().header("If-Match", "\"5\"").body(unit(code, "新名称")).when().put("/api/v1/units/" + code).then().statusCode(412);
        asOffice().header("If-Match", "\"0\"").body(unit(code, "新名称")).when().put("/api/v1/units/" + code).then().statusCode(200)
                .body("name", equalTo("新名称")).body("version", equalTo(1));
        as(TestTokens.role("unit-office").unit(code).sign()).when().get("/api/v1/units/" + code).then().statusCode(200);
        as(TestTokens.role("unit-office").unit(code).sign()).body(unit(code, "x")).header("If-Match", "\"1\"")
                .when().put("/api/v1/units/" + code).then().statusCode(403);
        asOffice().body(unit(code, "x").replace("11440300MB2C92413C", "bad")).when().post("/api/v1/units").then().statusCode(400);
        asOffice().header("If-Match", "\"1\"").when().delete("/api/v1/units/" + code).then().statusCode(204);
        asOffice().when().get("/api/v1/units/" + code).then().statusCode(404);
    }

    @Test
    void onlySystemsUpsertInBulkAndReSendingChangesNothingNew() {
        String a = code();
        String b = code();
        String batch = "[" + unit(a, "单位甲") + "," + unit(b, "单位乙") + "]";
        asOffice().body(batch).when().post("/api/v1/units/bulk").then().statusCode(403);
        String system = TestTokens.role("system").sign();
        as(system).body(batch).when().post("/api/v1/units/bulk").then().statusCode(200).body("created", equalTo(2)).body("updated", equalTo(0));
        as(system).body(batch).when().post("/api/v1/units/bulk").then().statusCode(200).body("created", equalTo(0)).body("updated", equalTo(2));
        asOffice().when().get("/api/v1/units/" + b).then().statusCode(200).body("name", equalTo("单位乙"));
    }

    @Test
    void congressBodyWithSessionsIsKeptByItsOwnOfficeOnly() {
        String code = code();
        String body = """
                { "code": "%s", "name": "某区政协", "kind": "CPPCC",
                  "sessions": [ { "term": 7, "session": 3, "year": 2021, "name": "第七届委员会第三次会议" } ] }""".formatted(code);
        as(TestTokens.role("congress-office").congressBody(code).sign()).body(body).when().post("/api/v1/congress-bodies")
                .then().statusCode(201);
        asOffice().body(body.replace("某区政协", "改名")).header("If-Match", "\"0\"").when().put("/api/v1/congress-bodies/" + code)
                .then().statusCode(403);
        asOffice().when().get("/api/v1/congress-bodies/" + code).then().statusCode(200)
                .body("kind", equalTo("CPPCC")).body("sessions[0].name", equalTo("第七届委员会第三次会议"));
    }

    @Test
    void deputiesContactsArePublishedKeyedByDeputyAndHiddenFromDeputies() throws Exception {
        String id = "D-" + UUID.randomUUID().toString().substring(0, 8);
        String deputy = """
                { "congressBody": "%s", "id": "%s", "name": "王某某", "delegation": "福田代表团",
                  "phone": "13800000000", "email": "wang@example.org" }""".formatted(BODY, id);
        asOffice().body(deputy).when().post("/api/v1/deputies").then().statusCode(201);
        asOffice().body(deputy.replace("13800000000", "13900000000")).header("If-Match", "\"0\"")
                .when().put("/api/v1/deputies/" + BODY + "/" + id).then().statusCode(200).body("phone", equalTo("13900000000"));
        asDeputy(id).when().get("/api/v1/deputies/" + BODY + "/" + id).then().statusCode(403);
        asOffice().queryParam("congressBody", BODY).when().get("/api/v1/deputies").then().statusCode(200);

        List<ConsumerRecord<String, String>> records = TopicReader.readUntil(bootstrapServers, "suggestions",
                read -> read.stream().filter(r -> id.equals(r.key())).count() >= 2, Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> mine = records.stream().filter(r -> id.equals(r.key())).toList();
        assertEquals(2, mine.size());
        assertTrue(mine.stream().allMatch(r -> "deputy.contact-updated.v1".equals(TopicReader.header(r, "ce_type"))));
        JsonNode first = objectMapper.readTree(mine.get(0).value());
        JsonNode second = objectMapper.readTree(mine.get(1).value());
        assertEquals("13800000000", first.get("mobile").asText());
        assertEquals("13900000000", second.get("mobile").asText());
    }
}
