package gov.suggestions.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

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
import io.restassured.response.Response;

/**
 * Publication of the annual summary (办理结果公开): the unit office publishes, anyone reads the frozen version without a
 * token as JSON and HTML (header fields above the document), cacheable with ETag and If-None-Match; what is not published
 * or was withdrawn is 404; only the unit's own office publishes and withdraws; a new publication is a new version, and
 * draft edits change nothing public until then. Each test has its own unit.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicSummaryTest {

    static final String PUBLIC = "/api/v1/public/annual-summaries";
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    InboxEventRepository inbox;

    EventFeed feed;

    @BeforeAll
    void open() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        feed = new EventFeed(bootstrapServers);
    }

    @AfterAll
    void close() {
        feed.close();
    }

    /** A unit with a year of handling (two replied suggestions, one with measures, one joint opinion) and no draft yet. */
    String unitWithYear() {
        String unit = Scenario.code("pub");
        Scenario year = new Scenario(feed, Scenario.code("npc"));
        LocalDate due = LocalDate.parse("2020-08-20");
        CaseRef first = year.open(year.suggestion(2020, "关于推进政务数据共享的建议", List.of("政务数据共享")), unit, "深圳市公开局", "SOLE", due);
        year.communicate(first, "PHONE", "2020-06-01T02:00:00Z");
        year.reply(first, "A", LocalDate.parse("2020-08-01"), due, List.of("建成全市统一的数据共享平台。"));
        year.evaluate(first, "SATISFIED");
        CaseRef second = year.open(year.suggestion(2020, "关于优化政务服务的建议", List.of("政务服务")), unit, "深圳市公开局", "LEAD", due);
        year.reply(second, "B", LocalDate.parse("2020-08-02"), due, List.of("上线一网通办。"));
        CaseRef joint = year.open(year.suggestion(2020, "汇办的建议", List.of("政务服务")), unit, "深圳市公开局", "JOINT", LocalDate.parse("2020-06-20"));
        year.sendOpinion(joint, LocalDate.parse("2020-06-10"), LocalDate.parse("2020-06-20"));
        year.awaitRead(inbox);
        return unit;
    }

    /** {@link #unitWithYear()} with the office's draft and its disclosure header; returns the unit. */
    String unitWithDraft() {
        String unit = unitWithYear();
        Map<String, Object> header = new HashMap<>();
        header.put("creditCode", AnnualSummaryDraftResourceTest.creditCode());
        header.put("organisationName", "深圳市公开局");
        header.put("classification", "建议提案办理");
        header.put("writtenOn", "2020-12-02");
        header.put("documentNumber", "深公函〔2020〕12号");
        header.put("subjectWords", "建议办理 总结");
        given().auth().oauth2(office(unit)).contentType("application/json").body(header).when().put(draft(unit))
                .then().statusCode(201);
        return unit;
    }

    @Test
    void aPublishedSummaryIsReadWithoutATokenAsJsonAndHtmlWithItsHeader() {
        String unit = unitWithDraft();
        String indexNumber = given().auth().oauth2(office(unit)).accept("application/json").when().get(draft(unit))
                .then().statusCode(200).extract().path("indexNumber");
        LocalDate before = LocalDate.now(SHANGHAI);
        given().auth().oauth2(office(unit)).when().post(draft(unit) + "/publication")
                .then().statusCode(200).header("ETag", notNullValue()).body("version", equalTo(1))
                .body("link", equalTo(PUBLIC + "/" + unit + "/2020"));
        LocalDate after = LocalDate.now(SHANGHAI);

        Response json = given().accept("application/json").when().get(PUBLIC + "/" + unit + "/2020")
                .then().statusCode(200).contentType(containsString("application/json"))
                .header("Cache-Control", "public, max-age=300").header("ETag", notNullValue())
                .body("unitCode", equalTo(unit)).body("year", equalTo(2020)).body("version", equalTo(1))
                .body("header.indexNumber", equalTo(indexNumber)).body("header.classification", equalTo("建议提案办理"))
                .body("header.publisher", equalTo("深圳市公开局")).body("header.writtenOn", equalTo("2020-12-02"))
                .body("header.name", equalTo("市公开局关于报送2020年度人大代表建议办理工作总结的报告"))
                .body("header.documentNumber", equalTo("深公函〔2020〕12号")).body("header.subjectWords", equalTo("建议办理 总结"))
                .body("document.title", equalTo("市公开局关于报送2020年度人大代表建议办理工作总结的报告"))
                .body("document.sections.heading", equalTo(List.of("一、基本情况", "二、主要工作措施", "三、将建议转化成实际的工作措施", "四、下一步工作思路")))
                .body("document.sections[0].parts[0].text", containsString("今年,我局共办理市人大代表建议3件。其中主办、承办、分办2件"))
                .body("document.sections[2].parts.text", hasItem("1.建成全市统一的数据共享平台。"))
                .body("document.signature", equalTo("深圳市公开局")).body("document.date", equalTo("2020年12月2日"))
                .extract().response();
        String publishedOn = json.path("publishedOn");
        assertTrue(publishedOn.equals(before.toString()) || publishedOn.equals(after.toString()), publishedOn);
        assertEquals(publishedOn, json.path("header.publishedOn"), "发布日期: the draft names none, so the day of publication");
        assertFalse(json.asString().contains("office-" + unit), "who published it is not public: " + json.asString());

        String html = given().accept("text/html").when().get(PUBLIC + "/" + unit + "/2020")
                .then().statusCode(200).contentType(containsString("text/html"))
                .header("Cache-Control", "public, max-age=300").header("Content-Security-Policy", AnnualSummaryResource.HTML_POLICY)
                .extract().asString();
        for (String field : List.of("索引号", "分类", "发布机构", "成文日期", "名称", "文号", "发布日期", "主题词")) {
            assertTrue(html.contains("<th>" + field + "</th>"), field + " in " + html);
        }
        assertTrue(html.contains("<td>" + indexNumber + "</td>"), html);
        assertTrue(html.contains("<td>深公函〔2020〕12号</td>"), html);
        assertTrue(html.contains("<td>" + publishedOn + "</td>"), html);
        assertTrue(html.contains("<h1>市公开局关于报送2020年度人大代表建议办理工作总结的报告</h1>"), html);
        assertTrue(html.contains("<figure id=\"chart-evaluations\"><svg"), "the charts are drawn in the page");
        assertFalse(html.contains("office-" + unit), html);

        // anyone: a token of any role, an invalid token, no token
        given().auth().oauth2(TestTokens.role("deputy").congressBody("any-npc").deputy("D-9").sign()).accept("application/json")
                .when().get(PUBLIC + "/" + unit + "/2020").then().statusCode(200);
        given().auth().oauth2("not-a-token").accept("application/json").when().get(PUBLIC + "/" + unit + "/2020").then().statusCode(200);
        // the rest of the API keeps no-store
        given().auth().oauth2(office(unit)).accept("application/json").when().get(draft(unit)).then().statusCode(200)
                .header("Cache-Control", "no-store");
    }

    @Test
    void anUnchangedVersionAnswers304ToItsEtag() {
        String unit = unitWithDraft();
        String published = given().auth().oauth2(office(unit)).when().post(draft(unit) + "/publication").then().statusCode(200)
                .extract().header("ETag");
        String path = PUBLIC + "/" + unit + "/2020";
        String etag = given().accept("application/json").when().get(path).then().statusCode(200).extract().header("ETag");
        assertEquals(published, etag, "the publication answers the public JSON's tag");
        assertFalse(etag.startsWith("W/"), "a strong tag: " + etag);
        given().accept("application/json").header("If-None-Match", etag).when().get(path)
                .then().statusCode(304).header("ETag", etag).header("Cache-Control", "public, max-age=300").body(equalTo(""));
        given().accept("application/json").header("If-None-Match", "\"other\", W/" + etag).when().get(path).then().statusCode(304);
        given().accept("application/json").header("If-None-Match", "\"other\"").when().get(path).then().statusCode(200)
                .header("ETag", etag);
        String htmlTag = given().accept("text/html").when().get(path).then().statusCode(200).extract().header("ETag");
        assertNotEquals(etag, htmlTag, "the page is another representation");
        given().accept("text/html").header("If-None-Match", htmlTag).when().get(path).then().statusCode(304).header("ETag", htmlTag);
        given().accept("text/html").header("If-None-Match", etag).when().get(path).then().statusCode(200);
    }

    @Test
    void nothingUnpublishedIsReachable() {
        String unit = unitWithDraft();
        given().accept("application/json").when().get(PUBLIC + "/" + unit + "/2020")
                .then().statusCode(404).contentType("application/problem+json").header("Cache-Control", "no-store");
        given().accept("text/html").when().get(PUBLIC + "/" + unit + "/2020").then().statusCode(404).contentType("application/problem+json");
        given().accept("application/json").when().get(PUBLIC + "/" + Scenario.code("none") + "/2020").then().statusCode(404);
        given().when().get(PUBLIC + "?unit=" + unit).then().statusCode(200).body("total", equalTo(0)).body("items", equalTo(List.of()));
        // published for 2020 is not published for 2021
        given().auth().oauth2(office(unit)).when().post(draft(unit) + "/publication").then().statusCode(200);
        given().accept("application/json").when().get(PUBLIC + "/" + unit + "/2021").then().statusCode(404);
        given().accept("application/json").when().get(PUBLIC + "/" + unit + "/1800").then().statusCode(400);
    }

    @Test
    void aWithdrawnSummaryIsGoneUntilPublishedAgain() {
        String unit = unitWithDraft();
        given().auth().oauth2(office(unit)).when().post(draft(unit) + "/publication").then().statusCode(200);
        given().when().get(PUBLIC + "?unit=" + unit + "&year=2020").then().statusCode(200)
                .header("Cache-Control", "public, max-age=300").body("total", equalTo(1))
                .body("items[0].unitCode", equalTo(unit)).body("items[0].year", equalTo(2020))
                .body("items[0].name", equalTo("市公开局关于报送2020年度人大代表建议办理工作总结的报告"))
                .body("items[0].publisher", equalTo("深圳市公开局")).body("items[0].publishedOn", notNullValue())
                .body("items[0].link", equalTo(PUBLIC + "/" + unit + "/2020"));

        given().auth().oauth2(office(unit)).contentType("application/json").body(Map.of("reason", " "))
                .when().post(draft(unit) + "/publication/withdrawal").then().statusCode(400).body("violations.field", hasItem("reason"));
        given().auth().oauth2(office(unit)).contentType("application/json").body(Map.of())
                .when().post(draft(unit) + "/publication/withdrawal").then().statusCode(400).body("violations.field", hasItem("reason"));
        given().auth().oauth2(office(unit)).contentType("application/json").body(Map.of("reason", "数据有误,更正后重新公开"))
                .when().post(draft(unit) + "/publication/withdrawal").then().statusCode(200)
                .body("version", equalTo(1)).body("reason", equalTo("数据有误,更正后重新公开")).body("withdrawnAt", notNullValue());

        given().accept("application/json").when().get(PUBLIC + "/" + unit + "/2020").then().statusCode(404);
        given().accept("text/html").when().get(PUBLIC + "/" + unit + "/2020").then().statusCode(404);
        given().when().get(PUBLIC + "?unit=" + unit).then().statusCode(200).body("total", equalTo(0));
        given().when().get(PUBLIC + "?size=200").then().statusCode(200).body("items.unitCode", not(hasItem(unit)));
        given().auth().oauth2(office(unit)).contentType("application/json").body(Map.of("reason", "再撤一次"))
                .when().post(draft(unit) + "/publication/withdrawal").then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:gov-suggestions:problem:not-published"));

        given().auth().oauth2(office(unit)).when().post(draft(unit) + "/publication").then().statusCode(200).body("version", equalTo(2));
        given().accept("application/json").when().get(PUBLIC + "/" + unit + "/2020").then().statusCode(200).body("version", equalTo(2));
    }

    @Test
    void onlyTheUnitsOwnOfficePublishesAndWithdraws() {
        String unit = unitWithDraft();
        String publication = draft(unit) + "/publication";
        String other = Scenario.code("pub");
        given().auth().oauth2(office(other)).when().post(publication).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.role("unit-office").sign()).when().post(publication).then().statusCode(403);
        given().auth().oauth2(TestTokens.role("unit-leader").unit(unit).sign()).when().post(publication).then().statusCode(403);
        given().auth().oauth2(TestTokens.role("congress-office").congressBody("any-npc").sign()).when().post(publication).then().statusCode(403);
        given().auth().oauth2(TestTokens.role("gov-supervisor").sign()).when().post(publication).then().statusCode(403);
        given().when().post(publication).then().statusCode(401);
        given().accept("application/json").when().get(PUBLIC + "/" + unit + "/2020").then().statusCode(404);

        given().auth().oauth2(office(unit)).when().post(publication).then().statusCode(200);
        Map<String, String> reason = Map.of("reason", "篡改");
        given().auth().oauth2(office(other)).contentType("application/json").body(reason).when().post(publication + "/withdrawal")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.role("congress-office").congressBody("any-npc").sign()).contentType("application/json").body(reason)
                .when().post(publication + "/withdrawal").then().statusCode(403);
        given().auth().oauth2(TestTokens.role("unit-office").sign()).contentType("application/json").body(reason)
                .when().post(publication + "/withdrawal").then().statusCode(403);
        given().contentType("application/json").body(reason).when().post(publication + "/withdrawal").then().statusCode(401);
        given().accept("application/json").when().get(PUBLIC + "/" + unit + "/2020").then().statusCode(200).body("version", equalTo(1));
    }

    @Test
    void draftEditsChangeNothingPublicUntilPublishedAgain() {
        String unit = unitWithDraft();
        String path = PUBLIC + "/" + unit + "/2020";
        given().auth().oauth2(office(unit)).when().post(draft(unit) + "/publication").then().statusCode(200);
        Response first = given().accept("application/json").when().get(path).then().statusCode(200).extract().response();
        String firstHtml = given().accept("text/html").when().get(path).then().statusCode(200).extract().asString();

        String etag = given().auth().oauth2(office(unit)).accept("application/json").when().get(draft(unit)).then().statusCode(200)
                .extract().header("ETag");
        given().auth().oauth2(office(unit)).contentType("application/json").header("If-Match", etag).body(Map.of("text", "明年将建设数据开放平台。"))
                .when().put(draft(unit) + "/sections/next-steps").then().statusCode(200);

        Response unchanged = given().accept("application/json").when().get(path).then().statusCode(200).extract().response();
        assertEquals(first.header("ETag"), unchanged.header("ETag"));
        assertEquals(first.asString(), unchanged.asString(), "the published text is frozen");
        assertEquals(firstHtml, given().accept("text/html").when().get(path).then().statusCode(200).extract().asString());
        assertFalse(unchanged.asString().contains("明年将建设数据开放平台"));

        given().auth().oauth2(office(unit)).when().post(draft(unit) + "/publication").then().statusCode(200).body("version", equalTo(2));
        Response republished = given().accept("application/json").when().get(path).then().statusCode(200)
                .body("document.sections[3].parts.text", hasItem("明年将建设数据开放平台。")).extract().response();
        assertNotEquals(first.header("ETag"), republished.header("ETag"), "a new version, a new tag");
        given().accept("application/json").header("If-None-Match", first.header("ETag")).when().get(path).then().statusCode(200);
        assertTrue(given().accept("text/html").when().get(path).then().statusCode(200).extract().asString().contains("明年将建设数据开放平台。"));
    }

    @Test
    void publishingNeedsTheDraftsHeader() {
        String unit = unitWithYear();
        given().auth().oauth2(office(unit)).when().post(draft(unit) + "/publication").then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("urn:gov-suggestions:problem:no-draft"))
                .body("detail", containsString("总结草稿"));
        given().accept("application/json").when().get(PUBLIC + "/" + unit + "/2020").then().statusCode(404);
        given().auth().oauth2(office(unit)).contentType("application/json").body(Map.of("reason", "撤回"))
                .when().post(draft(unit) + "/publication/withdrawal").then().statusCode(409);
    }

    static String draft(String unit) {
        return "/api/v1/annual-summaries/" + unit + "/2020";
    }

    static String office(String unit) {
        return TestTokens.role("unit-office").unit(unit).subject("office-" + unit).sign();
    }
}
