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

import gov.suggestions.suggestion.domain.Limits;
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

    private static io.restassured.specification.RequestSpecification asAdmin() {
        return as(TestTokens.role("platform-admin").sign());
    }

    @Test
    void theAdministratorCreatesUpdatesAndDeletesAUnitWithOptimisticConcurrency() {
        String code = code();
        asAdmin().body(unit(code, "深圳市政务服务数据管理局")).when().post("/api/v1/units").then().statusCode(201)
                .header("ETag", "\"0\"");
        asAdmin().body(unit(code, "重复")).when().post("/api/v1/units").then().statusCode(409);
        asAdmin().body(unit(code, "新名称")).when().put("/api/v1/units/" + code).then().statusCode(428);
        asAdmin().header("If-Match", "\"5\"").body(unit(code, "新名称")).when().put("/api/v1/units/" + code).then().statusCode(412);
        asAdmin().header("If-Match", "\"0\"").body(unit(code, "新名称")).when().put("/api/v1/units/" + code).then().statusCode(200)
                .body("name", equalTo("新名称")).body("version", equalTo(1));
        as(TestTokens.role("unit-office").unit(code).sign()).when().get("/api/v1/units/" + code).then().statusCode(200);
        as(TestTokens.role("unit-office").unit(code).sign()).body(unit(code, "x")).header("If-Match", "\"1\"")
                .when().put("/api/v1/units/" + code).then().statusCode(403);
        asAdmin().body(unit(code, "x").replace("11440300MB2C92413C", "bad")).when().post("/api/v1/units").then().statusCode(400);
        asAdmin().header("If-Match", "\"1\"").when().delete("/api/v1/units/" + code).then().statusCode(204);
        asOffice().when().get("/api/v1/units/" + code).then().statusCode(404);
    }

    @Test
    void ifMatchIsComparedStronglyAsRfc9110ReadsItAndAStaleOneAnswersWithTheCurrentTag() {
        String code = code();
        asAdmin().body(unit(code, "单位")).when().post("/api/v1/units").then().statusCode(201).header("ETag", "\"0\"");
        // a weak tag never matches, even naming the current version
        asAdmin().header("If-Match", "W/\"0\"").body(unit(code, "弱")).when().put("/api/v1/units/" + code).then().statusCode(412)
                .contentType("application/problem+json").body("type", equalTo("urn:gov-suggestions:problem:precondition-failed"))
                .header("ETag", "\"0\"");
        // a list matches when one of its tags does; "*" matches any current version; a bare number is taken as its tag
        asAdmin().header("If-Match", "\"7\", \"0\"").body(unit(code, "列表")).when().put("/api/v1/units/" + code).then().statusCode(200)
                .header("ETag", "\"1\"");
        asAdmin().header("If-Match", "*").body(unit(code, "任意")).when().put("/api/v1/units/" + code).then().statusCode(200)
                .header("ETag", "\"2\"");
        asAdmin().header("If-Match", "2").body(unit(code, "裸版本")).when().put("/api/v1/units/" + code).then().statusCode(200)
                .header("ETag", "\"3\"");
        asAdmin().header("If-Match", "\"2\"").header("Accept-Language", "en").body(unit(code, "过时")).when().put("/api/v1/units/" + code)
                .then().statusCode(412).header("ETag", "\"3\"").body("detail", equalTo("If-Match does not name the current version 3; read it again"));
        asAdmin().body(unit(code, "无")).when().put("/api/v1/units/" + code).then().statusCode(428)
                .body("type", equalTo("urn:gov-suggestions:problem:precondition-required"));
        asAdmin().when().get("/api/v1/units/" + code).then().statusCode(200).body("name", equalTo("裸版本"));
    }

    @Test
    void noCongressOfficeRenamesOrDeletesAUnitSharedByEveryBody() {
        String code = code();
        asAdmin().body(unit(code, "深圳市发展和改革委员会")).when().post("/api/v1/units").then().statusCode(201);
        asOffice().body(unit(code(), "新单位")).when().post("/api/v1/units").then().statusCode(403);
        asOffice().header("If-Match", "\"0\"").body(unit(code, "改名")).when().put("/api/v1/units/" + code).then().statusCode(403);
        asOffice().header("If-Match", "\"0\"").when().delete("/api/v1/units/" + code).then().statusCode(403);
        asOffice().body("[" + unit(code, "改名") + "]").when().post("/api/v1/units/bulk").then().statusCode(403);
        // a system acting for one congress body does not change shared data either
        as(TestTokens.role("system").congressBody(BODY).sign()).header("If-Match", "\"0\"").body(unit(code, "改名"))
                .when().put("/api/v1/units/" + code).then().statusCode(403);
        asAdmin().when().get("/api/v1/units/" + code).then().statusCode(200).body("name", equalTo("深圳市发展和改革委员会"));
        asAdmin().when().get("/api/v1/units").then().statusCode(200);
        as(TestTokens.role("system").sign()).header("If-Match", "\"0\"").body(unit(code, "系统改名"))
                .when().put("/api/v1/units/" + code).then().statusCode(200);
    }

    @Test
    void aUnitBodyNamingAnotherCodeThanThePathIsRefusedNamingCode() {
        String code = code();
        asAdmin().body(unit(code, "单位")).when().post("/api/v1/units").then().statusCode(201);
        asAdmin().header("If-Match", "\"0\"").body(unit(code(), "别的")).when().put("/api/v1/units/" + code).then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("code"));
    }

    @Test
    void pathSegmentsLongerThanTheirColumnsAreRefusedNamingTheParameter() {
        String tooLongCode = "a".repeat(Limits.CODE + 1);
        asAdmin().when().get("/api/v1/units/" + tooLongCode).then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", equalTo(List.of("code")));
        asAdmin().when().get("/api/v1/congress-bodies/" + tooLongCode).then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", equalTo(List.of("code")));
        asOffice().header("If-Match", "\"0\"").when().delete("/api/v1/deputies/" + BODY + "/" + "D".repeat(Limits.DEPUTY_ID + 1))
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", equalTo(List.of("id")));
        asOffice().when().get("/api/v1/deputies/" + tooLongCode + "/D-0117").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", equalTo(List.of("congressBody")));
        // at the limit the segment is looked up as before: nobody has it
        asAdmin().when().get("/api/v1/units/" + "a".repeat(Limits.CODE)).then().statusCode(404);
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
    void congressBodiesAreCreatedAndDeletedByTheAdministratorAndUpdatedByTheirOwnOfficeOnly() {
        String code = code();
        String body = """
                { "code": "%s", "name": "某区政协", "kind": "CPPCC",
                  "sessions": [ { "term": 7, "session": 3, "year": 2021, "name": "第七届委员会第三次会议" } ] }""".formatted(code);
        String ownOffice = TestTokens.role("congress-office").congressBody(code).sign();
        as(ownOffice).body(body).when().post("/api/v1/congress-bodies").then().statusCode(403);
        asAdmin().body(body).when().post("/api/v1/congress-bodies").then().statusCode(201);
        // another body's office: 403 (every office reads the bodies, so a 404 would hide nothing)
        asOffice().body(body.replace("某区政协", "改名")).header("If-Match", "\"0\"").when().put("/api/v1/congress-bodies/" + code)
                .then().statusCode(403);
        as(TestTokens.role("congress-office").sign()).body(body.replace("某区政协", "改名")).header("If-Match", "\"0\"")
                .when().put("/api/v1/congress-bodies/" + code).then().statusCode(403);
        as(ownOffice).body(body.replace("某区政协", "改名").replace(code, code())).header("If-Match", "\"0\"")
                .when().put("/api/v1/congress-bodies/" + code).then().statusCode(400).body("violations[0].field", equalTo("code"));
        as(ownOffice).body(body.replace("某区政协", "改名")).header("If-Match", "\"0\"").when().put("/api/v1/congress-bodies/" + code)
                .then().statusCode(200).body("name", equalTo("改名"));
        asOffice().when().get("/api/v1/congress-bodies/" + code).then().statusCode(200)
                .body("kind", equalTo("CPPCC")).body("sessions[0].name", equalTo("第七届委员会第三次会议"));
        asAdmin().when().get("/api/v1/congress-bodies/" + code).then().statusCode(200);
        as(ownOffice).header("If-Match", "\"1\"").when().delete("/api/v1/congress-bodies/" + code).then().statusCode(403);
        asAdmin().header("If-Match", "\"1\"").when().delete("/api/v1/congress-bodies/" + code).then().statusCode(204);
    }

    @Test
    void theRosterIsKeptWithinItsOwnBodyAndPathAndBodyMustAgree() {
        String id = "D-" + UUID.randomUUID().toString().substring(0, 8);
        String deputy = """
                { "congressBody": "%s", "id": "%s", "name": "王某某", "phone": "13800000000" }""".formatted(BODY, id);
        asOffice().body(deputy).when().post("/api/v1/deputies").then().statusCode(201);
        String other = TestTokens.role("congress-office").congressBody("guangzhou-npc").sign();
        String noBody = TestTokens.role("congress-office").sign();
        as(other).when().get("/api/v1/deputies/" + BODY + "/" + id).then().statusCode(404);
        as(other).header("If-Match", "\"0\"").body(deputy).when().put("/api/v1/deputies/" + BODY + "/" + id).then().statusCode(404);
        as(other).header("If-Match", "\"0\"").when().delete("/api/v1/deputies/" + BODY + "/" + id).then().statusCode(404);
        as(other).body(deputy.replace(id, id + "x")).when().post("/api/v1/deputies").then().statusCode(403);
        as(other).queryParam("congressBody", BODY).when().get("/api/v1/deputies").then().statusCode(200).body("total", equalTo(0));
        as(noBody).when().get("/api/v1/deputies/" + BODY + "/" + id).then().statusCode(404);
        as(noBody).queryParam("congressBody", BODY).when().get("/api/v1/deputies").then().statusCode(200).body("total", equalTo(0));
        as(noBody).header("If-Match", "\"0\"").body(deputy).when().put("/api/v1/deputies/" + BODY + "/" + id).then().statusCode(403);
        // the body names another body or id than the path: 400 naming the field, never silently ignored
        asOffice().header("If-Match", "\"0\"").body(deputy.replace("\"" + BODY + "\"", "\"guangzhou-npc\""))
                .when().put("/api/v1/deputies/" + BODY + "/" + id).then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("congressBody"));
        asOffice().header("If-Match", "\"0\"").body(deputy.replace(id, id + "x"))
                .when().put("/api/v1/deputies/" + BODY + "/" + id).then().statusCode(400).body("violations[0].field", equalTo("id"));
        asOffice().when().get("/api/v1/deputies/" + BODY + "/" + id).then().statusCode(200).body("version", equalTo(0));
        // a system narrowed to one body upserts only that body's roster
        as(TestTokens.role("system").congressBody("guangzhou-npc").sign()).body("[" + deputy + "]")
                .when().post("/api/v1/deputies/bulk").then().statusCode(403);
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
        as(TestTokens.role("deputy").deputy(id).sign()).when().get("/api/v1/deputies/" + BODY + "/" + id).then().statusCode(403);
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
