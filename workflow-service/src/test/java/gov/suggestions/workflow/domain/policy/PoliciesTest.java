package gov.suggestions.workflow.domain.policy;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import gov.suggestions.workflow.domain.Actor;
import gov.suggestions.workflow.domain.CaseRole;
import gov.suggestions.workflow.domain.ConflictException;
import gov.suggestions.workflow.domain.NotYoursException;
import gov.suggestions.workflow.domain.ReviewStep;
import gov.suggestions.workflow.domain.InvalidFieldException;

/** Each guard of the handling rules alone, allowed and refused, with its reason. */
class PoliciesTest {

    static final StepDays DAYS = new StepDays(Instant.parse("2020-08-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"), Duration.ZERO);
    static final LocalDate TODAY = LocalDate.of(2020, 8, 1);

    @Test
    void communicateFirstBeforeSubmittingAReply() {
        assertThrows(ConflictException.class, () -> CommunicateFirst.beforeSubmission(CaseRole.SOLE, 0));
        assertThrows(ConflictException.class, () -> CommunicateFirst.beforeSubmission(CaseRole.LEAD, 0));
        assertDoesNotThrow(() -> CommunicateFirst.beforeSubmission(CaseRole.SEPARATE, 1));
        assertDoesNotThrow(() -> CommunicateFirst.beforeSubmission(CaseRole.JOINT, 0));
    }

    @Test
    void communicateFirstCountsOnlyACommunicationOnOrBeforeTheLettersDay() {
        Optional<Instant> first = Optional.of(Instant.parse("2020-07-10T15:00:00Z")); // 23:00 on 2020-07-10 in Shanghai
        assertDoesNotThrow(() -> CommunicateFirst.beforeReply(CaseRole.SOLE, first, LocalDate.of(2020, 7, 10), DAYS));
        InvalidFieldException e = assertThrows(InvalidFieldException.class,
                () -> CommunicateFirst.beforeReply(CaseRole.SOLE, first, LocalDate.of(2020, 7, 9), DAYS));
        assertEquals("issuedOn 2020-07-09 is before the first communication with the deputy in this round on 2020-07-10: communicate first, then reply",
                e.reason().en());
        assertThrows(ConflictException.class, () -> CommunicateFirst.beforeReply(CaseRole.SOLE, Optional.empty(), TODAY, DAYS));
        assertDoesNotThrow(() -> CommunicateFirst.beforeReply(CaseRole.JOINT, Optional.empty(), TODAY, DAYS));
    }

    @Test
    void jointOpinionsAreAwaitedUntilAnsweredOrLate() {
        assertDoesNotThrow(() -> JointOpinionsAwaited.check(List.of(), TODAY));
        assertDoesNotThrow(() -> JointOpinionsAwaited.check(List.of(new JointOpinionsAwaited.JointUnit("发改委", TODAY.minusDays(1), false),
                new JointOpinionsAwaited.JointUnit("财政局", TODAY.plusDays(9), true)), TODAY));
        ConflictException e = assertThrows(ConflictException.class, () -> JointOpinionsAwaited.check(List.of(
                new JointOpinionsAwaited.JointUnit("发改委", TODAY, false), new JointOpinionsAwaited.JointUnit("财政局", TODAY.plusDays(9), false)), TODAY));
        assertEquals("会办单位尚未反馈意见且未超过期限:发改委、财政局", e.reason().zh());
    }

    @Test
    void aNamedReviewerDecidesInPersonUnlessTheStepIsImported() {
        Actor head = new Actor("li-chuzhang", Set.of("unit-leader"), null, null, false);
        Actor other = new Actor("zhao", Set.of("unit-leader"), null, null, false);
        Actor office = new Actor("li-chuzhang", Set.of("unit-office"), null, null, false);
        Actor imported = new Actor("migrator", Set.of("unit-leader"), null, null, true);
        assertDoesNotThrow(() -> NamedReviewer.check(ReviewStep.DEPARTMENT_HEAD, Optional.of("li-chuzhang"), head));
        assertDoesNotThrow(() -> NamedReviewer.check(ReviewStep.DEPARTMENT_HEAD, Optional.empty(), other));
        assertThrows(NotYoursException.class, () -> NamedReviewer.check(ReviewStep.DEPARTMENT_HEAD, Optional.of("li-chuzhang"), other));
        NotYoursException role = assertThrows(NotYoursException.class, () -> NamedReviewer.check(ReviewStep.DEPARTMENT_HEAD, Optional.empty(), office));
        assertEquals("the current review step DEPARTMENT_HEAD is decided by role unit-leader", role.reason().en());
        assertDoesNotThrow(() -> NamedReviewer.check(ReviewStep.LEADER_IN_CHARGE, Optional.of("wang"), imported));
    }

    @Test
    void onlyTheLeadDeputyOfTheSameBodyEvaluates() {
        assertDoesNotThrow(() -> LeadDeputyEvaluates.check("D-0117", "shenzhen-npc", new Actor("d", Set.of("deputy"), "shenzhen-npc", "D-0117", false)));
        assertThrows(NotYoursException.class,
                () -> LeadDeputyEvaluates.check("D-0117", "shenzhen-npc", new Actor("d", Set.of("deputy"), "shenzhen-npc", "D-0200", false)));
        assertThrows(NotYoursException.class,
                () -> LeadDeputyEvaluates.check("D-0117", "shenzhen-npc", new Actor("d", Set.of("deputy"), "guangdong-npc", "D-0117", false)));
        assertThrows(NotYoursException.class, () -> LeadDeputyEvaluates.check("D-0117", "shenzhen-npc", new Actor("o", Set.of("unit-office"), null, null, false)));
    }

    @Test
    void theEvaluationWindowOpensWithTheLetterAndClosesAfterItsDays() {
        EvaluationWindow window = new EvaluationWindow(LocalDate.of(2020, 7, 1), 30);
        assertEquals(LocalDate.of(2020, 7, 31), window.endsOn());
        assertDoesNotThrow(() -> window.requireOpen(LocalDate.of(2020, 7, 31)));
        assertThrows(ConflictException.class, () -> window.requireOpen(LocalDate.of(2020, 8, 1)));
        assertThrows(ConflictException.class, () -> window.requireEnded(LocalDate.of(2020, 7, 31), "concludedOn", LocalDate.of(2020, 7, 31)));
        InvalidFieldException early = assertThrows(InvalidFieldException.class,
                () -> window.requireEnded(LocalDate.of(2020, 8, 5), "concludedOn", LocalDate.of(2020, 7, 31)));
        assertEquals("concludedOn", early.field());
        assertDoesNotThrow(() -> window.requireEnded(LocalDate.of(2020, 8, 5), "concludedOn", LocalDate.of(2020, 8, 1)));
    }

    @Test
    void aKeySupervisedSuggestionIsLedByANamedLeader() {
        assertDoesNotThrow(() -> KeySupervisedLead.check(false, null, null));
        assertDoesNotThrow(() -> KeySupervisedLead.check(true, "王副局长", "wang"));
        assertEquals("leadHandler", assertThrows(InvalidFieldException.class, () -> KeySupervisedLead.check(true, " ", null)).field());
        assertEquals("leadHandlerId", assertThrows(InvalidFieldException.class, () -> KeySupervisedLead.check(false, "王副局长", null)).field());
        assertEquals("leadHandler", assertThrows(InvalidFieldException.class, () -> KeySupervisedLead.check(false, null, "wang")).field());
    }
}
