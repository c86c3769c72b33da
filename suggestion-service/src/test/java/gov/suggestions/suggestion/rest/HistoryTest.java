package gov.suggestions.suggestion.rest;

import static gov.suggestions.suggestion.rest.SuggestionRequests.as;
import static gov.suggestions.suggestion.rest.SuggestionRequests.asDeputy;
import static gov.suggestions.suggestion.rest.SuggestionRequests.asOffice;
import static gov.suggestions.suggestion.rest.SuggestionRequests.freshNumber;
import static gov.suggestions.suggestion.rest.SuggestionRequests.registration;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasLength;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import gov.suggestions.suggestion.domain.Limits;
import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class HistoryTest {

    @Inject
    EntityManager entityManager;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private String registeredAndWithdrawn() {
        String id = asOffice().body(registration(freshNumber(), "D-0117")).when().post("/api/v1/suggestions")
                .then().statusCode(201).extract().path("id");
        asOffice().header("If-Match", "\"0\"").body("{ \"reason\": \"代表申请撤回\" }")
                .when().post("/api/v1/suggestions/" + id + "/withdrawal").then().statusCode(200);
        return id;
    }

    @Test
    void everyChangeIsChainedAndTheChainVerifies() {
        String id = registeredAndWithdrawn();
        asOffice().when().get("/api/v1/suggestions/" + id + "/history").then().statusCode(200)
                .body("action", contains("REGISTERED", "WITHDRAWN"))
                .body("[0].prevHash", equalTo("0".repeat(64)))
                .body("[0].hash", hasLength(64))
                .body("[1].changes", containsString("代表申请撤回"))
                .body("[1].actor", equalTo("congress-office-user"));
    }

    @Test
    void alteringAStoredEntryIsCaughtAndTheFirstBrokenLinkNamed() {
        String id = registeredAndWithdrawn();
        asOffice().when().get("/api/v1/suggestions/" + id + "/history/verification").then().statusCode(200)
                .body("valid", equalTo(true)).body("entries", equalTo(2)).body("headHash", hasLength(64));

        // the database refuses a plain update of the history ...
        assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("UPDATE suggestion_history SET changes = '{}' WHERE suggestion_id = ?1 AND seq = 1")
                .setParameter(1, UUID.fromString(id)).executeUpdate()));
        // ... so an attacker with the owner's rights switches the guard off first: the chain still tells
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("ALTER TABLE suggestion_history DISABLE TRIGGER tr_suggestion_history_append_only").executeUpdate();
            entityManager.createNativeQuery("UPDATE suggestion_history SET changes = replace(changes, '代表申请撤回', '办结') "
                    + "WHERE suggestion_id = ?1 AND seq = 2").setParameter(1, UUID.fromString(id)).executeUpdate();
            entityManager.createNativeQuery("ALTER TABLE suggestion_history ENABLE TRIGGER tr_suggestion_history_append_only").executeUpdate();
        });

        asOffice().when().get("/api/v1/suggestions/" + id + "/history/verification").then().statusCode(200)
                .body("valid", equalTo(false)).body("firstBrokenSeq", equalTo(2))
                .body("reason", containsString("altered")).body("headHash", nullValue());
    }

    @Test
    void aDeputyCannotReadTheHistoryAndAnotherBodysOfficeFindsNothing() {
        String id = registeredAndWithdrawn();
        asDeputy("D-0117").when().get("/api/v1/suggestions/" + id + "/history").then().statusCode(403);
        as(TestTokens.role("congress-office").congressBody("other-npc").sign()).when().get("/api/v1/suggestions/" + id + "/history/verification")
                .then().statusCode(404);
        as(TestTokens.role("unit-office").unit("u-none").sign()).when().get("/api/v1/suggestions/" + id + "/history").then().statusCode(404);
    }
    @Test
    void aFullHistoryRefusesTheNextChangeWhichIsRolledBack() {
        String id = asOffice().body(registration(freshNumber(), "D-0117")).when().post("/api/v1/suggestions")
                .then().statusCode(201).extract().path("id");
        // entries 2 … 500 (appending is what the database allows)
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                INSERT INTO suggestion_history (suggestion_id, seq, action, actor, occurred_at, changes, prev_hash, hash)
                SELECT ?1, n, 'LINKED', 'office-user', now(), '{}', repeat('0', 64), repeat('0', 64) FROM generate_series(2, ?2) AS n""")
                .setParameter(1, UUID.fromString(id)).setParameter(2, Limits.HISTORY_ENTRIES).executeUpdate());
        asOffice().header("Accept-Language", "en").header("If-Match", "\"0\"").body("{ \"reason\": \"代表申请撤回\" }")
                .when().post("/api/v1/suggestions/" + id + "/withdrawal")
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("500 entries"));
        asOffice().when().get("/api/v1/suggestions/" + id).then().statusCode(200).body("state", equalTo("REGISTERED"));
        asOffice().when().get("/api/v1/suggestions/" + id + "/history").then().statusCode(200)
                .body("size()", equalTo(Limits.HISTORY_ENTRIES));
    }
}
