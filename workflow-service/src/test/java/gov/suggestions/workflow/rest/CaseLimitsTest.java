package gov.suggestions.workflow.rest;

import static gov.suggestions.workflow.support.CaseDriver.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.workflow.domain.CaseParts;
import gov.suggestions.workflow.domain.Communication;
import gov.suggestions.workflow.domain.CommunicationKind;
import gov.suggestions.workflow.domain.CommitmentProgress;
import gov.suggestions.workflow.domain.ReplyDraft;
import gov.suggestions.workflow.repository.CommitmentRepository;
import gov.suggestions.workflow.repository.CommunicationRepository;
import gov.suggestions.workflow.repository.ReplyDraftRepository;
import gov.suggestions.workflow.service.CaseHistory;
import gov.suggestions.workflow.domain.Limits;
import gov.suggestions.workflow.support.CaseDriver;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The bounds the OpenAPI document states are the code's: a header or parameter beyond them answers 400 naming it, and a
 * case refuses (409) the child that would make one of its lists longer than documented. The rows up to a bound are
 * written directly (not through 200 requests); the request at the bound goes through the API.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class CaseLimitsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    CaseHistory history;

    @Inject
    ReplyDraftRepository drafts;

    @Inject
    CommunicationRepository communications;

    @Inject
    CommitmentRepository commitments;

    CaseDriver driver;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeEach
    void open() {
        driver = new CaseDriver(bootstrapServers);
    }

    @AfterEach
    void close() {
        driver.close();
    }

    private String openCase(String unit) {
        String suggestion = UUID.randomUUID().toString();
        driver.assign(suggestion, "ORDINARY", List.of(CaseDriver.unit(unit, "SOLE", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusMonths(3))));
        return awaitCase(suggestion, unit);
    }

    @Test
    void anIfMatchLongerThanAnyETagIs400NamingTheHeader() {
        String unit = unitCode();
        String id = openCase(unit);
        given().auth().oauth2(office(unit)).header("If-Match", "\"" + "9".repeat(Limits.IF_MATCH) + "\"").contentType("application/json")
                .body(DISTRIBUTION).when().post("/api/v1/cases/" + id + "/distribution")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("type", equalTo("urn:gov-suggestions:problem:validation"))
                .body("violations", hasSize(1)).body("violations[0].field", equalTo("If-Match"));
        read(id, office(unit)).then().body("state", equalTo("ASSIGNED"));
        // an ETag as the service sends it still works
        act(id, office(unit), "distribution", DISTRIBUTION).statusCode(200);
    }

    @Test
    void theHistoryIsReadInPartsOfAtMost500Entries() {
        String unit = unitCode();
        String id = openCase(unit);
        UUID caseId = UUID.fromString(id);
        // the case has its OPEN entry; add as many more as a full answer and a bit
        QuarkusTransaction.requiringNew().run(() -> {
            Instant at = Instant.now();
            for (int i = 0; i < Limits.HISTORY_PAGE + 20; i++) {
                history.append(caseId, "CHASE", "ASSIGNED", "ASSIGNED", "supervisor-1", at.plusMillis(i), "请抓紧", null);
            }
        });
        String office = office(unit);
        given().auth().oauth2(office).when().get("/api/v1/cases/" + id + "/history").then().statusCode(200)
                .body("", hasSize(Limits.HISTORY_PAGE)).body("[0].seq", equalTo(1)).body("[499].seq", equalTo(Limits.HISTORY_PAGE));
        given().auth().oauth2(office).queryParam("fromSeq", Limits.HISTORY_PAGE + 1).when().get("/api/v1/cases/" + id + "/history")
                .then().statusCode(200).body("", hasSize(21)).body("[0].seq", equalTo(Limits.HISTORY_PAGE + 1));
        given().auth().oauth2(office).queryParam("fromSeq", 0).when().get("/api/v1/cases/" + id + "/history")
                .then().statusCode(400).contentType(startsWith("application/problem+json")).body("violations[0].field", equalTo("fromSeq"));
        // the verification still reads the whole chain
        given().auth().oauth2(office).when().get("/api/v1/cases/" + id + "/history/verification").then().statusCode(200)
                .body("entries", equalTo(Limits.HISTORY_PAGE + 21));
    }

    @Test
    void aCaseTakesAtMost200DraftVersions() {
        String unit = unitCode();
        String id = openCase(unit);
        act(id, office(unit), "distribution", DISTRIBUTION).statusCode(200);
        act(id, handler(unit), "communications", phoneCall()).statusCode(200);
        act(id, handler(unit), "drafts", draft("A", "已解决")).statusCode(201).body("version", equalTo(1));
        UUID caseId = UUID.fromString(id);
        QuarkusTransaction.requiringNew().run(() -> {
            ReplyDraft first = drafts.latest(caseId).orElseThrow();
            for (int version = 2; version < Limits.DRAFTS_PER_CASE; version++) {
                ReplyDraft draft = new ReplyDraft();
                draft.id = UUID.randomUUID();
                draft.caseId = caseId;
                draft.version = version;
                draft.round = first.round;
                draft.category = first.category;
                draft.content = first.content;
                draft.commitments = first.commitments;
                draft.contacts = first.contacts;
                draft.changes = List.of();
                draft.createdBy = first.createdBy;
                draft.createdAt = Instant.now();
                drafts.persist(draft);
            }
        });
        act(id, handler(unit), "drafts", draft("A", "已解决,第二百稿")).statusCode(201).body("version", equalTo(Limits.DRAFTS_PER_CASE));
        act(id, handler(unit), "drafts", draft("A", "已解决,多一稿")).statusCode(409)
                .contentType(startsWith("application/problem+json")).body("detail", containsString("200"));
        given().auth().oauth2(handler(unit)).when().get("/api/v1/cases/" + id + "/drafts").then().statusCode(200)
                .body("", hasSize(Limits.DRAFTS_PER_CASE));
    }

    @Test
    void aCaseTakesAtMost200Communications() {
        String unit = unitCode();
        String id = openCase(unit);
        String other = openCase(unit);
        act(id, office(unit), "distribution", DISTRIBUTION).statusCode(200);
        act(other, office(unit), "distribution", DISTRIBUTION).statusCode(200);
        act(id, handler(unit), "communications", phoneCall()).statusCode(200);
        UUID caseId = UUID.fromString(id);
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 1; i < Limits.COMMUNICATIONS_PER_CASE; i++) {
                Communication c = new Communication();
                c.id = UUID.randomUUID();
                c.kind = CommunicationKind.PHONE;
                c.occurredAt = Instant.parse("2020-06-10T07:00:00Z").plusSeconds(i);
                c.participants = List.of(new CaseParts.Participant("王副局长", null, true));
                c.summary = "电话沟通";
                c.recordedBy = "handler-" + unit;
                c.recordedAt = Instant.now();
                c.sharedCaseCount = 1;
                communications.persist(c);
                communications.link(c, caseId, (short) 1);
            }
        });
        act(id, handler(unit), "communications", phoneCall()).statusCode(409)
                .contentType(startsWith("application/problem+json")).body("detail", containsString(id));
        // a shared communication is all or nothing: the full case keeps the other from getting it too
        Map<String, Object> symposium = new java.util.HashMap<>(phoneCall());
        symposium.put("kind", "SYMPOSIUM");
        symposium.put("caseIds", List.of(other, id));
        given().auth().oauth2(handler(unit)).contentType("application/json").body(symposium).when().post("/api/v1/communications")
                .then().statusCode(409).body("detail", containsString(id));
        given().auth().oauth2(handler(unit)).when().get("/api/v1/cases/" + id + "/communications").then().statusCode(200)
                .body("", hasSize(Limits.COMMUNICATIONS_PER_CASE));
        given().auth().oauth2(handler(unit)).when().get("/api/v1/cases/" + other + "/communications").then().statusCode(200).body("", hasSize(0));
        read(id, handler(unit)).then().body("communicationsThisRound", equalTo(Limits.COMMUNICATIONS_PER_CASE));
    }

    @Test
    void aCommitmentTakesAtMost100ProgressReports() {
        String unit = unitCode();
        String id = openCase(unit);
        toReplied(id, unit);
        String commitmentId = given().auth().oauth2(handler(unit)).when().get("/api/v1/cases/" + id + "/commitments")
                .then().statusCode(200).body("", hasSize(1)).extract().path("[0].id");
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 1; i < Limits.PROGRESS_PER_COMMITMENT; i++) {
                CommitmentProgress progress = new CommitmentProgress();
                progress.id = UUID.randomUUID();
                progress.commitmentId = UUID.fromString(commitmentId);
                progress.note = "第 " + i + " 次进展";
                progress.reportedBy = "handler-" + unit;
                progress.reportedAt = Instant.now().plusMillis(i);
                commitments.persist(progress);
            }
        });
        String path = "/api/v1/cases/" + id + "/commitments/" + commitmentId + "/progress";
        given().auth().oauth2(handler(unit)).contentType("application/json").body(Map.of("note", "第一百次进展")).when().post(path)
                .then().statusCode(201).body("progress", hasSize(Limits.PROGRESS_PER_COMMITMENT));
        given().auth().oauth2(handler(unit)).contentType("application/json").body(Map.of("note", "多一次")).when().post(path)
                .then().statusCode(409).contentType(startsWith("application/problem+json"));
        assertEquals(Limits.PROGRESS_PER_COMMITMENT, QuarkusTransaction.requiringNew()
                .call(() -> commitments.countProgress(UUID.fromString(commitmentId))).intValue());
    }
}
