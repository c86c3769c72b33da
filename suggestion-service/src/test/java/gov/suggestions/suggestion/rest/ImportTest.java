package gov.suggestions.suggestion.rest;

import static gov.suggestions.suggestion.rest.SuggestionRequests.BODY;
import static gov.suggestions.suggestion.rest.SuggestionRequests.as;
import static gov.suggestions.suggestion.rest.SuggestionRequests.asDeputy;
import static gov.suggestions.suggestion.rest.SuggestionRequests.asOffice;
import static gov.suggestions.suggestion.rest.SuggestionRequests.freshNumber;
import static gov.suggestions.suggestion.rest.SuggestionRequests.registration;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import gov.suggestions.suggestion.domain.Limits;
import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class ImportTest {

    @jakarta.inject.Inject
    gov.suggestions.suggestion.repository.OutboxEventRepository outboxEvents;

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    static String batch(List<String> rows) {
        return "{ \"rows\": [" + String.join(",", rows) + "] }";
    }

    @Test
    void aMixedBatchStoresTheGoodRowsListsEveryBadOneAndReSendingChangesNothing() {
        String good1 = freshNumber();
        String good2 = freshNumber();
        String noTitle = freshNumber();
        String otherBody = freshNumber();
        String badYear = freshNumber();
        String rows = batch(List.of(
                registration(good1, "D-0117"),
                registration(noTitle, "D-0117").replace("\"title\": \"关于加快推进政务数据共享的建议\",", ""),
                registration(good2, "D-0117"),
                registration(otherBody, "D-0117").replace("\"congressBody\": \"shenzhen-npc\"", "\"congressBody\": \"other-npc\""),
                registration(badYear, "D-0117").replace("\"year\": 2020", "\"year\": \"二〇二〇\""),
                registration(freshNumber(), "D-0117").replace("\"term\": 6,", "\"term\": 6, \"urgency\": 1,")));

        asOffice().body(rows).when().post("/api/v1/suggestion-imports").then().statusCode(200)
                .body("state", equalTo("COMPLETED"))
                .body("total", equalTo(6)).body("processed", equalTo(6))
                .body("accepted", equalTo(2)).body("unchanged", equalTo(0)).body("rejected", equalTo(4))
                .body("errors.row", contains(2, 4, 5, 6))
                .body("errors[0].number", equalTo(noTitle))
                .body("errors[0].reason", containsString("title"))
                .body("errors[1].reason", containsString("shenzhen-npc"))
                .body("errors[2].reason", containsString("year"))
                .body("errors[3].reason", containsString("urgency"));
        asOffice().queryParam("deputy", "D-0117").queryParam("size", 200).when().get("/api/v1/suggestions").then().statusCode(200);
        assertEquals(1, count(good1));
        assertEquals(0, count(noTitle));

        // an imported suggestion starts its hash chain like a registered one
        List<String> ids = asOffice().queryParam("deputy", "D-0117").queryParam("size", 200).queryParam("sort", "-registeredAt")
                .when().get("/api/v1/suggestions").then().extract().path("items.findAll { it.number == '" + good1 + "' }.id");
        asOffice().when().get("/api/v1/suggestions/" + ids.get(0) + "/history/verification").then().statusCode(200)
                .body("valid", equalTo(true)).body("entries", equalTo(1));

        asOffice().body(rows).when().post("/api/v1/suggestion-imports").then().statusCode(200)
                .body("accepted", equalTo(0)).body("unchanged", equalTo(2)).body("rejected", equalTo(4));
        assertEquals(1, count(good1));
        assertEquals(1, count(good2));
    }

    @Test
    void aRowFromThePreviousPlatformBringsItsAssignmentWithItsRealDateMarkedAsImportedAndOnlyOnce() {
        String deputy = "D-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String unitLead = "u-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String unitJoint = "u-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        as(gov.suggestions.testsupport.TestTokens.role("system").sign()).body("""
                [ { "code": "%s", "name": "甲局", "unifiedSocialCreditCode": "11440300MB2C92413C" },
                  { "code": "%s", "name": "乙局", "unifiedSocialCreditCode": "11440300MB2C92413C" } ]""".formatted(unitLead, unitJoint))
                .when().post("/api/v1/units/bulk").then().statusCode(200);
        String assigned = freshNumber();
        String early = freshNumber();
        String badCombination = freshNumber();
        String undated = freshNumber();
        String rows = batch(List.of(
                migrated(registration(assigned, deputy), "2020-05-20", unitLead, "LEAD", unitJoint, "JOINT", "old:2020/0001"),
                migrated(registration(early, deputy), "2020-05-09", unitLead, "SOLE", null, null, "old:2020/0002"),
                migrated(registration(badCombination, deputy), "2020-05-20", unitLead, "SOLE", unitJoint, "JOINT", "old:2020/0003"),
                migrated(registration(undated, deputy), null, unitLead, "SOLE", null, null, "old:2020/0004")));

        RequestSpecification migration = as(gov.suggestions.testsupport.TestTokens.role("congress-office").subject("migration-office")
                .congressBody(BODY).sign());
        migration.body(rows).when().post("/api/v1/suggestion-imports").then().statusCode(200)
                .body("accepted", equalTo(1)).body("rejected", equalTo(3))
                .body("errors.row", contains(2, 3, 4))
                .body("errors[0].reason", allOf(containsString("assignment.assignedOn"), containsString("2020-05-10")))
                .body("errors[1].reason", containsString("assignment.units"))
                .body("errors[2].reason", containsString("assignment.assignedOn"));

        // a bad row changed nothing: only the good one is stored, assigned on its real date with deadlines from it
        List<java.util.Map<String, Object>> items = asOffice().queryParam("deputy", deputy).when().get("/api/v1/suggestions")
                .then().statusCode(200).body("total", equalTo(1)).extract().path("items");
        String id = (String) items.get(0).get("id");
        asOffice().when().get("/api/v1/suggestions/" + id).then().statusCode(200)
                .body("number", equalTo(assigned))
                .body("state", equalTo("ASSIGNED"))
                .body("assignedOn", equalTo("2020-05-20"))
                .body("units.find { it.unitCode == '" + unitLead + "' }.replyDue", equalTo("2020-08-20"))
                .body("units.find { it.unitCode == '" + unitJoint + "' }.jointOpinionDue", equalTo("2020-06-20"));
        // the history says who imported it, from which job, row and record of the previous platform, and its chain holds
        asOffice().when().get("/api/v1/suggestions/" + id + "/history").then().statusCode(200)
                .body("action", contains("REGISTERED", "ASSIGNED"))
                .body("actor", contains("migration-office", "migration-office"))
                .body("[0].changes", containsString("\"sourceRecord\":\"old:2020/0001\""))
                .body("[1].changes", allOf(containsString("\"sourceRecord\":\"old:2020/0001\""), containsString("\"row\":1")));
        asOffice().when().get("/api/v1/suggestions/" + id + "/history/verification").then().statusCode(200)
                .body("valid", equalTo(true)).body("entries", equalTo(2));
        // its events say they are the previous platform's (notification-service tells nobody of them again); a live one does not
        for (String type : List.of("suggestion.submitted.v1", "suggestion.assigned.v1")) {
            List<gov.suggestions.suggestion.domain.OutboxEvent> events = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                    .call(() -> outboxEvents.list("aggregateId = ?1 and eventType = ?2", id, type));
            assertEquals(1, events.size(), type);
            assertTrue(events.get(0).payload.toString().contains("\"imported\":true"), events.get(0).payload.toString());
        }
        String live = asOffice().body(registration(freshNumber(), deputy)).when().post("/api/v1/suggestions").then().statusCode(201)
                .extract().path("id");
        String livePayload = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> outboxEvents
                .find("aggregateId = ?1 and eventType = ?2", live, "suggestion.submitted.v1").firstResult().payload.toString());
        assertTrue(!livePayload.contains("imported"), livePayload);

        // the same file again changes nothing; the same number assigned otherwise is reported and left as it is
        asOffice().body(rows).when().post("/api/v1/suggestion-imports").then().statusCode(200)
                .body("accepted", equalTo(0)).body("unchanged", equalTo(1)).body("rejected", equalTo(3));
        asOffice().body(batch(List.of(migrated(registration(assigned, deputy), "2020-05-21", unitLead, "SOLE", null, null, "old:2020/0001"))))
                .when().post("/api/v1/suggestion-imports").then().statusCode(200)
                .body("accepted", equalTo(0)).body("rejected", equalTo(1)).body("errors[0].reason", containsString("2020-05-20"));
        asOffice().when().get("/api/v1/suggestions/" + id + "/history/verification").then().statusCode(200).body("entries", equalTo(2));
        asOffice().when().get("/api/v1/suggestions/" + id).then().body("units", org.hamcrest.Matchers.hasSize(2));
    }

    /** A registration row with the migration fields: the assignment it had (assignedOn null: left out) and its old record. */
    private static String migrated(String registration, String assignedOn, String unit1, String role1, String unit2, String role2, String source) {
        String units = "{ \"unitCode\": \"%s\", \"role\": \"%s\" }".formatted(unit1, role1)
                + (unit2 == null ? "" : ", { \"unitCode\": \"%s\", \"role\": \"%s\" }".formatted(unit2, role2));
        String assignment = "\"assignment\": { " + (assignedOn == null ? "" : "\"assignedOn\": \"" + assignedOn + "\", ")
                + "\"units\": [" + units + "] }";
        return registration.substring(0, registration.lastIndexOf('}')) + ", " + assignment + ", \"sourceRecord\": \"" + source + "\" }";
    }

    private static int count(String number) {
        // the number filter is not part of the API: look the suggestion up through the office's list of D-0117's
        List<String> numbers = asOffice().queryParam("deputy", "D-0117").queryParam("size", 200).queryParam("sort", "-registeredAt")
                .when().get("/api/v1/suggestions").then().statusCode(200).extract().path("items.number");
        return (int) numbers.stream().filter(number::equals).count();
    }

    @Test
    void theSpreadsheetFollowsTheTemplateAndRowsAreNumberedAsInTheSheet() throws Exception {
        byte[] template = asOffice().when().get("/api/v1/suggestion-imports/template").then().statusCode(200)
                .contentType(XLSX).extract().asByteArray();
        assertTrue(template.length <= Limits.TEMPLATE_BYTES, "the template within its documented size: " + template.length);
        String good = freshNumber();
        String badKind = freshNumber();
        byte[] upload;
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.getSheetAt(0);
            assertEquals("编号 number", sheet.getRow(0).getCell(0).getStringCellValue());
            Row example = sheet.getRow(1);
            example.getCell(0).setCellValue(good); // the template's example row, with a fresh number
            Row bad = sheet.createRow(2);
            for (int c = 0; c < 16; c++) {
                bad.createCell(c).setCellValue(example.getCell(c).getStringCellValue());
            }
            bad.getCell(0).setCellValue(badKind);
            bad.getCell(1).setCellValue("请愿");
            workbook.write(out);
            upload = out.toByteArray();
        }
        String id = asOffice().contentType(XLSX).body(upload).when().post("/api/v1/suggestion-imports").then().statusCode(200)
                .body("source", equalTo("XLSX")).body("accepted", equalTo(1)).body("rejected", equalTo(1))
                .body("errors[0].row", equalTo(3)).body("errors[0].number", equalTo(badKind)).body("errors[0].reason", containsString("kind"))
                .extract().path("id");
        asOffice().when().get("/api/v1/suggestion-imports/" + id).then().statusCode(200).body("accepted", equalTo(1));
        as(TestTokens.role("congress-office").congressBody("other-npc").sign()).when().get("/api/v1/suggestion-imports/" + id)
                .then().statusCode(404);
        asOffice().queryParam("topic", "政务数据共享").queryParam("deputy", "D-0117").queryParam("size", 200).when().get("/api/v1/suggestions")
                .then().statusCode(200);
        asOffice().contentType(XLSX).body("not a workbook".getBytes()).when().post("/api/v1/suggestion-imports").then().statusCode(400);
    }

    @Test
    void aLargeBatchRunsAsAJobReportingProgress() {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 450; i++) {
            rows.add(registration(freshNumber(), "D-IMPORT"));
        }
        rows.add(registration(freshNumber(), "D-IMPORT").replace("\"term\": 6", "\"term\": 0"));
        String location = asOffice().body(batch(rows)).when().post("/api/v1/suggestion-imports").then().statusCode(202)
                .body("total", equalTo(451)).extract().header("Location");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("Authorization", "Bearer "
                + TestTokens.role("congress-office").congressBody(BODY).sign()).when().get(location).then().statusCode(200)
                .body("state", equalTo("COMPLETED")));
        given().header("Authorization", "Bearer " + TestTokens.role("congress-office").congressBody(BODY).sign()).when().get(location)
                .then().body("processed", equalTo(451)).body("accepted", equalTo(450)).body("rejected", equalTo(1))
                .body("errors[0].row", equalTo(451));
    }

    @Test
    void onlyOfficesAndSystemsImport() {
        asDeputy("D-0117").body(batch(List.of(registration(freshNumber(), "D-0117")))).when().post("/api/v1/suggestion-imports")
                .then().statusCode(403);
        as(TestTokens.role("unit-office").unit("u-x").sign()).when().get("/api/v1/suggestion-imports/template").then().statusCode(403);
        asOffice().body("{ \"rows\": [] }").when().post("/api/v1/suggestion-imports").then().statusCode(400);
    }
}
