package gov.suggestions.workflow.rest;

import static gov.suggestions.workflow.support.CaseDriver.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import gov.suggestions.testsupport.InProcessKafka;
import gov.suggestions.testsupport.InjectKafkaBroker;
import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.workflow.support.CaseDriver;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The full path of the roles CaseWorkflowTest walks only in part: a LEAD case (with two JOINT units) and a SEPARATE case
 * each through a return in review, an unsatisfied evaluation, the re-handling and its second reply; a JOINT opinion
 * returned in review and sent after it was redrafted.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class FullPathTest {

    /** Injected by KafkaBrokerResource, in this JVM: also when the test runs against the packaged application. */
    @InjectKafkaBroker
    InProcessKafka broker;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static LocalDate inMonths(int months) {
        return LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusMonths(months);
    }

    /** The joint units answer at once, so the lead unit need not wait. */
    private static void sendOpinion(String caseId, String unit) {
        act(caseId, office(unit), "distribution", DISTRIBUTION).statusCode(200);
        act(caseId, handler(unit), "drafts", Map.of("content", "会办意见")).statusCode(201);
        act(caseId, handler(unit), "draft-submission", NONE).statusCode(200);
        act(caseId, leader(unit), "review-decisions", APPROVE).statusCode(200);
        act(caseId, leader(unit), "review-decisions", APPROVE).statusCode(200);
        act(caseId, office(unit), "opinion", NONE).statusCode(200).body("state", equalTo("OPINION_SENT"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "LEAD", "SEPARATE" })
    void aReplyingUnitGoesThroughAReturnAnUnsatisfiedEvaluationAndARehandlingToConclusion(String role) {
        String suggestion = UUID.randomUUID().toString();
        String unit = unitCode();
        String jointA = unitCode();
        String jointB = unitCode();
        try (CaseDriver driver = new CaseDriver(broker.bootstrapServers())) {
            driver.assign(suggestion, "ORDINARY", "LEAD".equals(role)
                    ? List.of(CaseDriver.unit(unit, role, inMonths(3)), CaseDriver.unit(jointA, "JOINT", inMonths(1)), CaseDriver.unit(jointB, "JOINT", inMonths(1)))
                    : List.of(CaseDriver.unit(unit, role, inMonths(3)), CaseDriver.unit(jointA, "SEPARATE", inMonths(3))));
        }
        String id = awaitCase(suggestion, unit);
        if ("LEAD".equals(role)) {
            sendOpinion(awaitCase(suggestion, jointA), jointA);
            sendOpinion(awaitCase(suggestion, jointB), jointB);
        }
        act(id, office(unit), "distribution", DISTRIBUTION).statusCode(200).body("state", equalTo("DISTRIBUTED"));
        act(id, handler(unit), "communications", phoneCall()).statusCode(200).body("state", equalTo("COMMUNICATING"));
        act(id, handler(unit), "drafts", draft("B", "列入计划逐步解决")).statusCode(201);
        act(id, handler(unit), "draft-submission", NONE).statusCode(200).body("state", equalTo("UNDER_REVIEW"));
        if ("LEAD".equals(role)) {
            read(id, office(unit)).then().body("jointUnits", hasSize(2)).body("jointUnits.late", equalTo(List.of(false, false)));
        }
        // the leader in charge returns it; the next version goes through the whole chain again
        act(id, leader(unit), "review-decisions", APPROVE).statusCode(200);
        act(id, leader(unit), "review-decisions", RETURN).statusCode(200).body("state", equalTo("DRAFTING"));
        act(id, handler(unit), "drafts", draft("B", "列入计划逐步解决,补充时间表")).statusCode(201).body("version", equalTo(2));
        act(id, handler(unit), "draft-submission", NONE).statusCode(200).body("review.currentStep", equalTo("DEPARTMENT_HEAD"));
        approveDefaultChain(id, unit);
        act(id, office(unit), "reply", Map.of("disclosure", "PUBLIC")).statusCode(200).body("state", equalTo("REPLIED"));

        act(id, deputy(DEPUTY), "evaluation", Map.of("result", "UNSATISFIED", "comments", "措施不具体")).statusCode(200)
                .body("state", equalTo("REHANDLING")).body("round", equalTo(2));
        act(id, handler(unit), "communications", phoneCall()).statusCode(200).body("state", equalTo("COMMUNICATING"));
        act(id, handler(unit), "drafts", draft("A", "已解决")).statusCode(201).body("round", equalTo(2));
        act(id, handler(unit), "draft-submission", NONE).statusCode(200);
        approveDefaultChain(id, unit);
        act(id, office(unit), "reply", Map.of("disclosure", "PUBLIC")).statusCode(200).body("replies", hasSize(2));
        act(id, deputy(DEPUTY), "evaluation", Map.of("result", "BASICALLY_SATISFIED")).statusCode(200).body("state", equalTo("EVALUATED"));
        act(id, office(unit), "conclusion", NONE).statusCode(200).body("state", equalTo("CONCLUDED")).body("evaluations", hasSize(2));

        List<String> actions = given().auth().oauth2(office(unit)).when().get("/api/v1/cases/" + id + "/history").then().statusCode(200)
                .extract().path("action");
        assertEquals(1, actions.stream().filter("RETURN_DRAFT"::equals).count());
        assertEquals(1, actions.stream().filter("START_REHANDLING"::equals).count());
        assertEquals(2, actions.stream().filter("ISSUE_REPLY"::equals).count());
        given().auth().oauth2(supervisor()).when().get("/api/v1/cases/" + id + "/history/verification").then().body("valid", equalTo(true));
    }

    @Test
    void aJointOpinionReturnedInReviewIsRedraftedAndSent() {
        String suggestion = UUID.randomUUID().toString();
        String lead = unitCode();
        String joint = unitCode();
        try (CaseDriver driver = new CaseDriver(broker.bootstrapServers())) {
            driver.assign(suggestion, "ORDINARY", List.of(CaseDriver.unit(lead, "LEAD", inMonths(3)), CaseDriver.unit(joint, "JOINT", inMonths(1))));
        }
        String id = awaitCase(suggestion, joint);
        act(id, office(joint), "distribution", DISTRIBUTION).statusCode(200);
        act(id, handler(joint), "drafts", Map.of("content", "会办意见初稿")).statusCode(201);
        act(id, handler(joint), "draft-submission", NONE).statusCode(200).body("review.chain", equalTo(List.of("DEPARTMENT_HEAD", "LEADER_IN_CHARGE")));
        act(id, leader(joint), "review-decisions", RETURN).statusCode(200).body("state", equalTo("DRAFTING"));
        act(id, office(joint), "opinion", NONE).statusCode(409);
        act(id, handler(joint), "drafts", Map.of("content", "会办意见修改稿")).statusCode(201).body("version", equalTo(2));
        act(id, handler(joint), "draft-submission", NONE).statusCode(200);
        act(id, leader(joint), "review-decisions", APPROVE).statusCode(200);
        act(id, leader(joint), "review-decisions", APPROVE).statusCode(200).body("review.complete", equalTo(true));
        act(id, office(joint), "opinion", NONE).statusCode(200).body("state", equalTo("OPINION_SENT"));
        act(id, office(joint), "conclusion", NONE).statusCode(200).body("state", equalTo("CONCLUDED"));

        String leadCase = awaitCase(suggestion, lead);
        read(leadCase, office(lead)).then().body("jointUnits[0].opinion", equalTo("会办意见修改稿")).body("jointUnits[0].late", equalTo(false));
    }
}
