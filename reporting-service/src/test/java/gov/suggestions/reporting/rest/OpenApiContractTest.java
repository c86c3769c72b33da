package gov.suggestions.reporting.rest;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;

import gov.suggestions.reporting.repository.InboxEventRepository;
import gov.suggestions.reporting.support.EventFeed;
import gov.suggestions.reporting.support.EventFeed.CaseRef;
import gov.suggestions.reporting.support.Scenario;
import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Real responses checked against the service's own /q/openapi document. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class OpenApiContractTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    InboxEventRepository inbox;

    @Test
    void statisticsLedgerAndSummaryMatchTheDocument() {
        String document = given().accept("application/json").when().get("/q/openapi").then().statusCode(200).extract().asString();
        OpenApiValidationFilter contract = new OpenApiValidationFilter(OpenApiInteractionValidator
                .createForInlineApiSpecification(document)
                // requests out of range are sent on purpose: their 400 answers are what is checked
                .withLevelResolver(LevelResolver.create().withLevel("validation.request", ValidationReport.Level.IGNORE).build())
                .build());
        String body = Scenario.code("npc");
        String unit = Scenario.code("uc");
        try (EventFeed feed = new EventFeed(bootstrapServers)) {
            Scenario year = new Scenario(feed, body);
            Scenario.Suggestion replied = year.suggestion(2020, "已答复的建议", List.of("数据"));
            CaseRef c = year.open(replied, unit, "丁局", "LEAD", LocalDate.parse("2020-08-20"));
            year.reply(c, "A", LocalDate.parse("2020-08-01"), LocalDate.parse("2020-08-20"), 1);
            Scenario.Suggestion late = year.suggestion(2020, "逾期的建议", List.of("数据"));
            year.open(late, unit, "丁局", "JOINT", LocalDate.parse("2020-06-20"));
            year.suggestion(2020, "未交办的建议", List.of());
            year.awaitRead(inbox);
        }
        String office = "Bearer " + TestTokens.role("congress-office").congressBody(body).sign();
        String unitOffice = "Bearer " + TestTokens.role("unit-office").unit(unit).sign();

        given().filter(contract).header("Authorization", office).when().get("/api/v1/statistics?year=2020&groupBy=ROLE").then().statusCode(200);
        given().filter(contract).header("Authorization", office).when().get("/api/v1/statistics?congressBody=" + Scenario.code("none"))
                .then().statusCode(200);
        given().filter(contract).header("Authorization", office).when().get("/api/v1/statistics?year=1800").then().statusCode(400);
        given().filter(contract).header("Authorization", "Bearer " + TestTokens.role("handler").unit(unit).sign())
                .when().get("/api/v1/statistics").then().statusCode(403);
        given().filter(contract).when().get("/api/v1/statistics").then().statusCode(401);
        given().filter(contract).header("Authorization", unitOffice).when().get("/api/v1/statistics/overdue").then().statusCode(200);
        given().filter(contract).header("Authorization", office).when().get("/api/v1/ledger").then().statusCode(200);
        given().filter(contract).header("Authorization", office).when().get("/api/v1/ledger?state=NOPE").then().statusCode(400);
        given().filter(contract).header("Authorization", unitOffice).when().get("/api/v1/ledger/export").then().statusCode(200);
        given().filter(contract).header("Authorization", unitOffice).accept("text/markdown")
                .when().get("/api/v1/annual-summaries/" + unit + "/2020").then().statusCode(200);
        given().filter(contract).header("Authorization", unitOffice).accept("text/html")
                .when().get("/api/v1/annual-summaries/" + unit + "/2021").then().statusCode(404);

        String draft = "/api/v1/annual-summaries/" + unit + "/2020";
        given().filter(contract).header("Authorization", unitOffice).accept("application/json").when().get(draft).then().statusCode(404);
        String etag = given().filter(contract).header("Authorization", unitOffice).contentType("application/json")
                .body(java.util.Map.of("creditCode", AnnualSummaryDraftResourceTest.creditCode(), "organisationName", "深圳市丁局"))
                .when().put(draft).then().statusCode(201).extract().header("ETag");
        given().filter(contract).header("Authorization", unitOffice).contentType("application/json")
                .body(java.util.Map.of("creditCode", "bad", "organisationName", "深圳市丁局")).when().put(draft).then().statusCode(400);
        given().filter(contract).header("Authorization", unitOffice).contentType("application/json")
                .body(java.util.Map.of("creditCode", AnnualSummaryDraftResourceTest.creditCode(), "organisationName", "深圳市丁局"))
                .when().put(draft).then().statusCode(428);
        given().filter(contract).header("Authorization", unitOffice).contentType("application/json").header("If-Match", etag)
                .body(java.util.Map.of("text", "下一步")).when().put(draft + "/sections/next-steps").then().statusCode(200);
        given().filter(contract).header("Authorization", unitOffice).contentType("application/json").header("If-Match", etag)
                .body(java.util.Map.of("text", "过时")).when().put(draft + "/sections/next-steps").then().statusCode(412);
        given().filter(contract).header("Authorization", unitOffice).contentType("application/json").header("If-Match", etag)
                .body(java.util.Map.of("text", "文字")).when().put(draft + "/sections/nope").then().statusCode(400);
        given().filter(contract).header("Authorization", office).contentType("application/json").header("If-Match", etag)
                .body(java.util.Map.of("text", "文字")).when().put(draft + "/sections/next-steps").then().statusCode(403);
        given().filter(contract).header("Authorization", office).accept("application/json").when().get(draft).then().statusCode(200);
        given().filter(contract).header("Authorization", office).when().get(draft + "/sections/next-steps/revisions").then().statusCode(200);
        given().filter(contract).header("Authorization", unitOffice).accept(AnnualSummaryResource.DOCX).when().get(draft).then().statusCode(200);
        given().filter(contract).header("Authorization", unitOffice).accept("text/html").when().get(draft).then().statusCode(200);
        // publication and the public pages
        given().filter(contract).header("Authorization", unitOffice).when().post(draft + "/publication").then().statusCode(200);
        given().filter(contract).header("Authorization", office).when().post(draft + "/publication").then().statusCode(403);
        String published = "/api/v1/public/annual-summaries/" + unit + "/2020";
        String tag = given().filter(contract).accept("application/json").when().get(published).then().statusCode(200).extract().header("ETag");
        given().filter(contract).accept("application/json").header("If-None-Match", tag).when().get(published).then().statusCode(304);
        given().filter(contract).accept("text/html").when().get(published).then().statusCode(200);
        given().filter(contract).when().get("/api/v1/public/annual-summaries?unit=" + unit).then().statusCode(200);
        given().filter(contract).when().get("/api/v1/public/annual-summaries?size=0").then().statusCode(400);
        given().filter(contract).header("Authorization", unitOffice).contentType("application/json").body(java.util.Map.of("reason", "更正"))
                .when().post(draft + "/publication/withdrawal").then().statusCode(200);
        given().filter(contract).header("Authorization", unitOffice).contentType("application/json").body(java.util.Map.of("reason", "更正"))
                .when().post(draft + "/publication/withdrawal").then().statusCode(409);
        given().filter(contract).accept("application/json").when().get(published).then().statusCode(404);
        given().filter(contract).header("Authorization", office).when().get("/api/v1/statistics/scorecards?year=2020").then().statusCode(200);
        given().filter(contract).header("Authorization", unitOffice).when().get("/api/v1/statistics/scorecards?year=1800").then().statusCode(400);
        String system = "Bearer " + TestTokens.role("system").sign();
        String location = given().filter(contract).header("Authorization", system).when().post("/api/v1/read-model/rebuilds")
                .then().statusCode(202).extract().header("Location");
        ReadModelRebuildTest.awaitFinished(location);
        given().filter(contract).header("Authorization", system).when().get(location).then().statusCode(200);
        given().filter(contract).header("Authorization", system).when().get("/api/v1/read-model/rebuilds/" + java.util.UUID.randomUUID())
                .then().statusCode(404);
        given().filter(contract).header("Authorization", office).when().post("/api/v1/read-model/rebuilds").then().statusCode(403);
    }
}
