package gov.suggestions.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import gov.suggestions.reporting.repository.InboxEventRepository;
import gov.suggestions.reporting.support.EventFeed;
import gov.suggestions.reporting.support.EventFeed.CaseRef;
import gov.suggestions.reporting.support.Scenario;
import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** The ledger: one row per case (or per unassigned suggestion), filtered, paged, scoped and exported. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerResourceTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    InboxEventRepository inbox;

    EventFeed feed;
    String body;
    String crowdedBody;
    String unitA;
    String unitB;
    Scenario.Suggestion s1;
    Scenario.Suggestion s2;

    @BeforeAll
    void scenario() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        feed = new EventFeed(bootstrapServers);
        body = Scenario.code("npc");
        unitA = Scenario.code("ua");
        unitB = Scenario.code("ub");
        Scenario year = new Scenario(feed, body);
        LocalDate due = LocalDate.parse("2020-08-20");
        s1 = year.suggestion(2020, "关于以区块链技术推动行政执法数据公示的建议", List.of("区块链"));
        CaseRef a1 = year.open(s1, unitA, "甲局", "LEAD", due);
        CaseRef b1 = year.open(s1, unitB, "乙局", "JOINT", LocalDate.parse("2020-06-20"));
        year.sendOpinion(b1, LocalDate.parse("2020-06-18"), LocalDate.parse("2020-06-20"));
        year.communicate(a1, "PHONE", "2020-07-01T02:00:00Z");
        year.reply(a1, "A", LocalDate.parse("2020-08-10"), due, 1);
        year.evaluate(a1, "SATISFIED");
        s2 = year.suggestion(2020, "尚未交办的建议", List.of("数据立法"));
        Scenario.Suggestion s3 = year.suggestion(2020, "关于审批服务便民化的建议", List.of("审批服务"));
        year.open(s3, unitA, "甲局", "SOLE", due);
        crowdedBody = Scenario.code("crowd");
        Scenario crowd = new Scenario(feed, crowdedBody);
        for (int i = 0; i < 51; i++) {
            crowd.suggestion(2021, "建议" + i, List.of("其他"));
        }
        year.awaitRead(inbox);
        crowd.awaitRead(inbox);
    }

    @AfterAll
    void close() {
        feed.close();
    }

    @Test
    void everySuggestionAndCaseIsListedFilteredAndPaged() {
        String office = TestTokens.role("congress-office").congressBody(body).sign();
        given().auth().oauth2(office).when().get("/api/v1/ledger")
                .then().statusCode(200).body("total", equalTo(4)).body("items", hasSize(4));
        given().auth().oauth2(office).when().get("/api/v1/ledger?unit=" + unitA)
                .then().statusCode(200).body("total", equalTo(2));
        given().auth().oauth2(office).when().get("/api/v1/ledger?evaluation=SATISFIED")
                .then().statusCode(200).body("total", equalTo(1))
                .body("items[0].number", equalTo(s1.number()))
                .body("items[0].unitName", equalTo("甲局"))
                .body("items[0].role", equalTo("LEAD"))
                .body("items[0].state", equalTo("EVALUATED"))
                .body("items[0].dueOn", equalTo("2020-08-20"))
                .body("items[0].repliedOn", equalTo("2020-08-10"))
                .body("items[0].replyOnTime", equalTo(true))
                .body("items[0].resultCategory", equalTo("A"))
                .body("items[0].proposer", equalTo("王某某"))
                .body("items[0].communications", equalTo(1));
        given().auth().oauth2(office).when().get("/api/v1/ledger?number=" + s2.number())
                .then().statusCode(200).body("total", equalTo(1))
                .body("items[0].title", equalTo("尚未交办的建议"))
                .body("items[0].caseId", nullValue());
        given().auth().oauth2(office).when().get("/api/v1/ledger?page=1&size=1")
                .then().statusCode(200).body("total", equalTo(4)).body("items", hasSize(1)).body("page", equalTo(1));
        given().auth().oauth2(office).when().get("/api/v1/ledger?size=201").then().statusCode(400);
    }

    @Test
    void aUnitListsOnlyItsOwnCases() {
        given().auth().oauth2(TestTokens.role("unit-office").unit(unitB).sign())
                .when().get("/api/v1/ledger?congressBody=" + body)
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].unitCode", equalTo(unitB))
                .body("items[0].opinionOnTime", equalTo(true));
        given().auth().oauth2(TestTokens.role("unit-leader").unit(unitB).sign())
                .when().get("/api/v1/ledger?unit=" + unitA).then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(TestTokens.role("handler").unit(unitB).sign()).when().get("/api/v1/ledger").then().statusCode(403);
    }

    @Test
    void theExportOpensAsAWorkbookWithTheRowsInScope() throws Exception {
        byte[] xlsx = given().auth().oauth2(TestTokens.role("congress-office").congressBody(body).sign())
                .when().get("/api/v1/ledger/export?unit=" + unitA)
                .then().statusCode(200).contentType(LedgerSpreadsheet.MEDIA_TYPE)
                .extract().asByteArray();
        List<List<String>> rows = read(xlsx);
        assertEquals(LedgerSpreadsheet.HEADERS, rows.get(0));
        assertEquals(3, rows.size(), rows.toString());
        List<String> replied = rows.stream().filter(r -> r.get(0).equals(s1.number())).findFirst().orElseThrow();
        assertEquals("关于以区块链技术推动行政执法数据公示的建议", replied.get(1));
        assertEquals("王某某", replied.get(2));
        assertEquals("6届8次", replied.get(3));
        assertEquals("甲局", replied.get(8));
        assertEquals("主办", replied.get(9));
        assertEquals("2020-08-20", replied.get(11));
        assertEquals("2020-08-10", replied.get(12));
        assertEquals("是", replied.get(13));
        assertEquals("A", replied.get(14));
        assertEquals("满意", replied.get(15));

        byte[] unitOnly = given().auth().oauth2(TestTokens.role("unit-office").unit(unitB).sign())
                .when().get("/api/v1/ledger/export").then().statusCode(200).extract().asByteArray();
        List<List<String>> unitRows = read(unitOnly);
        assertEquals(2, unitRows.size(), unitRows.toString());
        assertEquals("汇办", unitRows.get(1).get(9));
    }

    @Test
    void anExportBeyondTheLimitIsRefused() {
        given().auth().oauth2(TestTokens.role("congress-office").congressBody(crowdedBody).sign())
                .when().get("/api/v1/ledger/export")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:gov-suggestions:problem:too-many-rows"));
        given().auth().oauth2(TestTokens.role("congress-office").congressBody(crowdedBody).sign())
                .when().get("/api/v1/ledger").then().statusCode(200).body("total", equalTo(51));
    }

    private static List<List<String>> read(byte[] xlsx) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter format = new DataFormatter();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet("台账");
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < LedgerSpreadsheet.HEADERS.size(); i++) {
                    cells.add(row.getCell(i) == null ? "" : format.formatCellValue(row.getCell(i)));
                }
                rows.add(cells);
            }
        }
        return rows;
    }
}
