package gov.suggestions.workflow.event;

import static gov.suggestions.workflow.support.CaseDriver.*;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.workflow.support.CaseDriver;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** suggestion.reassigned.v1 removing a unit and a later one adding it back: the unit gets a fresh case. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class ReassignmentTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static List<Map<String, Object>> casesOf(String suggestion, String unit) {
        return given().auth().oauth2(supervisor()).queryParam("suggestionId", suggestion).queryParam("unitCode", unit)
                .when().get("/api/v1/cases").then().statusCode(200).extract().path("items");
    }

    private static void awaitCases(String suggestion, String unit, int count, String openState) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            List<Map<String, Object>> cases = casesOf(suggestion, unit);
            return cases.size() == count && cases.stream().anyMatch(c -> openState.equals(c.get("state")));
        });
    }

    @Test
    void aUnitRemovedAndAddedBackGetsAFreshCaseWhileTheClosedOneStays() {
        String suggestion = UUID.randomUUID().toString();
        String moved = unitCode();
        String other = unitCode();
        LocalDate due = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusMonths(3);
        String movedEntry = CaseDriver.unit(moved, "SOLE", due);
        String otherEntry = CaseDriver.unit(other, "SOLE", due);
        try (CaseDriver driver = new CaseDriver(bootstrapServers)) {
            driver.assign(suggestion, "ORDINARY", List.of(movedEntry));
            String first = awaitCase(suggestion, moved);
            act(first, office(moved), "distribution", DISTRIBUTION).statusCode(200);

            driver.reassign(suggestion, List.of(movedEntry), List.of(otherEntry), List.of(otherEntry));
            awaitCase(suggestion, other);
            awaitCases(suggestion, moved, 1, "CLOSED_BY_REASSIGNMENT");
            read(first, office(moved)).then().statusCode(200).body("state", equalTo("CLOSED_BY_REASSIGNMENT"));

            // the congress office moves it back: a new case, from the start, next to the closed one
            driver.reassign(suggestion, List.of(otherEntry), List.of(movedEntry), List.of(movedEntry));
            awaitCases(suggestion, moved, 2, "ASSIGNED");
            List<Map<String, Object>> cases = casesOf(suggestion, moved);
            String fresh = cases.stream().filter(c -> "ASSIGNED".equals(c.get("state"))).map(c -> (String) c.get("id")).findFirst().orElseThrow();
            assertNotEquals(first, fresh);
            assertEquals(1, cases.stream().filter(c -> "CLOSED_BY_REASSIGNMENT".equals(c.get("state"))).count());
            read(fresh, office(moved)).then().statusCode(200).body("round", equalTo(1)).body("distribution", org.hamcrest.Matchers.nullValue());
            // the fresh case is worked as any other; the closed one stays closed
            act(fresh, office(moved), "distribution", DISTRIBUTION).statusCode(200).body("state", equalTo("DISTRIBUTED"));
            act(first, office(moved), "distribution", DISTRIBUTION).statusCode(409);

            // adding the unit again while its case is open opens nothing more
            driver.reassign(suggestion, List.of(), List.of(movedEntry), List.of(movedEntry));
            String marker = unitCode();
            driver.reassign(suggestion, List.of(), List.of(CaseDriver.unit(marker, "SOLE", due)), List.of());
            awaitCase(suggestion, marker);
            assertEquals(2, casesOf(suggestion, moved).size());
        }
    }
}
