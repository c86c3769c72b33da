package gov.suggestions.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import gov.suggestions.reporting.support.Scenario;
import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Prints how long the summary (Markdown, HTML and .docx, each with its charts), the figures and a ledger page take over one unit's 100,000 suggestions
 * (aim for the summary: under 2 s). The rows are written straight into the read model: this measures
 * reading, not consumption. No timed assertion.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@Tag("benchmark")
class ReportingBenchmarkTest {

    @Inject
    EntityManager em;

    @Test
    void oneHundredThousandSuggestions() {
        String body = Scenario.code("bench");
        String unit = Scenario.code("ub");
        long insert = System.nanoTime();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    INSERT INTO report_suggestion (id, congress_body, number, kind, title, term, session, year, topics, supervision_level,
                                                   lead_deputy_id, lead_deputy_name, assigned_on, withdrawn, updated_at)
                    SELECT md5(:body || i)::uuid, :body, 'B' || i, 'SUGGESTION', '建议 ' || i, 6, 8, 2019,
                           (ARRAY['智慧城市', '数字政府', '数据立法', '政务数据共享', '审批服务'])[1 + i % 5], 'ORDINARY',
                           'D-' || (i % 500), '代表' || (i % 500), DATE '2019-05-20', false, now()
                    FROM generate_series(1, 100000) AS i""").setParameter("body", body).executeUpdate();
            em.createNativeQuery("""
                    INSERT INTO report_case (id, suggestion_id, congress_body, number, unit_code, unit_name, role, state, title, assigned_on,
                                             reply_due, joint_opinion_due, replied_on, replied_at, reply_on_time, result_category,
                                             evaluation_result, opinion_sent_on, opinion_on_time, first_communication_at, phone_count,
                                             leader_led, returned_drafts, rehandled, undertaking_department, updated_at)
                    SELECT md5(:unit || i)::uuid, md5(:body || i)::uuid, :body, 'B' || i, :unit, '基准局',
                           CASE WHEN i % 4 = 0 THEN 'JOINT' ELSE 'LEAD' END,
                           CASE WHEN i % 4 = 0 THEN 'OPINION_SENT' ELSE 'EVALUATED' END, '建议 ' || i, DATE '2019-05-20',
                           CASE WHEN i % 4 = 0 THEN NULL ELSE DATE '2019-08-20' END,
                           CASE WHEN i % 4 = 0 THEN DATE '2019-06-20' END,
                           CASE WHEN i % 4 = 0 THEN NULL ELSE DATE '2019-08-01' END,
                           CASE WHEN i % 4 = 0 THEN NULL ELSE TIMESTAMPTZ '2019-08-01 10:00+08' END,
                           CASE WHEN i % 4 = 0 THEN NULL ELSE i % 10 <> 1 END,
                           CASE WHEN i % 4 = 0 THEN NULL ELSE (ARRAY['A', 'B', 'C', 'D'])[1 + i % 4] END,
                           CASE WHEN i % 4 = 0 THEN NULL ELSE 'SATISFIED' END,
                           CASE WHEN i % 4 = 0 THEN DATE '2019-06-15' END,
                           CASE WHEN i % 4 = 0 THEN true END,
                           TIMESTAMPTZ '2019-07-01 10:00+08', 1, false, 0, false,
                           (ARRAY['数据资源处', '政务服务处', '法规处'])[1 + i % 3], now()
                    FROM generate_series(1, 100000) AS i""").setParameter("body", body).setParameter("unit", unit).executeUpdate();
            // each case's phone call, and measures for one replied suggestion in a hundred (section 三 lists 1,000 suggestions)
            em.createNativeQuery("""
                    INSERT INTO report_communication (communication_id, case_id, kind, communicated_at)
                    SELECT 'bench-' || :unit || i, md5(:unit || i)::uuid, 'PHONE', TIMESTAMPTZ '2019-07-01 10:00+08'
                    FROM generate_series(1, 100000) AS i""").setParameter("unit", unit).executeUpdate();
            em.createNativeQuery("""
                    INSERT INTO report_reply_measures (case_id, reported, commitments, updated_at)
                    SELECT md5(:unit || i)::uuid, true,
                           jsonb_build_array(jsonb_build_object('measure', '建成平台' || i || '。'), jsonb_build_object('measure', '完善制度' || i || '。')), now()
                    FROM generate_series(1, 100000) AS i WHERE i % 100 = 1""").setParameter("unit", unit).executeUpdate();
            em.createNativeQuery("ANALYZE report_communication").executeUpdate();
            em.createNativeQuery("ANALYZE report_suggestion").executeUpdate();
            em.createNativeQuery("ANALYZE report_case").executeUpdate();
        });
        System.out.printf("BENCHMARK reporting: 100000 suggestions and cases written in %d ms%n", (System.nanoTime() - insert) / 1_000_000);
        String token = TestTokens.role("unit-office").unit(unit).sign();

        String summaryPath = "/api/v1/annual-summaries/" + unit + "/2019";
        given().auth().oauth2(token).contentType("application/json")
                .body(java.util.Map.of("creditCode", AnnualSummaryDraftResourceTest.creditCode(), "organisationName", "深圳市基准局"))
                .when().put(summaryPath).then().statusCode(201);

        for (int run = 1; run <= 3; run++) {
            long start = System.nanoTime();
            given().auth().oauth2(token).accept("text/markdown").when().get(summaryPath)
                    .then().statusCode(200).body(containsString("共办理市人大代表建议100000件"))
                    .body(containsString("(一千)第B99901号《建议 99901》。"));
            long summary = (System.nanoTime() - start) / 1_000_000;
            start = System.nanoTime();
            given().auth().oauth2(token).accept("text/html").when().get(summaryPath)
                    .then().statusCode(200).body(containsString("<figure id=\"chart-on-time-by-department\"><svg"));
            long html = (System.nanoTime() - start) / 1_000_000;
            start = System.nanoTime();
            byte[] docx = given().auth().oauth2(token).accept(AnnualSummaryResource.DOCX).when().get(summaryPath)
                    .then().statusCode(200).extract().asByteArray();
            long word = (System.nanoTime() - start) / 1_000_000;
            start = System.nanoTime();
            given().auth().oauth2(token).when().get("/api/v1/statistics?year=2019&groupBy=ROLE")
                    .then().statusCode(200).body("total.counts.cases", equalTo(100000));
            long statistics = (System.nanoTime() - start) / 1_000_000;
            start = System.nanoTime();
            given().auth().oauth2(token).when().get("/api/v1/ledger?year=2019&page=2000&size=20")
                    .then().statusCode(200).body("total", equalTo(100000));
            long ledger = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("BENCHMARK reporting run %d over 100000 suggestions (1000 with measures in section 三): summary Markdown %d ms, "
                    + "HTML with 4 SVG charts %d ms, .docx with 4 PNG charts %d ms (%d KB), statistics by role %d ms, ledger page 2000 %d ms%n",
                    run, summary, html, word, docx.length / 1024, statistics, ledger);
        }
    }
}
