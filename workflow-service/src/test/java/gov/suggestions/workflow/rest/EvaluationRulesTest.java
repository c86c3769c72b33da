package gov.suggestions.workflow.rest;

import static gov.suggestions.workflow.support.CaseDriver.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.workflow.service.Supervision;
import gov.suggestions.workflow.support.CaseDriver;
import gov.suggestions.workflow.support.SettableClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** Who evaluates a reply and until when: the lead deputy only, within the evaluation window. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class EvaluationRulesTest {

    /** The co-signer (附议) in CaseDriver's assignments. */
    static final String CO_SIGNER = "D-0200";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    SettableClock clock;

    @Inject
    Supervision supervision;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String replied() {
        String suggestion = UUID.randomUUID().toString();
        String unit = unitCode();
        try (CaseDriver driver = new CaseDriver(bootstrapServers)) {
            driver.assign(suggestion, "ORDINARY", List.of(CaseDriver.unit(unit, "SOLE", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusMonths(3))));
        }
        String id = awaitCase(suggestion, unit);
        toReplied(id, unit);
        return id;
    }

    @Test
    void aCoSignerFollowsTheCaseButOnlyTheLeadDeputyEvaluates() {
        String id = replied();
        read(id, deputy(CO_SIGNER)).then().statusCode(200).body("state", equalTo("REPLIED"));
        given().auth().oauth2(deputy(CO_SIGNER)).when().get("/api/v1/cases/" + id + "/commitments").then().statusCode(200).body("", hasSize(1));
        // filtered by suggestion: other tests give the same co-signer more cases than one page holds
        String suggestionId = read(id, supervisor()).path("suggestionId");
        given().auth().oauth2(deputy(CO_SIGNER)).queryParam("suggestionId", suggestionId).when().get("/api/v1/cases").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(id));

        act(id, deputy(CO_SIGNER), "evaluation", Map.of("result", "SATISFIED")).statusCode(403)
                .body("type", containsString("not-yours")).body("detail", containsString("领衔代表"));
        given().auth().oauth2(deputy(CO_SIGNER)).header("Accept-Language", "en").header("If-Match", read(id, deputy(CO_SIGNER)).header("ETag"))
                .contentType("application/json").body(Map.of("result", "SATISFIED")).when().post("/api/v1/cases/" + id + "/evaluation")
                .then().statusCode(403).body("detail", containsString("only the lead deputy evaluates"));
        // a deputy who neither leads nor co-signed does not see it at all
        read(id, deputy("D-9999")).then().statusCode(404);
        read(id, office(read(id, supervisor()).path("unitCode"))).then().body("state", equalTo("REPLIED")).body("evaluations", hasSize(0));

        act(id, deputy(DEPUTY), "evaluation", Map.of("result", "SATISFIED")).statusCode(200).body("state", equalTo("EVALUATED"));
    }

    @Test
    void anEvaluationAfterTheWindowClosedIsRefusedWithTheReason() {
        String id = replied();
        clock.advance(Duration.ofDays(31));
        supervision.scan();
        String unit = read(id, supervisor()).path("unitCode");
        List<String> actions = given().auth().oauth2(office(unit)).when().get("/api/v1/cases/" + id + "/history").then().extract().path("action");
        org.junit.jupiter.api.Assertions.assertTrue(actions.contains("EVALUATION_WINDOW_CLOSED"), actions.toString());

        act(id, deputy(DEPUTY), "evaluation", Map.of("result", "UNSATISFIED")).statusCode(409)
                .body("detail", containsString("尚未评价"));
        given().auth().oauth2(deputy(DEPUTY)).header("Accept-Language", "en").header("If-Match", read(id, deputy(DEPUTY)).header("ETag"))
                .contentType("application/json").body(Map.of("result", "UNSATISFIED")).when().post("/api/v1/cases/" + id + "/evaluation")
                .then().statusCode(409).body("detail", containsString("evaluation window closed"));
        read(id, office(unit)).then().body("state", equalTo("REPLIED")).body("round", equalTo(1)).body("evaluations", hasSize(0));
        act(id, office(unit), "conclusion", NONE).statusCode(200).body("state", equalTo("CONCLUDED"));
    }
}
