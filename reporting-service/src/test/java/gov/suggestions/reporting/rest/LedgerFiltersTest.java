package gov.suggestions.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import gov.suggestions.reporting.repository.InboxEventRepository;
import gov.suggestions.reporting.support.EventFeed;
import gov.suggestions.reporting.support.EventFeed.CaseRef;
import gov.suggestions.reporting.support.Scenario;
import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.filter.log.LogDetail;

/** The ledger's filters an office narrows it with: overdue only, deadline range, words of the title or number. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class LedgerFiltersTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    InboxEventRepository inbox;

    String office;
    Scenario.Suggestion chain;
    Scenario.Suggestion data;
    Scenario.Suggestion joint;

    @BeforeEach
    void year() {
        String body = Scenario.code("npc");
        String unit = Scenario.code("uf");
        try (EventFeed feed = new EventFeed(bootstrapServers)) {
            Scenario year = new Scenario(feed, body);
            chain = year.suggestion(2020, "关于区块链产业发展的建议", List.of("区块链"));
            year.open(chain, unit, "甲局", "LEAD", LocalDate.parse("2020-08-20")); // never answered: overdue
            data = year.suggestion(2020, "关于数据100%开放的建议", List.of("数据"));
            CaseRef replied = year.open(data, unit, "甲局", "SOLE", LocalDate.parse("2020-08-25"));
            year.reply(replied, "A", LocalDate.parse("2020-08-01"), LocalDate.parse("2020-08-25"), 1);
            joint = year.suggestion(2020, "关于交通的建议", List.of("交通"));
            CaseRef opinion = year.open(joint, unit, "甲局", "JOINT", LocalDate.parse("2020-06-20"));
            year.sendOpinion(opinion, LocalDate.parse("2020-06-18"), LocalDate.parse("2020-06-20"));
            year.awaitRead(inbox);
        }
        office = TestTokens.role("congress-office").congressBody(body).sign();
    }

    @Test
    void overdueOnlyDeadlineRangeAndWordsNarrowTheRows() {
        titles("overdueOnly=true").body("total", equalTo(1)).body("items.title", contains(chain.title()));
        titles("dueFrom=2020-08-01&dueTo=2020-08-31").body("total", equalTo(2)).body("items.title", contains(chain.title(), data.title()));
        titles("dueTo=2020-06-30").body("total", equalTo(1)).body("items.title", contains(joint.title()));
        titles("text=区块链").body("total", equalTo(1)).body("items.title", contains(chain.title()));
        titles("text=" + data.number().substring(4)).body("total", equalTo(1)).body("items.number", contains(data.number()));
        // LIKE wildcards are taken as they are written
        titles("text=100%").body("total", equalTo(1)).body("items.title", contains(data.title()));
        titles("text=%建议").body("total", equalTo(0));
        titles("text=_").body("total", equalTo(0));
        titles("overdueOnly=true&text=交通").body("total", equalTo(0));
    }

    @Test
    void badFiltersAnswer400NamingTheField() {
        problem("dueFrom=2020-08-31&dueTo=2020-08-01", "dueTo");
        problem("dueFrom=2020-13-01", "dueFrom");
        problem("dueTo=yesterday", "dueTo");
        problem("text=" + "字".repeat(101), "text");
        problem("overdueOnly=maybe", "overdueOnly");
        given().auth().oauth2(office).when().get("/api/v1/ledger/export?dueFrom=2020-02-30")
                .then().statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("dueFrom"));
    }

    private io.restassured.response.ValidatableResponse titles(String query) {
        return given().auth().oauth2(office).when().get("/api/v1/ledger?" + query)
                .then().log().ifValidationFails(LogDetail.ALL).statusCode(200);
    }

    private void problem(String query, String field) {
        var response = given().auth().oauth2(office).when().get("/api/v1/ledger?" + query)
                .then().log().ifValidationFails(LogDetail.ALL).statusCode(400).contentType("application/problem+json");
        if (field != null) {
            response.body("violations[0].field", equalTo(field));
        }
    }
}
