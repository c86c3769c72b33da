package gov.suggestions.suggestion.rest;

import static gov.suggestions.suggestion.rest.SuggestionRequests.BODY;
import static gov.suggestions.suggestion.rest.SuggestionRequests.as;
import static gov.suggestions.suggestion.rest.SuggestionRequests.asDeputy;
import static gov.suggestions.suggestion.rest.SuggestionRequests.asOffice;
import static gov.suggestions.suggestion.rest.SuggestionRequests.freshNumber;
import static gov.suggestions.suggestion.rest.SuggestionRequests.registration;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
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

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class ImportTest {

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
