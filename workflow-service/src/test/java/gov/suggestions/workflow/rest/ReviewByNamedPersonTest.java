package gov.suggestions.workflow.rest;

import static gov.suggestions.workflow.support.CaseDriver.*;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.testsupport.TestTokens;
import gov.suggestions.workflow.support.CaseDriver;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Each review step that belongs to a person is decided by that person only: the department head and the leader in
 * charge named at distribution, the unit's configured principal leader; anyone else of the right role answers 403.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class ReviewByNamedPersonTest {

    /** Configured in application.properties (%test) as sz-principal's principal leader. */
    static final String PRINCIPAL = "chen-juzhang";
    static final String DEPARTMENT_HEAD = "li-chuzhang";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static String unitLeader(String unit, String subject) {
        return TestTokens.role("unit-leader").unit(unit).subject(subject).sign();
    }

    private String underReview(String unit, Map<String, Object> distribution) {
        String suggestion = UUID.randomUUID().toString();
        try (CaseDriver driver = new CaseDriver(bootstrapServers)) {
            driver.assign(suggestion, "ORDINARY", List.of(CaseDriver.unit(unit, "SOLE", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusMonths(3))));
        }
        String id = awaitCase(suggestion, unit);
        act(id, office(unit), "distribution", distribution).statusCode(200);
        act(id, handler(unit), "communications", phoneCall()).statusCode(200);
        act(id, handler(unit), "drafts", draft("A", "已解决")).statusCode(201);
        act(id, handler(unit), "draft-submission", NONE).statusCode(200);
        return id;
    }

    @Test
    void eachPersonalStepIsDecidedOnlyByItsPerson() {
        String unit = "sz-principal";
        Map<String, Object> distribution = new HashMap<>(DISTRIBUTION);
        distribution.put("departmentHeadId", DEPARTMENT_HEAD);
        String id = underReview(unit, distribution);
        read(id, office(unit)).then().body("distribution.leaderInChargeId", equalTo(LEADER_IN_CHARGE))
                .body("distribution.departmentHeadId", equalTo(DEPARTMENT_HEAD));

        // department head named at distribution
        act(id, otherLeader(unit), "review-decisions", APPROVE).statusCode(403)
                .body("type", containsString("not-yours")).body("detail", containsString("DEPARTMENT_HEAD")).body("detail", containsString(DEPARTMENT_HEAD));
        act(id, leader(unit), "review-decisions", RETURN).statusCode(403);
        read(id, office(unit)).then().body("review.currentStep", equalTo("DEPARTMENT_HEAD")).body("state", equalTo("UNDER_REVIEW"));
        act(id, unitLeader(unit, DEPARTMENT_HEAD), "review-decisions", APPROVE).statusCode(200).body("review.currentStep", equalTo("LEADER_IN_CHARGE"));

        // leader in charge named at distribution; the same subject in another unit does not even see the case
        act(id, unitLeader(unit, DEPARTMENT_HEAD), "review-decisions", APPROVE).statusCode(403).body("detail", containsString(LEADER_IN_CHARGE));
        act(id, otherLeader(unit), "review-decisions", RETURN).statusCode(403);
        RestAssured.given().auth().oauth2(leader(unitCode())).header("If-Match", "\"1\"").contentType("application/json").body(APPROVE)
                .when().post("/api/v1/cases/" + id + "/review-decisions").then().statusCode(404);
        act(id, leader(unit), "review-decisions", APPROVE).statusCode(200).body("review.currentStep", equalTo("PRINCIPAL_LEADER"));

        // the unit's configured principal leader
        act(id, leader(unit), "review-decisions", APPROVE).statusCode(403).body("detail", containsString(PRINCIPAL));
        act(id, unitLeader(unit, PRINCIPAL), "review-decisions", APPROVE).statusCode(200).body("review.currentStep", equalTo("OFFICE_CHECK"));

        // the office check is the unit office's, whoever the leader is
        act(id, unitLeader(unit, PRINCIPAL), "review-decisions", APPROVE).statusCode(403).body("detail", containsString("unit-office"));
        act(id, office(unit), "review-decisions", APPROVE).statusCode(200).body("review.complete", equalTo(true));
        act(id, office(unit), "reply", Map.of("disclosure", "PUBLIC")).statusCode(200).body("state", equalTo("REPLIED"));
    }

    @Test
    void withoutANamedDepartmentHeadOrPrincipalLeaderTheRoleDecidesButTheLeaderInChargeIsAlwaysNamed() {
        String unit = unitCode();
        String id = underReview(unit, DISTRIBUTION);
        act(id, otherLeader(unit), "review-decisions", APPROVE).statusCode(200).body("review.currentStep", equalTo("LEADER_IN_CHARGE"));
        act(id, otherLeader(unit), "review-decisions", APPROVE).statusCode(403);
        act(id, leader(unit), "review-decisions", APPROVE).statusCode(200);
        act(id, otherLeader(unit), "review-decisions", APPROVE).statusCode(200).body("review.currentStep", equalTo("OFFICE_CHECK"));
    }

    @Test
    void theDistributionNamesThePeopleByTheirId() {
        String suggestion = UUID.randomUUID().toString();
        String unit = unitCode();
        try (CaseDriver driver = new CaseDriver(bootstrapServers)) {
            driver.assign(suggestion, "ORDINARY", List.of(CaseDriver.unit(unit, "SOLE", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusMonths(3))));
        }
        String id = awaitCase(suggestion, unit);
        Map<String, Object> noId = new HashMap<>(DISTRIBUTION);
        noId.remove("leaderInChargeId");
        act(id, office(unit), "distribution", noId).statusCode(400).body("violations[0].field", equalTo("leaderInChargeId"));
        Map<String, Object> handlerWithoutId = new HashMap<>(DISTRIBUTION);
        handlerWithoutId.remove("leadHandlerId");
        act(id, office(unit), "distribution", handlerWithoutId).statusCode(400).body("violations[0].field", equalTo("leadHandlerId"));
        Map<String, Object> spaced = new HashMap<>(DISTRIBUTION);
        spaced.put("leaderInChargeId", "wang fujuzhang");
        act(id, office(unit), "distribution", spaced).statusCode(400).body("violations[0].field", equalTo("leaderInChargeId"));
        read(id, office(unit)).then().body("state", equalTo("ASSIGNED"));
    }
}
