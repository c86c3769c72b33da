package gov.suggestions.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
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

/**
 * The annual summary against hostile text and hostile callers: HTML and Markdown in a suggestion title, a department, a
 * reported measure, the draft's header and an edited section come out inert in Markdown and HTML (and unchanged in the
 * .docx); the HTML carries its Content-Security-Policy; sections are written only by the unit's own office; tokens
 * without their scope claim see nothing and never cause a 5xx.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SummarySecurityTest {

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMG = "<img src=x onerror=alert(1)>";
    static final String LINK = "[点我](javascript:alert(1)) ![x](https://evil.example/t.png)";
    static final String BODY = "shenzhen-npc";
    static final String OTHER_BODY = Scenario.code("cppcc");
    static final String SHARED = "20208001";
    static final String SHARED_TEXT = "关于同号建议的叙述";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    InboxEventRepository inbox;

    EventFeed feed;
    String unit;
    String number;

    @BeforeAll
    void seed() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        feed = new EventFeed(bootstrapServers);
        unit = Scenario.code("xss");
        Scenario year = new Scenario(feed, BODY);
        Scenario.Suggestion s = year.suggestion(2020, "关于" + SCRIPT + "的建议", List.of("数据" + IMG));
        number = s.number();
        CaseRef c = year.open(s, unit, "某局" + IMG, "SOLE", LocalDate.parse("2020-08-20"));
        year.distribute(c, "分管副局长", "处室" + IMG);
        year.communicate(c, "MEETING", "2020-06-01T02:00:00Z");
        year.reply(c, "A", LocalDate.parse("2020-08-01"), LocalDate.parse("2020-08-20"), List.of("措施" + SCRIPT, "措施" + IMG));
        year.evaluate(c, "SATISFIED");
        year.awaitRead(inbox);
        // the unit handles another body's suggestion too
        Scenario other = new Scenario(feed, OTHER_BODY);
        Scenario.Suggestion o = other.suggestion(2020, "20209001", "另一机关的建议", List.of("交通"));
        CaseRef oc = other.open(o, unit, "某局", "SOLE", LocalDate.parse("2020-08-20"));
        other.reply(oc, "B", LocalDate.parse("2020-08-02"), LocalDate.parse("2020-08-20"), List.of("另一措施。"));
        // and both bodies have a suggestion numbered SHARED (numbers repeat between a People's Congress and a CPPCC)
        CaseRef sharedA = year.open(year.suggestion(2020, SHARED, "甲机关的同号建议", List.of("数据")), unit, "某局", "SOLE", LocalDate.parse("2020-08-20"));
        year.reply(sharedA, "A", LocalDate.parse("2020-08-03"), LocalDate.parse("2020-08-20"), List.of("甲的措施。"));
        CaseRef sharedB = other.open(other.suggestion(2020, SHARED, "乙机关的同号建议", List.of("交通")), unit, "某局", "SOLE",
                LocalDate.parse("2020-08-20"));
        other.reply(sharedB, "A", LocalDate.parse("2020-08-04"), LocalDate.parse("2020-08-20"), List.of("乙的措施。"));
        year.awaitRead(inbox);
        other.awaitRead(inbox);
    }

    @AfterAll
    void close() {
        feed.close();
    }

    /** The draft with hostile header fields and sections, made on first use (RestAssured knows the port only once a test runs). */
    synchronized void hostileDraft() {
        if (given().auth().oauth2(office(unit)).accept("application/json").when().get(path()).statusCode() == 200) {
            return;
        }
        String etag = given().auth().oauth2(office(unit)).contentType("application/json")
                .body(Map.of("creditCode", AnnualSummaryDraftResourceTest.creditCode(), "organisationName", "某局" + SCRIPT,
                        "subjectWords", "主题" + IMG, "addressee", "办公厅" + IMG, "name", "报告" + SCRIPT))
                .when().put(path()).then().statusCode(201).extract().header("ETag");
        etag = edit(etag, "next-steps", "下一步" + SCRIPT + "\n" + IMG + "\n" + LINK + "\n# 伪造的标题");
        etag = edit(etag, "opening", "开头" + IMG);
        etag = edit(etag, "conversion-" + number, "转化" + SCRIPT);
        edit(etag, "conversion-" + SHARED, SHARED_TEXT);
    }

    private String edit(String etag, String section, String text) {
        return given().auth().oauth2(office(unit)).contentType("application/json").header("If-Match", etag).body(Map.of("text", text))
                .when().put(path() + "/sections/" + section).then().statusCode(200).extract().header("ETag");
    }

    @Test
    void markdownShowsHostileTextAsTextNeverAsHtmlLinksOrHeadings() {
        hostileDraft();
        String md = given().auth().oauth2(office(unit)).accept("text/markdown").when().get(path()).then().statusCode(200).extract().asString();
        assertNoMarkup(md);
        assertTrue(md.contains("下一步&lt;script&gt;alert(1)&lt;/script&gt;"), md);
        assertTrue(md.contains("&lt;img src=x onerror=alert(1)&gt;"), md);
        assertTrue(md.contains("关于&lt;script&gt;alert(1)&lt;/script&gt;的建议"), "the suggestion title of section 三: " + md);
        assertTrue(md.contains("1.措施&lt;script&gt;alert(1)&lt;/script&gt;"), "a reported measure: " + md);
        assertTrue(md.contains("# 报告&lt;script&gt;alert(1)&lt;/script&gt;\n"), "the title: " + md);
        assertTrue(md.contains("\\[点我\\](javascript:alert(1)) !\\[x\\](https://evil.example/t.png)"), "no link, no image: " + md);
        assertTrue(md.contains("\n\\# 伪造的标题\n"), "a narrative cannot pose as a heading: " + md);
        assertFalse(java.util.regex.Pattern.compile("(?<!\\\\)\\]\\(").matcher(md).find(), "no unescaped ](: " + md);
    }

    @Test
    void htmlEscapesEveryTextChartsIncludedAndCarriesAStrictPolicy() {
        hostileDraft();
        var response = given().auth().oauth2(TestTokens.role("gov-supervisor").sign()).accept("text/html").when().get(path())
                .then().statusCode(200).extract();
        String html = response.asString();
        assertNoMarkup(html);
        assertTrue(html.contains("下一步&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"), html);
        String chart = html.substring(html.indexOf("<figure id=\"chart-on-time-by-department\">"));
        chart = chart.substring(0, chart.indexOf("</figure>"));
        assertTrue(chart.contains("&lt;img"), "the department in the SVG chart is text: " + chart);
        assertEquals(AnnualSummaryResource.HTML_POLICY, response.header("Content-Security-Policy"));
        assertEquals("default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox",
                response.header("Content-Security-Policy"));
        // what the policy forbids is indeed not needed: no script, no image, no external reference, no inline event handler
        for (String needless : List.of("<script", "<image", "<img", "<link", "<iframe", "<object", "href=\"http", "src=\"", "@import",
                "url(http", "url(data")) {
            assertFalse(html.contains(needless), needless);
        }
        assertTrue(html.contains("<style>") && html.contains("<svg"), "inline styles and inline SVG are all the page needs");
    }

    @Test
    void theDocxKeepsTheTextAsWritten() throws IOException {
        hostileDraft();
        byte[] bytes = given().auth().oauth2(office(unit)).accept(AnnualSummaryResource.DOCX).when().get(path())
                .then().statusCode(200).extract().asByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes)); XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            String all = text.getText();
            assertTrue(all.contains("下一步" + SCRIPT), all);
            assertTrue(all.contains(IMG), all);
            assertTrue(all.contains(LINK), all);
            assertTrue(all.contains("关于" + SCRIPT + "的建议"), all);
            assertFalse(all.contains("&lt;"), "no HTML escaping in Word: " + all);
        }
    }

    @Test
    void onlyTheUnitsOwnOfficeEditsItsSections() {
        hostileDraft();
        String etag = given().auth().oauth2(office(unit)).accept("application/json").when().get(path()).then().statusCode(200)
                .extract().header("ETag");
        String section = path() + "/sections/measures-leadership";
        // another unit's office: the draft does not exist for it
        put(TestTokens.role("unit-office").unit(Scenario.code("other")).sign(), section, etag).then().statusCode(404);
        // a unit office without the unit claim: refused
        put(TestTokens.role("unit-office").sign(), section, etag).then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:gov-suggestions:problem:scope-missing"));
        // the unit's leader, its handlers, a congress office (its own body or another), a supervisor, a deputy, the system, an admin
        for (String token : List.of(TestTokens.role("unit-leader").unit(unit).sign(), TestTokens.role("handler").unit(unit).sign(),
                TestTokens.role("congress-office").congressBody(BODY).sign(), TestTokens.role("congress-office").congressBody("other-npc").sign(),
                TestTokens.role("congress-office").sign(), TestTokens.role("gov-supervisor").sign(),
                TestTokens.role("deputy").congressBody(BODY).deputy("D-1").sign(), TestTokens.role("system").sign(),
                TestTokens.role("platform-admin").sign())) {
            put(token, section, etag).then().statusCode(403).contentType("application/problem+json");
        }
        // the header likewise
        given().auth().oauth2(TestTokens.role("unit-office").sign()).contentType("application/json").header("If-Match", etag)
                .body(Map.of("creditCode", AnnualSummaryDraftResourceTest.creditCode(), "organisationName", "冒名"))
                .when().put(path()).then().statusCode(403);
        given().auth().oauth2(TestTokens.role("unit-office").unit(Scenario.code("other")).sign()).contentType("application/json")
                .header("If-Match", etag).body(Map.of("creditCode", AnnualSummaryDraftResourceTest.creditCode(), "organisationName", "冒名"))
                .when().put(path()).then().statusCode(404);
        // nothing changed: the section is still at revision 0, the version is the same
        given().auth().oauth2(office(unit)).accept("application/json").when().get(path()).then().statusCode(200).header("ETag", etag)
                .body("sections.find { it.key == 'measures-leadership' }.revision", equalTo(0));
        // the owner can
        put(office(unit), section, etag).then().statusCode(200);
    }

    @Test
    void anotherBodysOfficeReadsNoneOfTheUnitsWritingAboutThisBodysSuggestions() {
        hostileDraft();
        String revisions = path() + "/sections/conversion-" + number + "/revisions";
        given().auth().oauth2(TestTokens.role("congress-office").congressBody(BODY).sign()).when().get(revisions)
                .then().statusCode(200).body("size()", equalTo(1));
        String otherOffice = TestTokens.role("congress-office").congressBody(OTHER_BODY).sign();
        given().auth().oauth2(otherOffice).when().get(revisions).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(otherOffice).accept("application/json").when().get(path()).then().statusCode(200)
                .body("sections.key", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("conversion-" + number)))
                .body("conversions.number", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(number)));
        String md = given().auth().oauth2(otherOffice).accept("text/markdown").when().get(path()).then().statusCode(200).extract().asString();
        assertFalse(md.contains("转化&lt;script"), "the unit's narrative about the first body's suggestion: " + md);
        assertFalse(md.contains("alert(1)&lt;/script&gt;的建议"), "nothing of the first body's suggestion: " + md);
        // the unit itself and the supervisors read it
        given().auth().oauth2(TestTokens.role("unit-leader").unit(unit).sign()).when().get(revisions).then().statusCode(200);
        given().auth().oauth2(TestTokens.role("gov-supervisor").sign()).when().get(revisions).then().statusCode(200);
    }

    /** The unit's writing about a number both bodies use cannot be told to be about either body's suggestion: no office reads it. */
    @Test
    void theUnitsWritingAboutANumberTwoBodiesShareReachesNeitherBodysOffice() {
        hostileDraft();
        String revisions = path() + "/sections/conversion-" + SHARED + "/revisions";
        for (String body : List.of(BODY, OTHER_BODY)) {
            String office = TestTokens.role("congress-office").congressBody(body).sign();
            given().auth().oauth2(office).when().get(revisions).then().statusCode(404);
            given().auth().oauth2(office).accept("application/json").when().get(path()).then().statusCode(200)
                    .body("sections.find { it.key == 'conversion-" + SHARED + "' }.text", org.hamcrest.Matchers.nullValue())
                    .body("conversions.number", org.hamcrest.Matchers.hasItem(SHARED));
            String md = given().auth().oauth2(office).accept("text/markdown").when().get(path()).then().statusCode(200).extract().asString();
            assertFalse(md.contains(SHARED_TEXT), md);
            assertTrue(md.contains(body.equals(BODY) ? "甲的措施" : "乙的措施"), "the body's own measures stay: " + md);
            assertFalse(md.contains(body.equals(BODY) ? "乙的措施" : "甲的措施"), "the other body's measures never show: " + md);
        }
        // the unit and the supervisors read it
        given().auth().oauth2(TestTokens.role("unit-leader").unit(unit).sign()).when().get(revisions).then().statusCode(200)
                .body("text", org.hamcrest.Matchers.hasItem(SHARED_TEXT));
        String md = given().auth().oauth2(TestTokens.role("gov-supervisor").sign()).accept("text/markdown").when().get(path())
                .then().statusCode(200).extract().asString();
        assertTrue(md.contains(SHARED_TEXT), md);
    }

    /** The old "see nothing" guard compared the codes with the string "!none": a case stored under that code was visible. */
    @Test
    void noStoredCodeIsSeenByATokenWithoutItsClaim() {
        Scenario odd = new Scenario(feed, "!none");
        Scenario.Suggestion s = odd.suggestion(2020, "奇怪代码的建议", List.of("数据"));
        odd.open(s, "!none", "奇怪的局", "SOLE", LocalDate.parse("2020-08-20"));
        odd.awaitRead(inbox);
        given().auth().oauth2(TestTokens.role("gov-supervisor").sign()).when().get("/api/v1/statistics?groupBy=UNIT")
                .then().statusCode(200).body("groups.group", org.hamcrest.Matchers.hasItem("!none"));
        for (String token : List.of(TestTokens.role("congress-office").sign(), TestTokens.role("unit-office").sign())) {
            given().auth().oauth2(token).when().get("/api/v1/statistics").then().statusCode(200).body("total.counts.cases", equalTo(0));
            given().auth().oauth2(token).when().get("/api/v1/ledger").then().statusCode(200).body("total", equalTo(0));
        }
    }

    @Test
    void tokensWithoutTheirScopeClaimSeeNothingAndNeverFail() {
        String[] queries = { "/api/v1/statistics?year=2020", "/api/v1/statistics?groupBy=UNIT", "/api/v1/statistics/overdue",
                "/api/v1/statistics/scorecards", "/api/v1/ledger", "/api/v1/ledger?unit=" + unit, "/api/v1/ledger?congressBody=" + BODY };
        for (String token : List.of(TestTokens.role("congress-office").sign(), TestTokens.role("unit-office").sign(),
                TestTokens.role("unit-leader").sign(), TestTokens.role("congress-office").congressBody("").sign())) {
            for (String query : queries) {
                var body = given().auth().oauth2(token).accept("application/json").when().get(query).then().statusCode(200).extract().jsonPath();
                if (query.startsWith("/api/v1/statistics?")) {
                    assertEquals(0, body.getInt("total.counts.cases"), query);
                    assertEquals(0, body.getList("groups").size(), query);
                } else {
                    assertEquals(0, body.getList("items").size(), query);
                }
            }
            given().auth().oauth2(token).accept(LedgerSpreadsheet.MEDIA_TYPE).when().get("/api/v1/ledger/export").then().statusCode(200);
            for (String accept : List.of("text/markdown", "text/html", "application/json", AnnualSummaryResource.DOCX)) {
                given().auth().oauth2(token).accept(accept).when().get(path()).then().statusCode(404);
            }
        }
        // the supervisor, with no claim to need, sees the unit
        given().auth().oauth2(TestTokens.role("gov-supervisor").sign()).when().get("/api/v1/statistics?unit=" + unit)
                .then().statusCode(200).body("total.counts.cases", equalTo(4));
        // a deputy token without congress_body or without deputy is refused as a problem
        for (String token : List.of(TestTokens.role("deputy").deputy("D-1").sign(), TestTokens.role("deputy").congressBody(BODY).sign())) {
            given().auth().oauth2(token).when().get("/api/v1/ledger").then().statusCode(403).contentType("application/problem+json")
                    .body("status", equalTo(403));
        }
    }

    private static io.restassured.response.Response put(String token, String section, String etag) {
        return given().auth().oauth2(token).contentType("application/json").header("If-Match", etag).body(Map.of("text", "篡改"))
                .when().put(section);
    }

    private static void assertNoMarkup(String text) {
        assertFalse(text.contains("<script"), text);
        assertFalse(text.contains("<img"), text);
        assertFalse(text.contains("</script"), text);
    }

    private static String office(String unit) {
        return TestTokens.role("unit-office").unit(unit).subject("office-" + unit).sign();
    }

    private String path() {
        return "/api/v1/annual-summaries/" + unit + "/2020";
    }
}
