package gov.suggestions.workflow.rest;

import static gov.suggestions.workflow.support.CaseDriver.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.testsupport.TestTokens;
import gov.suggestions.workflow.support.CaseDriver;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.filter.log.LogDetail;
import io.restassured.response.Response;

/** 办理结果公开: replies marked PUBLIC are readable by anyone without a token, cacheable, until the unit withdraws them. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class PublicReplyTest {

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails(LogDetail.ALL);
    }

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String PHONE = "0755-88100000";
    private static final String CONTENT = "王某某代表:您提出的建议收悉。<script>alert('x')</script> 现答复如下:年内上线共享平台二期。";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    CaseDriver driver;

    @BeforeEach
    void open() {
        driver = new CaseDriver(bootstrapServers);
    }

    @AfterEach
    void close() {
        driver.close();
    }

    /** A case of a fresh unit replied with the given disclosure; returns {caseId, unit}. */
    private String[] replied(String disclosure) {
        String suggestion = UUID.randomUUID().toString();
        String unit = unitCode();
        driver.assign(suggestion, "ORDINARY", List.of(CaseDriver.unit(unit, "SOLE", LocalDate.now(ZONE).plusMonths(3))));
        String id = awaitCase(suggestion, unit);
        act(id, office(unit), "distribution", DISTRIBUTION).statusCode(200);
        act(id, handler(unit), "communications", phoneCall()).statusCode(200);
        act(id, handler(unit), "drafts", Map.of("category", "A", "content", CONTENT,
                "contacts", List.of(Map.of("name", "李某", "title", "数据资源处处长", "phone", PHONE)))).statusCode(201);
        act(id, handler(unit), "draft-submission", NONE).statusCode(200);
        approveDefaultChain(id, unit);
        act(id, office(unit), "reply", Map.of("disclosure", disclosure)).statusCode(200);
        return new String[] { id, unit };
    }

    private static String publicationOf(String caseId, String unit) {
        return read(caseId, office(unit)).then().statusCode(200).body("replies[0].publication.id", notNullValue())
                .extract().path("replies[0].publication.id");
    }

    private static Response withdraw(String caseId, String token) {
        return given().auth().oauth2(token).contentType("application/json").body(Map.of("reason", "答复内容涉及尚未公开的规划信息"))
                .when().post("/api/v1/cases/" + caseId + "/reply-letter/withdrawal");
    }

    @Test
    void aPublishedReplyIsReadWithoutATokenAsJsonAndHtmlWithItsDisclosureHeader() {
        String[] c = replied("PUBLIC");
        String publication = publicationOf(c[0], c[1]);
        Map<String, Object> reply = read(c[0], office(c[1])).then().extract().path("replies[0]");
        String today = LocalDate.now(ZONE).toString();

        given().accept("application/json").when().get("/api/v1/public/replies/" + publication).then().statusCode(200)
                .contentType(startsWith("application/json"))
                .header("Cache-Control", equalTo("public, max-age=300"))
                .header("ETag", matchesPattern("\"[^\"]+\""))
                .body("id", equalTo(publication))
                .body("indexNumber", equalTo(c[1] + "/" + LocalDate.now(ZONE).getYear() + "-00001"))
                .body("classification", equalTo("建议提案办理"))
                .body("publisher", equalTo("单位" + c[1]))
                .body("writtenOn", equalTo(reply.get("issuedOn")))
                .body("name", startsWith("关于")).body("name", containsString("号代表建议答复的函"))
                .body("documentNumber", equalTo(reply.get("documentNumber")))
                .body("publishedOn", equalTo(today))
                .body("subjectWords", equalTo("建议提案办理"))
                .body("content", equalTo(CONTENT));

        String html = given().accept("text/html").when().get("/api/v1/public/replies/" + publication).then().statusCode(200)
                .contentType(startsWith("text/html")).header("Cache-Control", equalTo("public, max-age=300"))
                .extract().asString();
        for (String label : List.of("索引号", "分类", "发布机构", "成文日期", "名称", "文号", "发布日期", "主题词")) {
            assertTrue(html.contains(label), label + " missing from the page");
        }
        assertTrue(html.contains((String) reply.get("documentNumber")));
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), "the letter's text is escaped");
        assertFalse(html.contains("<script>"), "no markup from the letter's text");

        // a token of any role works as well
        given().auth().oauth2(handler(unitCode())).accept("application/json").when().get("/api/v1/public/replies/" + publication)
                .then().statusCode(200).body("id", equalTo(publication));
        // the list, by unit and by year
        given().queryParam("unit", c[1]).when().get("/api/v1/public/replies").then().statusCode(200)
                .header("Cache-Control", equalTo("public, max-age=300"))
                .body("total", equalTo(1)).body("items[0].id", equalTo(publication)).body("items[0].indexNumber", notNullValue());
        given().queryParam("unit", c[1]).queryParam("year", LocalDate.now(ZONE).getYear() - 1).when().get("/api/v1/public/replies")
                .then().statusCode(200).body("total", equalTo(0));
        // one Cache-Control, the public one, not no-store besides
        assertEquals(List.of("public, max-age=300"), given().accept("application/json").when().get("/api/v1/public/replies/" + publication)
                .then().extract().headers().getValues("Cache-Control"));
        // every other API answer still is no-store, a public 404 too
        read(c[0], office(c[1])).then().header("Cache-Control", equalTo("no-store"));
        given().when().get("/api/v1/public/replies/" + UUID.randomUUID()).then().statusCode(404).header("Cache-Control", equalTo("no-store"));
    }

    @Test
    void anETagComesBackAs304AndDiffersBetweenJsonAndHtml() {
        String[] c = replied("PUBLIC");
        String publication = publicationOf(c[0], c[1]);
        String json = given().accept("application/json").when().get("/api/v1/public/replies/" + publication).then().statusCode(200)
                .extract().header("ETag");
        String html = given().accept("text/html").when().get("/api/v1/public/replies/" + publication).then().statusCode(200)
                .extract().header("ETag");
        assertNotEquals(json, html);
        given().accept("application/json").header("If-None-Match", json).when().get("/api/v1/public/replies/" + publication).then()
                .statusCode(304).header("ETag", equalTo(json)).header("Cache-Control", equalTo("public, max-age=300"));
        given().accept("text/html").header("If-None-Match", "\"other\", " + html).when().get("/api/v1/public/replies/" + publication)
                .then().statusCode(304);
        given().accept("application/json").header("If-None-Match", "\"other\"").when().get("/api/v1/public/replies/" + publication)
                .then().statusCode(200);
    }

    @Test
    void nothingButTheLetterAndItsHeaderIsPublished() {
        String[] c = replied("PUBLIC");
        String publication = publicationOf(c[0], c[1]);
        for (String accept : List.of("application/json", "text/html")) {
            String body = given().accept(accept).when().get("/api/v1/public/replies/" + publication).then().statusCode(200).extract().asString();
            for (String personal : List.of(PHONE, "李某", DEPUTY, "handler-" + c[1], "office-" + c[1], LEADER_IN_CHARGE, "@")) {
                assertFalse(body.contains(personal), accept + " shows " + personal);
            }
            assertFalse(body.contains(c[0]), "the case id is not published");
        }
    }

    @Test
    void aReplyNotMarkedPublicIsNotReachable() {
        for (String disclosure : List.of("ON_REQUEST", "NOT_DISCLOSED")) {
            String[] c = replied(disclosure);
            read(c[0], office(c[1])).then().statusCode(200).body("replies[0].publication", nullValue());
            given().queryParam("unit", c[1]).when().get("/api/v1/public/replies").then().statusCode(200).body("total", equalTo(0));
            // neither the case id nor an unknown id reaches anything
            given().when().get("/api/v1/public/replies/" + c[0]).then().statusCode(404).contentType(startsWith("application/problem+json"));
            given().when().get("/api/v1/public/replies/" + UUID.randomUUID()).then().statusCode(404);
            // nothing to withdraw
            withdraw(c[0], office(c[1])).then().statusCode(409);
        }
    }

    @Test
    void aWithdrawnReplyAnswers404AndLeavesTheList_andASecondWithdrawalIs409() {
        String[] c = replied("PUBLIC");
        String publication = publicationOf(c[0], c[1]);
        given().queryParam("unit", c[1]).when().get("/api/v1/public/replies").then().body("items.id", hasItem(publication));
        withdraw(c[0], office(c[1])).then().statusCode(200).body("publicationId", equalTo(publication))
                .body("reason", equalTo("答复内容涉及尚未公开的规划信息")).body("withdrawnBy", equalTo("office-" + c[1]));
        given().when().get("/api/v1/public/replies/" + publication).then().statusCode(404);
        given().accept("text/html").when().get("/api/v1/public/replies/" + publication).then().statusCode(404);
        given().queryParam("unit", c[1]).when().get("/api/v1/public/replies").then().statusCode(200)
                .body("items.id", not(hasItem(publication))).body("total", equalTo(0));
        withdraw(c[0], office(c[1])).then().statusCode(409).contentType(startsWith("application/problem+json"));
        // the case shows the withdrawal, its history records it, its state stays
        read(c[0], office(c[1])).then().body("state", equalTo("REPLIED")).body("replies[0].publication.withdrawnAt", notNullValue());
        given().auth().oauth2(office(c[1])).when().get("/api/v1/cases/" + c[0] + "/history").then().statusCode(200)
                .body("[-1].action", equalTo("WITHDRAW_PUBLICATION")).body("[-1].comment", equalTo("答复内容涉及尚未公开的规划信息"));
    }

    @Test
    void theCongressOfficeOfItsBodyMayWithdraw_anotherUnitsOfficeOrAnotherBodyGets404_aReasonIsRequired() {
        String[] c = replied("PUBLIC");
        String publication = publicationOf(c[0], c[1]);
        withdraw(c[0], office(unitCode())).then().statusCode(404);
        withdraw(c[0], TestTokens.role("congress-office").congressBody("shenzhen-cppcc").subject("clerk").sign()).then().statusCode(404);
        withdraw(c[0], handler(c[1])).then().statusCode(403);
        given().auth().oauth2(office(c[1])).contentType("application/json").body(Map.of("reason", " "))
                .when().post("/api/v1/cases/" + c[0] + "/reply-letter/withdrawal").then().statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        given().when().get("/api/v1/public/replies/" + publication).then().statusCode(200);
        withdraw(c[0], TestTokens.role("congress-office").congressBody(BODY).subject("congress-clerk").sign()).then().statusCode(200);
        given().when().get("/api/v1/public/replies/" + publication).then().statusCode(404);
    }

    @Test
    void afterAReHandlingTheFirstLettersPublicationStaysWithdrawableWhenTheNewLetterIsNotPublic() {
        String[] c = replied("PUBLIC");
        String first = publicationOf(c[0], c[1]);
        act(c[0], deputy(DEPUTY), "evaluation", Map.of("result", "UNSATISFIED")).statusCode(200).body("state", equalTo("REHANDLING"));
        act(c[0], handler(c[1]), "communications", phoneCall()).statusCode(200);
        act(c[0], handler(c[1]), "drafts", Map.of("category", "A", "content", "补充答复")).statusCode(201);
        act(c[0], handler(c[1]), "draft-submission", NONE).statusCode(200);
        approveDefaultChain(c[0], c[1]);
        act(c[0], office(c[1]), "reply", Map.of("disclosure", "ON_REQUEST")).statusCode(200).body("replies[1].publication", nullValue());
        given().when().get("/api/v1/public/replies/" + first).then().statusCode(200);
        withdraw(c[0], office(c[1])).then().statusCode(200).body("publicationId", equalTo(first)).body("round", equalTo(1));
        given().when().get("/api/v1/public/replies/" + first).then().statusCode(404);
        withdraw(c[0], office(c[1])).then().statusCode(409);
    }

    @Test
    void queryParametersAreBounded() {
        given().queryParam("size", 0).when().get("/api/v1/public/replies").then().statusCode(400).body("violations[0].field", equalTo("size"));
        given().queryParam("year", 1800).when().get("/api/v1/public/replies").then().statusCode(400).body("violations[0].field", equalTo("year"));
        given().queryParam("unit", "Not A Unit!").when().get("/api/v1/public/replies").then().statusCode(400)
                .body("violations[0].field", equalTo("unit"));
        assertEquals(404, given().when().get("/api/v1/public/replies/not-a-uuid").statusCode());
    }
}
