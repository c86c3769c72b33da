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
 * Prints how long the summary, the figures and a ledger page take over one unit's 100,000 suggestions
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
                                             leader_led, returned_drafts, rehandled, updated_at)
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
                           TIMESTAMPTZ '2019-07-01 10:00+08', 1, false, 0, false, now()
                    FROM generate_series(1, 100000) AS i""").setParameter("body", body).setParameter("unit", unit).executeUpdate();
            em.createNativeQuery("ANALYZE report_suggestion").executeUpdate();
            em.createNativeQuery("ANALYZE report_case").executeUpdate();
        });
        System.out.printf("BENCHMARK reporting: 100000 suggestions and cases written in %d ms%n", (System.nanoTime() - insert) / 1_000_000);
        String token = TestTokens.role("unit-office").unit(unit).sign();

        for (int run = 1; run <= 3; run++) {
            long start = System.nanoTime();
            given().auth().oauth2(token).accept("text/markdown").when().get("/api/v1/annual-summaries/" + unit + "/2019")
                    .then().statusCode(200).body(containsString("共办理市人大代表建议100000件"));
            long summary = (System.nanoTime() - start) / 1_000_000;
            start = System.nanoTime();
            given().auth().oauth2(token).when().get("/api/v1/statistics?year=2019&groupBy=ROLE")
                    .then().statusCode(200).body("total.counts.cases", equalTo(100000));
            long statistics = (System.nanoTime() - start) / 1_000_000;
            start = System.nanoTime();
            given().auth().oauth2(token).when().get("/api/v1/ledger?year=2019&page=2000&size=20")
                    .then().statusCode(200).body("total", equalTo(100000));
            long ledger = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("BENCHMARK reporting run %d over 100000 suggestions: summary %d ms, statistics by role %d ms, ledger page 2000 %d ms%n",
                    run, summary, statistics, ledger);
        }
    }
}
