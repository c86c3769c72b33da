package gov.suggestions.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;

import jakarta.inject.Inject;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import gov.suggestions.reporting.repository.InboxEventRepository;
import gov.suggestions.reporting.service.Limits;
import gov.suggestions.reporting.service.SummarySections;
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
 * The office's draft of the annual summary over the seed's year as events (the seed's section 三: five
 * suggestions with their measures, 20200226 replied by an older event without measures and written by the
 * office), its renders (Markdown, HTML with SVG charts, .docx read back with Apache POI), narrative editing
 * with ETags, access and bad input.
 * <p>
 * Over 400 lines on purpose: the draft's scenarios (create, edit, render, who may) share one set of fixtures.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnnualSummaryDraftResourceTest {

    static final String SEED_CREDIT_CODE = "11440300MB2C92413C";
    static final String SEED_SENTENCE = "今年,我局共办理市人大代表建议30件。其中主办、承办、分办7件,6件已收到人大代表“满意”评价,"
            + "1件尚未评价;汇办23件,汇办意见全部按时反馈主办单位。";
    static final String SEED_NAME = "市政务服务数据管理局关于报送2020年度人大代表建议办理工作总结的报告";
    static final String ORGANISATION = "深圳市政务服务数据管理局";

    /** The seed's section 三 (measures shortened to their first sentences) and two replies that committed to nothing. */
    static final List<String[]> REPLIED = List.of(
            new String[] { "20200041", "关于以“区块链”技术推动建立行政执法管理数据网络及公示的建议", "支持开展区块链试点应用。推进区块链技术在政务场景的应用。",
                    "对接数据实现统一信息公示平台。市司法局已初步建成“深圳法治政府信息平台”。" },
            new String[] { "20200055", "关于先行先试加快区块链产业发展的建议", "加强智慧城市和数字政府文件的引导作用。", "推进区块链在政务服务中应用。",
                    "推进区块链在身份认证中应用。", "完善政务区块链基础平台建设。" },
            new String[] { "20200101", "关于推进审批服务便民化的建议", "加强员工培训,提升业务素质。", "加大业务知识库的更新,提升咨询即时答复率。",
                    "加大咨询工单督办催办考核力度。" },
            new String[] { "20200226", "关于先行先试加快区块链产业发展的建议" },
            new String[] { "20200267", "关于进一步打破数据壁垒加快政务数据共享应用的建议", "关于“推动政务服务事项受理、审批一体化”建议。",
                    "关于“整合优化终端一体机,提升办事群众体验感”建议。" },
            new String[] { "20200077", "关于加强数据安全保护的建议" },
            new String[] { "20200150", "关于建设市民卡的建议" });
    static final String OFFICE_0226 = "为推动制定数据管理相关法规,正式启动数据立法工作。\n为推动立法工作,2019年初我局联合市工信局印发立法起草工作实施方案。";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    InboxEventRepository inbox;

    EventFeed feed;
    String seedUnit;
    String indexNumber;

    @BeforeAll
    void seedYearWithItsDraft() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        feed = new EventFeed(bootstrapServers);
        seedUnit = Scenario.code("zsj");
        Scenario year = new Scenario(feed, "shenzhen-npc");
        String[] roles = { "SOLE", "LEAD", "LEAD", "SEPARATE", "SOLE", "LEAD", "SOLE" };
        String[] categories = { "A", "B", "A", "B", "A", "C", "D" };
        String[] departments = { "数据资源处", "数据资源处", "政务服务处", "法规处", "政务服务处", "数据资源处", "政务服务处" };
        String[] topics = { "智慧城市", "数字政府", "审批服务便民化", "数据立法", "政务数据共享" };
        int[] topicTimes = { 10, 8, 6, 4, 2 };
        int t = 0;
        int used = 0;
        LocalDate due = LocalDate.parse("2020-08-20");
        LocalDate jointDue = LocalDate.parse("2020-06-20");
        List<CaseRef> symposium = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            if (used == topicTimes[t]) {
                t++;
                used = 0;
            }
            used++;
            if (i < 7) {
                String[] r = REPLIED.get(i);
                Scenario.Suggestion s = year.suggestion(2020, r[0], r[1], List.of(topics[t]));
                CaseRef c = year.open(s, seedUnit, ORGANISATION, roles[i], due);
                year.distribute(c, i < 4 ? "分管副局长" : null, departments[i]);
                year.communicate(c, "PHONE", "2020-06-0" + (1 + i % 5) + "T02:00:00Z");
                if (i < 3) {
                    symposium.add(c);
                }
                if (i == 2) {
                    year.returnDraft(c);
                }
                List<String> measures = i == 3 ? null : List.of(r).subList(2, r.length);
                year.reply(c, categories[i], LocalDate.parse("2020-07-0" + (1 + i)), due, measures);
                if (i < 6) {
                    year.evaluate(c, "SATISFIED");
                }
            } else {
                Scenario.Suggestion s = year.suggestion(2020, "2020" + String.format("%04d", 300 + i), "汇办建议" + i, List.of(topics[t]));
                CaseRef c = year.open(s, seedUnit, ORGANISATION, "JOINT", jointDue);
                year.sendOpinion(c, LocalDate.parse("2020-06-1" + (i % 10)), jointDue);
            }
        }
        // one symposium (座谈会) for three suggestions: one communication, three cases communicated face to face
        year.communicateShared(symposium, "SYMPOSIUM", "2020-06-20T02:00:00Z");
        year.awaitRead(inbox);
    }

    /** The seed unit's draft, made on first use (RestAssured knows the test port only once a test runs). */
    synchronized void seedDraft() {
        if (indexNumber != null) {
            return;
        }
        Response created = given().auth().oauth2(office(seedUnit)).contentType("application/json")
                .body(Map.of("creditCode", SEED_CREDIT_CODE, "organisationName", ORGANISATION, "writtenOn", "2020-12-02",
                        "publishedOn", "2020-12-02"))
                .when().put(path(seedUnit)).then().statusCode(201).header("ETag", notNullValue()).extract().response();
        indexNumber = created.path("indexNumber");
        given().auth().oauth2(office(seedUnit)).contentType("application/json").header("If-Match", created.header("ETag"))
                .body(Map.of("text", OFFICE_0226))
                .when().put(path(seedUnit) + "/sections/conversion-20200226").then().statusCode(200);
    }

    @AfterAll
    void close() {
        feed.close();
    }

    @Test
    void aHeaderWhoseDatesCannotBeTrueIsRefusedNamingTheDateAndNothingIsStored() {
        String unit = Scenario.code("dt");
        Scenario year = new Scenario(feed, "shenzhen-npc");
        year.open(year.suggestion(2021, "建议一", List.of("数据")), unit, "日期局", "SOLE", LocalDate.parse("2021-08-20"));
        year.awaitRead(inbox);
        String token = office(unit);
        LocalDate tomorrow = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(1);
        Object[][] refused = {
                { Map.of("writtenOn", tomorrow.toString()), "writtenOn" },
                { Map.of("writtenOn", "2020-12-31"), "writtenOn" }, // before the year it sums up
                { Map.of("writtenOn", "2022-01-10", "publishedOn", tomorrow.toString()), "publishedOn" },
                { Map.of("writtenOn", "2022-01-10", "publishedOn", "2022-01-09"), "publishedOn" } };
        for (Object[] dates : refused) {
            Map<String, Object> body = new java.util.HashMap<>(Map.of("creditCode", creditCode(), "organisationName", "深圳市日期局"));
            @SuppressWarnings("unchecked")
            Map<String, Object> more = (Map<String, Object>) dates[0];
            body.putAll(more);
            given().auth().oauth2(token).contentType("application/json").body(body).when().put(path(unit, 2021))
                    .then().statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo(dates[1]));
        }
        given().auth().oauth2(token).accept("application/json").when().get(path(unit, 2021)).then().statusCode(404); // no draft was made
        given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("creditCode", creditCode(), "organisationName", "深圳市日期局", "writtenOn", "2022-01-10", "publishedOn", "2022-01-10"))
                .when().put(path(unit, 2021)).then().statusCode(201);
    }

    @Test
    void theDraftCarriesTheSeedsHeaderWithAYearlyIndexNumber() {
        seedDraft();
        assertTrue(indexNumber.matches(SEED_CREDIT_CODE + "/2020-\\d{5}"), indexNumber);
        given().auth().oauth2(TestTokens.role("congress-office").congressBody("shenzhen-npc").sign()).accept("application/json")
                .when().get(path(seedUnit))
                .then().statusCode(200).header("ETag", notNullValue())
                .body("name", equalTo(SEED_NAME)).body("publisher", equalTo(ORGANISATION)).body("addressee", equalTo("市人大常委会办公厅"))
                .body("writtenOn", equalTo("2020-12-02")).body("indexNumber", equalTo(indexNumber))
                .body("sections.key", hasItem("conversion-20200077"))
                .body("conversions.find { it.number == '20200226' }.measuresReported", equalTo(false))
                .body("conversions.find { it.number == '20200041' }.measures.size()", equalTo(2));
    }

    @Test
    void theMarkdownFollowsTheSeedSectionBySection() {
        seedDraft();
        String md = given().auth().oauth2(office(seedUnit)).accept("text/markdown").when().get(path(seedUnit))
                .then().statusCode(200).extract().asString();
        assertTrue(md.startsWith("# " + SEED_NAME + "\n"), md);
        assertTrue(md.contains("| 索引号 | " + indexNumber + " | 分类 |  |"), md);
        assertTrue(md.contains("\n市人大常委会办公厅:\n\n根据贵单位关于做好市六届人大八次会议代表建议办理收尾工作的有关要求,"
                + "现将我局2020年度人大代表建议办理工作总结报送如下:\n"), md);
        assertInOrder(md, "## 一、基本情况", "(一)办理数量及主要内容。" + SEED_SENTENCE, "(二)办理工作的主要特点和成效。", "## 二、主要工作措施",
                "### (一)强化组织领导", "4件建议由局领导牵头办理。答复意见稿经审核退回修改1次", "### (二)强化工作机制",
                "主办、承办、分办的7件建议中,7件已答复,全部在办理时限内答复,按时答复率100%。", "### (三)强化沟通协调",
                // seven phone calls and ONE symposium although three cases carry it
                "办理过程中与代表沟通8次,其中电话沟通7次、召开座谈会1次。已答复的7件建议中,7件在答复前与代表进行了沟通,沟通率100%;3件与代表面对面沟通,面商率42.9%。",
                "汇办的23件建议,汇办意见全部在一个月内书面反馈主办单位。", "## 三、将建议转化成实际的工作措施",
                "### (一)第20200041号《关于以“区块链”技术推动建立行政执法管理数据网络及公示的建议》。\n\n1.支持开展区块链试点应用。",
                "\n2.对接数据实现统一信息公示平台。", "### (二)第20200055号《关于先行先试加快区块链产业发展的建议》。", "\n4.完善政务区块链基础平台建设。",
                "### (三)第20200101号《关于推进审批服务便民化的建议》。", "\n3.加大咨询工单督办催办考核力度。",
                "### (四)第20200226号《关于先行先试加快区块链产业发展的建议》。\n\n为推动制定数据管理相关法规,正式启动数据立法工作。\n\n为推动立法工作",
                "### (五)第20200267号《关于进一步打破数据壁垒加快政务数据共享应用的建议》。", "## 四、下一步工作思路", "专此报告。", ORGANISATION,
                "2020年12月2日");
        assertFalse(md.contains("20200077"), "a reply that committed to nothing has no measures to list");
        assertFalse(md.contains("(六)第"), md);
    }

    @Test
    void theHtmlCarriesItsChartsAsSvg() {
        seedDraft();
        String html = given().auth().oauth2(TestTokens.role("gov-supervisor").sign()).accept("text/html").when().get(path(seedUnit))
                .then().statusCode(200).contentType(containsString("text/html")).extract().asString();
        assertTrue(html.contains("<h2>一、基本情况</h2>\n<p>(一)办理数量及主要内容。" + SEED_SENTENCE), html);
        for (String chart : List.of("evaluations", "categories", "replies-by-month", "on-time-by-department")) {
            assertTrue(html.contains("<figure id=\"chart-" + chart + "\"><svg"), chart);
        }
        assertEquals(4, html.split("<svg", -1).length - 1);
        String evaluations = html.substring(html.indexOf("<figure id=\"chart-evaluations\">"));
        evaluations = evaluations.substring(0, evaluations.indexOf("</figure>"));
        assertTrue(evaluations.contains("满意"), "SVG keeps its labels as text, Chinese included: " + evaluations);
        assertTrue(html.contains("<th>索引号</th><td>" + indexNumber + "</td>"), html);
    }

    @Test
    void theDocxOpensWithItsHeaderTableHeadingsSentenceMeasuresAndOnePicturePerChart() throws IOException {
        seedDraft();
        byte[] bytes = given().auth().oauth2(office(seedUnit))
                .accept("application/vnd.openxmlformats-officedocument.wordprocessingml.document").when().get(path(seedUnit))
                .then().statusCode(200).header("Content-Disposition", containsString(".docx")).extract().asByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            XWPFTable header = doc.getTables().get(0);
            assertEquals("索引号", header.getRow(0).getCell(0).getText());
            assertEquals(indexNumber, header.getRow(0).getCell(1).getText());
            assertEquals(ORGANISATION, header.getRow(1).getCell(1).getText());
            assertEquals("2020-12-02", header.getRow(1).getCell(3).getText());
            assertEquals(SEED_NAME, header.getRow(2).getCell(1).getText());
            List<String> headings = new ArrayList<>();
            List<String> subheadings = new ArrayList<>();
            List<String> body = new ArrayList<>();
            for (XWPFParagraph p : doc.getParagraphs()) {
                if ("Heading1".equals(p.getStyle())) {
                    headings.add(p.getText());
                } else if ("Heading2".equals(p.getStyle())) {
                    subheadings.add(p.getText());
                } else {
                    body.add(p.getText());
                }
            }
            assertEquals(List.of("一、基本情况", "二、主要工作措施", "三、将建议转化成实际的工作措施", "四、下一步工作思路"), headings);
            assertEquals(List.of("(一)第20200041号《关于以“区块链”技术推动建立行政执法管理数据网络及公示的建议》。",
                    "(二)第20200055号《关于先行先试加快区块链产业发展的建议》。", "(三)第20200101号《关于推进审批服务便民化的建议》。",
                    "(四)第20200226号《关于先行先试加快区块链产业发展的建议》。", "(五)第20200267号《关于进一步打破数据壁垒加快政务数据共享应用的建议》。"),
                    subheadings.subList(3, subheadings.size()));
            assertTrue(body.stream().anyMatch(p -> p.startsWith("(一)办理数量及主要内容。" + SEED_SENTENCE)), body.toString());
            assertTrue(body.contains("1.加强员工培训,提升业务素质。"), body.toString());
            XWPFParagraph first = doc.getParagraphs().stream().filter(p -> p.getText().startsWith("(一)办理数量")).findFirst().orElseThrow();
            assertTrue(first.getIndentationFirstLine() > 0, "body paragraphs are indented on their first line");
            // the title follows the 版头 (the publisher's mark in red, the document number and the red rule)
            assertEquals(ORGANISATION, doc.getParagraphs().get(0).getText());
            assertEquals(SEED_NAME, doc.getParagraphs().stream().filter(p -> "Title".equals(p.getStyle())).findFirst().orElseThrow().getText());
            assertEquals(4, doc.getAllPictures().size());
        }
    }

    @Test
    void anEditShowsInTheNextRenderAndFiguresStayComputed() {
        String unit = Scenario.code("ed");
        Scenario year = new Scenario(feed, "shenzhen-npc");
        Scenario.Suggestion s = year.suggestion(2021, "建议一", List.of("数据"));
        CaseRef c = year.open(s, unit, "编辑局", "SOLE", LocalDate.parse("2021-08-20"));
        year.reply(c, "A", LocalDate.parse("2021-08-01"), LocalDate.parse("2021-08-20"), List.of("建成平台。"));
        year.awaitRead(inbox);
        String token = office(unit);
        String etag = given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("creditCode", creditCode(), "organisationName", "深圳市编辑局")).when().put(path(unit, 2021))
                .then().statusCode(201).body("name", equalTo("市编辑局关于报送2021年度人大代表建议办理工作总结的报告")).extract().header("ETag");
        given().auth().oauth2(token).contentType("application/json").body(Map.of("creditCode", creditCode(), "organisationName", "深圳市编辑局"))
                .when().put(path(unit, 2021)).then().statusCode(428).contentType("application/problem+json");
        given().auth().oauth2(token).contentType("application/json").body(Map.of("text", "明年要做的第一件事。"))
                .when().put(path(unit, 2021) + "/sections/next-steps").then().statusCode(428);
        String second = given().auth().oauth2(token).contentType("application/json").header("If-Match", etag)
                .body(Map.of("text", "明年要做的第一件事。\n明年要做的第二件事。"))
                .when().put(path(unit, 2021) + "/sections/next-steps").then().statusCode(200)
                .body("sections.find { it.key == 'next-steps' }.revision", equalTo(1))
                .body("sections.find { it.key == 'next-steps' }.editedBy", equalTo("office-" + unit)).extract().header("ETag");
        given().auth().oauth2(token).contentType("application/json").header("If-Match", etag).body(Map.of("text", "过时的修改"))
                .when().put(path(unit, 2021) + "/sections/next-steps").then().statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(token).contentType("application/json").header("If-Match", second).body(Map.of("text", "明年要做的事。"))
                .when().put(path(unit, 2021) + "/sections/next-steps").then().statusCode(200);
        given().auth().oauth2(token).when().get(path(unit, 2021) + "/sections/next-steps/revisions")
                .then().statusCode(200).body("revision", equalTo(List.of(2, 1))).body("[1].text", equalTo("明年要做的第一件事。\n明年要做的第二件事。"));

        String before = markdown(token, unit);
        assertTrue(before.contains("## 四、下一步工作思路\n\n明年要做的事。\n"), before);
        assertTrue(before.contains("其中主办、承办、分办1件,1件尚未评价。"), before);
        assertTrue(before.contains("### (一)第" + s.number() + "号《建议一》。\n\n1.建成平台。\n"), before);

        // the figures are not stored with the draft: a new event changes them on the next render
        year.evaluate(c, "BASICALLY_SATISFIED");
        year.awaitRead(inbox);
        String after = markdown(token, unit);
        assertTrue(after.contains("其中主办、承办、分办1件,1件收到“基本满意”评价。"), after);
        assertTrue(after.contains("## 四、下一步工作思路\n\n明年要做的事。\n"), after);
    }

    @Test
    void aRehandledReplysMeasuresReplaceTheFirstOnes() {
        String unit = Scenario.code("rh");
        Scenario year = new Scenario(feed, "shenzhen-npc");
        Scenario.Suggestion s = year.suggestion(2022, "重办的建议", List.of("数据"));
        CaseRef c = year.open(s, unit, "重办局", "SOLE", LocalDate.parse("2022-08-20"));
        year.reply(c, "C", LocalDate.parse("2022-07-01"), LocalDate.parse("2022-08-20"), List.of("暂缓建设。"));
        year.evaluate(c, "UNSATISFIED");
        year.rehandle(c, LocalDate.parse("2022-10-20"));
        year.reply(c, "B", LocalDate.parse("2022-09-01"), LocalDate.parse("2022-10-20"), List.of("年内立项。", "明年建成。"));
        year.awaitRead(inbox);
        String md = given().auth().oauth2(office(unit)).accept("text/markdown").when().get(path(unit, 2022))
                .then().statusCode(200).extract().asString();
        assertTrue(md.contains("### (一)第" + s.number() + "号《重办的建议》。\n\n1.年内立项。\n\n2.明年建成。\n"), md);
        assertFalse(md.contains("暂缓建设"), md);
    }

    @Test
    void onlyTheUnitsOwnOfficeWritesAndOthersReadAsTheirScopeAllows() {
        seedDraft();
        String other = Scenario.code("ob");
        given().auth().oauth2(office(other)).accept("application/json").when().get(path(seedUnit)).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(office(other)).contentType("application/json").body(Map.of("creditCode", creditCode(), "organisationName", "他局"))
                .when().put(path(seedUnit)).then().statusCode(404);
        given().auth().oauth2(office(other)).contentType("application/json").header("If-Match", "\"0\"").body(Map.of("text", "篡改"))
                .when().put(path(seedUnit) + "/sections/next-steps").then().statusCode(404);
        given().auth().oauth2(TestTokens.role("unit-leader").unit(seedUnit).sign()).accept("application/json").when().get(path(seedUnit))
                .then().statusCode(200);
        given().auth().oauth2(TestTokens.role("congress-office").congressBody("other-npc").sign()).accept("application/json")
                .when().get(path(seedUnit)).then().statusCode(404);
        given().auth().oauth2(TestTokens.role("congress-office").congressBody("shenzhen-npc").sign()).contentType("application/json")
                .header("If-Match", "\"0\"").body(Map.of("text", "代改")).when().put(path(seedUnit) + "/sections/next-steps").then().statusCode(403);
        given().auth().oauth2(TestTokens.role("deputy").deputy("D-1").sign()).accept("application/json").when().get(path(seedUnit))
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.role("deputy").deputy("D-1").sign()).accept("text/markdown").when().get(path(seedUnit))
                .then().statusCode(403);
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        String unit = Scenario.code("bi");
        String token = office(unit);
        given().auth().oauth2(token).contentType("application/json").body(Map.of("creditCode", "11440300MB2C9241", "organisationName", "某局"))
                .when().put(path(unit, 2020)).then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("creditCode")));
        given().auth().oauth2(token).contentType("application/json").body(Map.of("creditCode", "11440300MB2C92413D", "organisationName", "某局"))
                .when().put(path(unit, 2020)).then().statusCode(400).body("violations.field", equalTo(List.of("creditCode")));
        given().auth().oauth2(token).contentType("application/json").body(Map.of("creditCode", creditCode(), "organisationName", "局".repeat(201)))
                .when().put(path(unit, 2020)).then().statusCode(400).body("violations.field", equalTo(List.of("organisationName")));
        String etag = given().auth().oauth2(token).contentType("application/json").body(Map.of("creditCode", creditCode(), "organisationName", "某局"))
                .when().put(path(unit, 2020)).then().statusCode(201).extract().header("ETag");
        given().auth().oauth2(token).contentType("application/json").header("If-Match", etag).body(Map.of("text", "文字"))
                .when().put(path(unit, 2020) + "/sections/no-such-section").then().statusCode(400).body("violations.field", equalTo(List.of("section")));
        given().auth().oauth2(token).contentType("application/json").header("If-Match", etag).body(Map.of("text", "文字"))
                .when().put(path(unit, 2020) + "/sections/conversion-20209999").then().statusCode(400)
                .body("violations.field", equalTo(List.of("section")));
        given().auth().oauth2(token).contentType("application/json").header("If-Match", etag).body(Map.of("text", "长".repeat(20001)))
                .when().put(path(unit, 2020) + "/sections/next-steps").then().statusCode(400).body("violations.field", equalTo(List.of("text")));
        given().auth().oauth2(token).contentType("application/json").header("If-Match", etag).body(Map.of("text", "文字", "extra", 1))
                .when().put(path(unit, 2020) + "/sections/next-steps").then().statusCode(400);
        // path segments and headers longer than the document allows name themselves
        given().auth().oauth2(token).contentType("application/json").header("If-Match", etag).body(Map.of("text", "文字"))
                .when().put(path(unit, 2020) + "/sections/conversion-" + "1".repeat(41)).then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", equalTo(List.of("section", "section")))
                .body("violations.message", hasItem(containsString(Integer.toString(SummarySections.KEY_LENGTH))));
        given().auth().oauth2(token).when().get(path("u".repeat(Limits.CODE + 1), 2020) + "/sections/next-steps/revisions")
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("unit"));
        given().auth().oauth2(token).contentType("application/json").header("If-Match", "\"" + "1".repeat(63) + "\"").body(Map.of("text", "文字"))
                .when().put(path(unit, 2020) + "/sections/next-steps").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("If-Match")));
        // nothing half-written: the draft is still at its first version
        given().auth().oauth2(token).accept("application/json").when().get(path(unit, 2020)).then().statusCode(200).header("ETag", etag)
                .body("sections.find { it.key == 'next-steps' }.revision", equalTo(0));
    }

    @Test
    void revisionsAndMeasuresKeepTheirDocumentedBounds() {
        String unit = Scenario.code("bd");
        Scenario year = new Scenario(feed, "shenzhen-npc");
        Scenario.Suggestion s = year.suggestion(2023, "许多措施的建议", List.of("数据"));
        CaseRef c = year.open(s, unit, "措施局", "SOLE", LocalDate.parse("2023-08-20"));
        // more measures, and a longer one, than the workflow-service accepts: the draft shows what it would have accepted
        List<String> measures = new ArrayList<>();
        measures.add("长".repeat(Limits.MEASURE + 100));
        for (int i = 2; i <= Limits.MEASURES + 1; i++) {
            measures.add("措施" + i + "。");
        }
        year.reply(c, "B", LocalDate.parse("2023-08-01"), LocalDate.parse("2023-08-20"), measures);
        year.awaitRead(inbox);
        String token = office(unit);
        String etag = given().auth().oauth2(token).contentType("application/json").body(Map.of("creditCode", creditCode(), "organisationName", "某局"))
                .when().put(path(unit, 2023)).then().statusCode(201)
                .body("conversions[0].measures", hasSize(Limits.MEASURES))
                .body("conversions[0].measures[0]", equalTo("长".repeat(Limits.MEASURE)))
                .body("conversions[0].measures[" + (Limits.MEASURES - 1) + "]", equalTo("措施" + Limits.MEASURES + "。"))
                .extract().header("ETag");
        // every edit is kept, the newest are listed
        for (int i = 1; i <= Limits.REVISIONS + 1; i++) {
            etag = given().auth().oauth2(token).contentType("application/json").header("If-Match", etag).body(Map.of("text", "第" + i + "稿"))
                    .when().put(path(unit, 2023) + "/sections/next-steps").then().statusCode(200).extract().header("ETag");
        }
        given().auth().oauth2(token).when().get(path(unit, 2023) + "/sections/next-steps/revisions").then().statusCode(200)
                .body("$", hasSize(Limits.REVISIONS))
                .body("[0].revision", equalTo(Limits.REVISIONS + 1)).body("[0].text", equalTo("第" + (Limits.REVISIONS + 1) + "稿"))
                .body("[" + (Limits.REVISIONS - 1) + "].revision", equalTo(2));
    }

    @Test
    void draftsCreatedAtOnceForOneCreditCodeGetDistinctSequences() throws Exception {
        String code = creditCode();
        List<Callable<String>> creations = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String unit = Scenario.code("rc");
            creations.add(() -> given().auth().oauth2(office(unit)).contentType("application/json")
                    .body(Map.of("creditCode", code, "organisationName", "同一机构")).when().put(path(unit, 2020))
                    .then().statusCode(201).extract().path("indexNumber"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        Set<String> numbers = new HashSet<>();
        try {
            for (Future<String> f : pool.invokeAll(creations)) {
                numbers.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(Set.of(code + "/2020-00001", code + "/2020-00002", code + "/2020-00003", code + "/2020-00004", code + "/2020-00005",
                code + "/2020-00006"), numbers);
    }

    private static void assertInOrder(String text, String... parts) {
        int at = 0;
        for (String part : parts) {
            int found = text.indexOf(part, at);
            assertTrue(found >= 0, "expected after position " + at + ": " + part + "\n" + text);
            at = found + part.length();
        }
    }

    private static String markdown(String token, String unit) {
        return given().auth().oauth2(token).accept("text/markdown").when().get(path(unit, 2021)).then().statusCode(200).extract().asString();
    }

    private static String office(String unit) {
        return TestTokens.role("unit-office").unit(unit).subject("office-" + unit).sign();
    }

    private static String path(String unit) {
        return path(unit, 2020);
    }

    private static String path(String unit, int year) {
        return "/api/v1/annual-summaries/" + unit + "/" + year;
    }

    /** A fresh valid unified social credit code (GB 32100 check character), so sequences never collide between runs. */
    static String creditCode() {
        String chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };
        StringBuilder code = new StringBuilder("91440300");
        java.util.Random random = new java.util.Random();
        while (code.length() < 17) {
            code.append(chars.charAt(random.nextInt(chars.length())));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += chars.indexOf(code.charAt(i)) * weights[i];
        }
        return code.append(chars.charAt((31 - sum % 31) % 31)).toString();
    }
}
