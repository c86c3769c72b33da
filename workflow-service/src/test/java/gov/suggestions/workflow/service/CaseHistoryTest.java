package gov.suggestions.workflow.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.workflow.support.SettableClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The hash chain catches what someone with write access to the database changes behind the service's back. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class CaseHistoryTest {

    @Inject
    CaseHistory history;

    @Inject
    EntityManager em;

    @Inject
    SettableClock clock;

    private UUID chainOfThree() {
        UUID caseId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = clock.instant();
            history.append(caseId, "OPEN", null, "ASSIGNED", "system", now, null, "{\"role\":\"SOLE\"}");
            history.append(caseId, "DISTRIBUTE", "ASSIGNED", "DISTRIBUTED", "office-1", now.plusSeconds(60), "请办理", null);
            history.append(caseId, "RECORD_COMMUNICATION", "DISTRIBUTED", "COMMUNICATING", "handler-1", now.plusSeconds(120), "电话沟通", null);
        });
        return caseId;
    }

    @Test
    void anUntouchedChainVerifies() {
        UUID caseId = chainOfThree();
        CaseHistory.Verification result = history.verify(caseId);
        assertTrue(result.valid());
        assertEquals(3, result.entries());
        assertNull(result.firstBrokenSeq());
    }

    @Test
    void aCommentChangedInTheDatabaseIsCaughtAtThatEntry() {
        UUID caseId = chainOfThree();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE case_history SET comment = '未沟通' WHERE case_id = :id AND seq = 2").setParameter("id", caseId).executeUpdate());
        CaseHistory.Verification result = history.verify(caseId);
        assertFalse(result.valid());
        assertEquals(2, result.firstBrokenSeq());
    }

    @Test
    void aRecomputedHashStillBreaksTheNextLink() {
        UUID caseId = chainOfThree();
        // the forger rewrites entry 1 and its own hash, but cannot fix entry 2's pointer without rewriting everything after
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE case_history SET actor = 'someone-else', hash = md5('x') || md5('y') WHERE case_id = :id AND seq = 1")
                .setParameter("id", caseId).executeUpdate());
        assertEquals(1, history.verify(caseId).firstBrokenSeq());
    }

    @Test
    void aDeletedEntryInTheMiddleIsNamed() {
        UUID caseId = chainOfThree();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "DELETE FROM case_history WHERE case_id = :id AND seq = 2").setParameter("id", caseId).executeUpdate());
        CaseHistory.Verification result = history.verify(caseId);
        assertFalse(result.valid());
        assertEquals(2, result.firstBrokenSeq());
    }

    @Test
    void clockTimesSurviveTheDatabaseRoundTrip() {
        clock.advance(Duration.ofDays(45).plusNanos(123_456_789));
        try {
            UUID caseId = chainOfThree();
            assertTrue(history.verify(caseId).valid());
        } finally {
            clock.reset();
        }
    }
}
