package gov.suggestions.workflow.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import gov.suggestions.workflow.domain.policy.JointOpinionsAwaited.JointUnit;
import gov.suggestions.workflow.domain.policy.StepDays;

/**
 * The steps of a case and their guards, on the aggregate alone: no Quarkus, no database, no clock. Over 400 lines on
 * purpose: every step and guard of the aggregate, a few lines each.
 */
class HandlingCaseTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** 2020-08-01 10:00 in Shanghai. */
    static final StepDays DAYS = new StepDays(Instant.parse("2020-08-01T02:00:00Z"), ZONE, Duration.ofMinutes(5));
    static final LocalDate TODAY = LocalDate.of(2020, 8, 1);
    static final List<ReviewStep> CHAIN = List.of(ReviewStep.DEPARTMENT_HEAD, ReviewStep.LEADER_IN_CHARGE);
    static final Actor LEADER = new Actor("li-chuzhang", Set.of("unit-leader"), null, null, false);
    static final Actor DEPUTY = new Actor("deputy-1", Set.of("deputy"), "shenzhen-npc", "D-0117", false);

    static HandlingCase inState(CaseRole role, CaseState state) {
        HandlingCase c = new HandlingCase();
        c.id = UUID.randomUUID();
        c.suggestionId = UUID.randomUUID();
        c.congressBody = "shenzhen-npc";
        c.number = "20200055";
        c.title = "关于加快推进政务数据共享的建议";
        c.supervisionLevel = "ORDINARY";
        c.priority = "ORDINARY";
        c.leadDeputyId = "D-0117";
        c.unitCode = "sz-zsj";
        c.unitName = "深圳市政务服务数据管理局";
        c.role = role;
        c.state = state;
        c.assignedOn = LocalDate.of(2020, 6, 1);
        c.dueOn = LocalDate.of(2020, 9, 1);
        c.round = 1;
        c.distributedOn = state == CaseState.ASSIGNED ? null : LocalDate.of(2020, 6, 5);
        c.departmentHeadId = "li-chuzhang";
        c.leaderInChargeId = "wang-fujuzhang";
        return c;
    }

    static HandlingCase.Distribution distribution(String leadHandler, String leadHandlerId, LocalDate on) {
        return new HandlingCase.Distribution("王副局长", "wang-fujuzhang", leadHandler, leadHandlerId, " ", "数据资源处", List.of("政务服务处"), "李某",
                LocalDate.of(2020, 7, 31), on, "请抓紧办理");
    }

    static ReplyDraft draft(int version) {
        ReplyDraft d = new ReplyDraft();
        d.version = version;
        d.category = ResultCategory.A;
        return d;
    }

    // ---- distribution

    @Test
    void distributionNamesWhoHandlesTheCaseAndReturnsItsEvent() {
        HandlingCase c = inState(CaseRole.SOLE, CaseState.ASSIGNED);
        Transition<CaseEvent.CaseDistributed> step = c.distribute(distribution(null, null, LocalDate.of(2020, 6, 5)), DAYS, 1);
        assertEquals(CaseState.ASSIGNED, step.from());
        assertEquals(CaseState.DISTRIBUTED, step.to());
        assertEquals(CaseState.DISTRIBUTED, c.state);
        assertEquals(LocalDate.of(2020, 7, 5), c.assistingOpinionsDue);
        assertNull(c.departmentHeadId, "a blank department head is none");
        assertEquals(List.of("政务服务处"), step.event().assistingDepartments());
        assertEquals(LocalDate.of(2020, 6, 5), step.on());
        assertEquals("case.distributed.v1", step.event().type());
    }

    @Test
    void aDistributedCaseIsNotDistributedAgain() {
        ConflictException e = assertThrows(ConflictException.class,
                () -> inState(CaseRole.SOLE, CaseState.DISTRIBUTED).distribute(distribution(null, null, null), DAYS, 1));
        assertEquals("the case is DISTRIBUTED (SOLE); DISTRIBUTE is not allowed now", e.reason().en());
    }

    @Test
    void aKeySupervisedSuggestionNeedsALeadHandler() {
        HandlingCase c = inState(CaseRole.SOLE, CaseState.ASSIGNED);
        c.supervisionLevel = "KEY";
        InvalidFieldException e = assertThrows(InvalidFieldException.class, () -> c.distribute(distribution(null, null, null), DAYS, 1));
        assertEquals("leadHandler", e.field());
        assertEquals(CaseState.ASSIGNED, c.state, "a refused step changes nothing");
        c.distribute(distribution("王副局长", "wang-fujuzhang", null), DAYS, 1);
        assertEquals("wang-fujuzhang", c.leadHandlerId);
    }

    @Test
    void aDistributionIsNotDatedBeforeTheAssignmentNorInTheFuture() {
        InvalidFieldException before = assertThrows(InvalidFieldException.class,
                () -> inState(CaseRole.SOLE, CaseState.ASSIGNED).distribute(distribution(null, null, LocalDate.of(2020, 5, 31)), DAYS, 1));
        assertEquals("distributedOn 2020-05-31 is before the assignment on 2020-06-01", before.reason().en());
        InvalidFieldException future = assertThrows(InvalidFieldException.class,
                () -> inState(CaseRole.SOLE, CaseState.ASSIGNED).distribute(distribution(null, null, TODAY.plusDays(1)), DAYS, 1));
        assertEquals("distributedOn", future.field());
    }

    // ---- communication

    static HandlingCase.CommunicationHeld held(Instant at) {
        return new HandlingCase.CommunicationHeld(UUID.randomUUID(), CommunicationKind.PHONE, at, true, 1);
    }

    @Test
    void aCommunicationIsRecordedUpToTheMostACaseTakes() {
        HandlingCase c = inState(CaseRole.SOLE, CaseState.DISTRIBUTED);
        Transition<CaseEvent.CommunicationRecorded> step = c.recordCommunication(held(Instant.parse("2020-06-10T07:00:00Z")), 0, 50, DAYS);
        assertEquals(CaseState.COMMUNICATING, c.state);
        assertEquals(LocalDate.of(2020, 6, 10), step.on());
        assertTrue(step.event().leaderParticipated());
        ConflictException full = assertThrows(ConflictException.class, () -> c.recordCommunication(held(Instant.parse("2020-06-10T07:00:00Z")), 50, 50, DAYS));
        assertTrue(full.reason().en().endsWith("already has 50 communications, the most a case takes"), full.reason().en());
    }

    @Test
    void aJointCaseRecordsNoCommunicationAndTheRefusalNamesTheCase() {
        HandlingCase c = inState(CaseRole.JOINT, CaseState.DISTRIBUTED);
        ConflictException e = assertThrows(ConflictException.class, () -> c.recordCommunication(held(Instant.parse("2020-06-10T07:00:00Z")), 0, 50, DAYS));
        assertEquals("case 20200055 (sz-zsj, " + c.id + ") is DISTRIBUTED (JOINT); a communication cannot be recorded for it now", e.reason().en());
    }

    @Test
    void aCommunicationBeforeTheAssignmentIsRefused() {
        InvalidFieldException e = assertThrows(InvalidFieldException.class, () -> inState(CaseRole.SOLE, CaseState.DISTRIBUTED)
                .recordCommunication(held(Instant.parse("2020-05-20T07:00:00Z")), 0, 50, DAYS));
        assertEquals("occurredAt", e.field());
    }

    // ---- drafts and review

    @Test
    void aReplyDraftNeedsItsCategoryAndCategoryBItsCommitments() {
        HandlingCase c = inState(CaseRole.SOLE, CaseState.COMMUNICATING);
        assertEquals("category", assertThrows(InvalidFieldException.class, () -> c.saveDraft(null, false, 0, 20)).field());
        assertEquals("commitments", assertThrows(InvalidFieldException.class, () -> c.saveDraft(ResultCategory.B, false, 0, 20)).field());
        assertThrows(ConflictException.class, () -> c.saveDraft(ResultCategory.A, false, 20, 20));
        Transition<CaseEvent> step = c.saveDraft(ResultCategory.A, false, 0, 20);
        assertEquals(CaseState.DRAFTING, step.to());
        assertNull(step.event(), "a saved draft is kept in the history only");
        HandlingCase joint = inState(CaseRole.JOINT, CaseState.DISTRIBUTED);
        joint.saveDraft(null, false, 0, 20);
        assertNull(joint.draftCategory(ResultCategory.A), "a joint opinion has no category");
    }

    @Test
    void aReplyIsSubmittedOnlyAfterCommunicatingFirst() {
        HandlingCase c = inState(CaseRole.SOLE, CaseState.DRAFTING);
        ConflictException e = assertThrows(ConflictException.class, () -> c.submitDraft(draft(1), CHAIN, 0, List.of(), TODAY, null));
        assertEquals("no communication with the deputy is recorded yet: communicate first, then reply", e.reason().en());
        Transition<CaseEvent.DraftSubmitted> step = c.submitDraft(draft(1), CHAIN, 1, List.of(), TODAY, null);
        assertEquals(CaseState.UNDER_REVIEW, c.state);
        assertEquals(ReviewStep.DEPARTMENT_HEAD, step.event().reviewStep());
        assertEquals(Short.valueOf((short) 0), c.reviewStep);
        HandlingCase joint = inState(CaseRole.JOINT, CaseState.DRAFTING);
        joint.submitDraft(draft(1), CHAIN, 0, List.of(), TODAY, null);
        assertEquals(CaseState.UNDER_REVIEW, joint.state, "a joint opinion does not wait for a communication");
    }

    @Test
    void aLeadCaseWaitsForItsJointUnitsUntilTheirDeadline() {
        HandlingCase c = inState(CaseRole.LEAD, CaseState.DRAFTING);
        List<JointUnit> waiting = List.of(new JointUnit("发改委", TODAY, false), new JointUnit("财政局", TODAY.minusDays(1), false),
                new JointUnit("住建局", TODAY.plusDays(3), true));
        ConflictException e = assertThrows(ConflictException.class, () -> c.submitDraft(draft(1), CHAIN, 1, waiting, TODAY, null));
        assertEquals("joint units have not sent their opinion and their deadline has not passed: 发改委", e.reason().en());
        c.submitDraft(draft(1), CHAIN, 1, waiting, TODAY.plusDays(1), null);
        assertEquals(CaseState.UNDER_REVIEW, c.state);
    }

    static HandlingCase underReview(int step) {
        HandlingCase c = inState(CaseRole.SOLE, CaseState.UNDER_REVIEW);
        c.reviewStep = (short) step;
        return c;
    }

    @Test
    void eachReviewStepApprovesInTurnUntilTheChainIsComplete() {
        HandlingCase c = underReview(0);
        Transition<CaseEvent.ReviewDecided> first = c.decideReview(ReviewDecision.APPROVE, null, LEADER, CHAIN, Optional.empty(), 1);
        assertEquals(ReviewStep.LEADER_IN_CHARGE, first.event().nextStep());
        assertFalse(first.event().reviewComplete());
        Actor leaderInCharge = new Actor("wang-fujuzhang", Set.of("unit-leader"), null, null, false);
        Transition<CaseEvent.ReviewDecided> last = c.decideReview(ReviewDecision.APPROVE, "同意", leaderInCharge, CHAIN, Optional.empty(), 1);
        assertTrue(last.event().reviewComplete());
        assertNull(last.event().nextStep());
        ConflictException again = assertThrows(ConflictException.class,
                () -> c.decideReview(ReviewDecision.APPROVE, null, leaderInCharge, CHAIN, Optional.empty(), 1));
        assertEquals("the review chain is complete: issue the reply", again.reason().en());
    }

    @Test
    void aReturnNeedsCommentsAndSendsTheDraftBack() {
        HandlingCase c = underReview(0);
        assertEquals("comment", assertThrows(InvalidFieldException.class,
                () -> c.decideReview(ReviewDecision.RETURN, " ", LEADER, CHAIN, Optional.empty(), 1)).field());
        Transition<CaseEvent.ReviewDecided> step = c.decideReview(ReviewDecision.RETURN, "请补充措施", LEADER, CHAIN, Optional.empty(), 1);
        assertEquals(CaseAction.RETURN_DRAFT, step.action());
        assertEquals(CaseState.DRAFTING, c.state);
        assertNull(c.reviewStep);
    }

    @Test
    void aReviewStepNamedForSomeoneIsTheirsOnly() {
        HandlingCase c = underReview(0);
        Actor otherLeader = new Actor("zhao", Set.of("unit-leader"), null, null, false);
        NotYoursException e = assertThrows(NotYoursException.class,
                () -> c.decideReview(ReviewDecision.APPROVE, null, otherLeader, CHAIN, Optional.empty(), 1));
        assertEquals("the current review step DEPARTMENT_HEAD is decided by li-chuzhang in person", e.reason().en());
        assertEquals(Optional.of("zhang"), c.deciderOf(ReviewStep.PRINCIPAL_LEADER, Optional.of("zhang")));
        assertEquals(Optional.empty(), c.deciderOf(ReviewStep.OFFICE_CHECK, Optional.of("zhang")));
    }

    // ---- reply and opinion

    @Test
    void aReplyWaitsForTheReviewAndForTheFirstCommunication() {
        HandlingCase c = underReview(1);
        ConflictException review = assertThrows(ConflictException.class,
                () -> c.replyDate(null, CHAIN, null, Optional.of(Instant.parse("2020-06-10T07:00:00Z")), DAYS));
        assertEquals("the review is not complete: waiting for LEADER_IN_CHARGE", review.reason().en());
        c.reviewComplete = true;
        InvalidFieldException early = assertThrows(InvalidFieldException.class,
                () -> c.replyDate(LocalDate.of(2020, 6, 9), CHAIN, null, Optional.of(Instant.parse("2020-06-10T07:00:00Z")), DAYS));
        assertEquals("issuedOn", early.field());
        assertThrows(ConflictException.class, () -> c.replyDate(null, CHAIN, null, Optional.empty(), DAYS));
        assertEquals(LocalDate.of(2020, 6, 10), c.replyDate(LocalDate.of(2020, 6, 10), CHAIN, null, Optional.of(Instant.parse("2020-06-10T07:00:00Z")), DAYS));
    }

    @Test
    void anIssuedReplyAwaitsTheEvaluation() {
        HandlingCase c = underReview(2);
        c.reviewComplete = true;
        ReplyLetter letter = new ReplyLetter();
        letter.documentNumber = "深政数函〔2020〕12号";
        letter.issuedOn = LocalDate.of(2020, 7, 1);
        letter.dueOn = c.dueOn;
        letter.onTime = c.onTime(letter.issuedOn);
        letter.round = 1;
        Transition<CaseEvent.Replied> step = c.issueReply(letter, List.of(new CaseEvent.Measure("二期", "数据资源处", LocalDate.of(2020, 12, 31))), null);
        assertEquals(CaseState.REPLIED, c.state);
        assertEquals(1, step.event().commitmentCount());
        assertTrue(step.event().onTime());
        assertFalse(c.reviewComplete);
        assertFalse(c.onTime(c.dueOn.plusDays(1)));
    }

    @Test
    void aJointOpinionIsSentAfterItsReviewAndNotBeforeTheDistribution() {
        HandlingCase c = inState(CaseRole.JOINT, CaseState.UNDER_REVIEW);
        c.reviewStep = 0;
        assertThrows(ConflictException.class, () -> c.sendOpinion(null, CHAIN, draft(1), DAYS, null));
        c.reviewComplete = true;
        assertEquals("sentOn", assertThrows(InvalidFieldException.class,
                () -> c.sendOpinion(LocalDate.of(2020, 6, 4), CHAIN, draft(1), DAYS, null)).field());
        Transition<CaseEvent.OpinionSent> step = c.sendOpinion(null, CHAIN, draft(2), DAYS, "会办意见");
        assertEquals(CaseState.OPINION_SENT, c.state);
        assertEquals(TODAY, step.event().sentOn());
        assertEquals(2, step.event().draftVersion());
        assertThrows(ConflictException.class, () -> inState(CaseRole.SOLE, CaseState.UNDER_REVIEW).sendOpinion(null, CHAIN, draft(1), DAYS, null),
                "a reply case sends no opinion");
    }

    // ---- evaluation, re-handling, conclusion

    static HandlingCase.EvaluationGiven evaluation(EvaluationResult result, LocalDate on) {
        return new HandlingCase.EvaluationGiven(result, EvaluationResult.SATISFIED, EvaluationResult.SATISFIED, "措施不具体", on);
    }

    @Test
    void onlyTheLeadDeputyEvaluatesWithinTheWindow() {
        HandlingCase c = inState(CaseRole.SOLE, CaseState.REPLIED);
        Actor coSigner = new Actor("deputy-2", Set.of("deputy"), "shenzhen-npc", "D-0200", false);
        assertThrows(NotYoursException.class, () -> c.evaluate(evaluation(EvaluationResult.SATISFIED, null), coSigner, TODAY.minusDays(10), 30, DAYS));
        Actor otherBody = new Actor("deputy-3", Set.of("deputy"), "guangdong-npc", "D-0117", false);
        assertThrows(NotYoursException.class, () -> c.evaluate(evaluation(EvaluationResult.SATISFIED, null), otherBody, TODAY.minusDays(10), 30, DAYS));
        ConflictException closed = assertThrows(ConflictException.class,
                () -> c.evaluate(evaluation(EvaluationResult.SATISFIED, null), DEPUTY, TODAY.minusDays(31), 30, DAYS));
        assertEquals("the evaluation window closed on 2020-07-31; the reply was recorded as not evaluated and can no longer be evaluated",
                closed.reason().en());
        Transition<CaseEvent.Evaluated> step = c.evaluate(evaluation(EvaluationResult.SATISFIED, null), DEPUTY, TODAY.minusDays(30), 30, DAYS);
        assertEquals(CaseState.EVALUATED, c.state);
        assertEquals(TODAY, step.event().evaluatedOn());
        assertTrue(c.rehandleIfUnsatisfied(TODAY, 1, 3).isEmpty(), "a satisfied deputy reopens nothing");
    }

    @Test
    void anUnsatisfiedEvaluationReopensTheCaseOnce() {
        HandlingCase c = inState(CaseRole.SOLE, CaseState.REPLIED);
        c.evaluate(evaluation(EvaluationResult.UNSATISFIED, null), DEPUTY, TODAY.minusDays(5), 30, DAYS);
        Transition<CaseEvent.RehandlingStarted> step = c.rehandleIfUnsatisfied(TODAY, 1, 3).orElseThrow();
        assertEquals(CaseState.REHANDLING, c.state);
        assertEquals(2, c.round);
        assertEquals(LocalDate.of(2020, 11, 1), step.event().dueOn());
        c.state = CaseState.REPLIED;
        c.evaluate(evaluation(EvaluationResult.UNSATISFIED, null), DEPUTY, TODAY.minusDays(5), 30, DAYS);
        assertTrue(c.rehandleIfUnsatisfied(TODAY, 1, 3).isEmpty(), "the second round is the last");
        assertEquals(CaseState.EVALUATED, c.state);
    }

    @Test
    void aReplyIsConcludedAsNotEvaluatedOnlyAfterTheWindow() {
        HandlingCase within = inState(CaseRole.SOLE, CaseState.REPLIED);
        ConflictException e = assertThrows(ConflictException.class, () -> within.conclude(null, null, TODAY.minusDays(30), null, null, 30, DAYS));
        assertEquals("the deputy may evaluate until 2020-08-01; the case cannot be concluded as not evaluated before then", e.reason().en());
        HandlingCase after = inState(CaseRole.SOLE, CaseState.REPLIED);
        assertEquals("concludedOn", assertThrows(InvalidFieldException.class,
                () -> after.conclude(TODAY.minusDays(2), null, TODAY.minusDays(32), null, null, 30, DAYS)).field());
        Transition<CaseEvent.Concluded> step = after.conclude(null, "办结", TODAY.minusDays(31), null, null, 30, DAYS);
        assertEquals("NOT_EVALUATED", step.event().evaluation());
        assertEquals(CaseState.CONCLUDED, after.state);
        assertEquals(TODAY, after.concludedOn);
    }

    @Test
    void anEvaluatedCaseConcludesWithTheDeputysResultAndAJointOneAfterItsOpinion() {
        HandlingCase evaluated = inState(CaseRole.SOLE, CaseState.EVALUATED);
        evaluated.lastEvaluation = EvaluationResult.SATISFIED;
        assertThrows(InvalidFieldException.class, () -> evaluated.conclude(TODAY.minusDays(2), null, null, TODAY.minusDays(1), null, 30, DAYS));
        assertEquals("SATISFIED", evaluated.conclude(null, null, null, TODAY.minusDays(1), null, 30, DAYS).event().evaluation());
        HandlingCase joint = inState(CaseRole.JOINT, CaseState.OPINION_SENT);
        assertThrows(InvalidFieldException.class, () -> joint.conclude(TODAY.minusDays(2), null, null, null, TODAY.minusDays(1), 30, DAYS));
        assertNull(joint.conclude(null, null, null, null, TODAY.minusDays(1), 30, DAYS).event().evaluation());
        assertThrows(ConflictException.class, () -> inState(CaseRole.SOLE, CaseState.DRAFTING).conclude(null, null, null, null, null, 30, DAYS));
    }

    @Test
    void aReassignedCaseClosesUnlessItIsOver() {
        HandlingCase c = inState(CaseRole.JOINT, CaseState.DRAFTING);
        Transition<CaseEvent.Closed> step = c.closeByReassignment("不属于本单位职责", TODAY);
        assertEquals(CaseState.CLOSED_BY_REASSIGNMENT, c.state);
        assertEquals("REASSIGNED", step.event().reason());
        assertThrows(ConflictException.class, () -> inState(CaseRole.SOLE, CaseState.CONCLUDED).closeByReassignment(null, TODAY));
    }

    @Test
    void anOpenedCaseIsAssigned() {
        HandlingCase c = inState(CaseRole.SOLE, null);
        Transition<CaseEvent.CaseOpened> step = c.open("交办", false);
        assertNull(step.from());
        assertEquals(CaseState.ASSIGNED, c.state);
        assertFalse(step.event().details().containsKey("imported"), "imported appears only when true");
        assertTrue(c.open("交办", true).event().details().containsKey("imported"));
    }

    // ---- follow-up that keeps the state

    @Test
    void commitmentProgressStopsOnceFulfilledOrAtTheMost() {
        HandlingCase c = inState(CaseRole.SOLE, CaseState.REPLIED);
        Commitment tracked = new Commitment();
        tracked.id = UUID.randomUUID();
        assertThrows(ConflictException.class, () -> c.reportProgress(tracked, 10, 10, false, "进展", TODAY));
        Transition<CaseEvent.CommitmentUpdated> step = c.reportProgress(tracked, 0, 10, true, "已完成", TODAY);
        assertEquals("FULFILLED", step.event().status());
        assertEquals(TODAY, tracked.fulfilledOn);
        assertEquals(CaseState.REPLIED, step.to());
        ConflictException done = assertThrows(ConflictException.class, () -> c.reportProgress(tracked, 1, 10, false, "进展", TODAY));
        assertEquals("the commitment was fulfilled on 2020-08-01", done.reason().en());
    }

    @Test
    void anAssistingOpinionComesOncePerNamedDepartmentWhileTheCaseIsHandled() {
        HandlingCase c = inState(CaseRole.SOLE, CaseState.DRAFTING);
        assertThrows(ConflictException.class, () -> c.submitAssistingOpinion("政务服务处", List.of("政务服务处"), false), "not distributed with assisting departments");
        c.assistingOpinionsDue = TODAY;
        assertEquals("department", assertThrows(InvalidFieldException.class,
                () -> c.submitAssistingOpinion("财务处", List.of("政务服务处"), false)).field());
        assertThrows(ConflictException.class, () -> c.submitAssistingOpinion("政务服务处", List.of("政务服务处"), true));
        assertEquals(CaseState.DRAFTING, c.submitAssistingOpinion("政务服务处", List.of("政务服务处"), false).to());
        assertTrue(c.assistingOpinionOnTime(TODAY));
        assertFalse(c.assistingOpinionOnTime(TODAY.plusDays(1)));
        c.state = CaseState.REPLIED;
        assertThrows(ConflictException.class, () -> c.submitAssistingOpinion("政务服务处", List.of("政务服务处"), false));
    }

    // ---- supervision

    @Test
    void onlyACaseThatOwesSomethingIsChased() {
        inState(CaseRole.JOINT, CaseState.DRAFTING).requireChaseable();
        ConflictException e = assertThrows(ConflictException.class, () -> inState(CaseRole.SOLE, CaseState.REPLIED).requireChaseable());
        assertEquals("the case is REPLIED; nothing is owed that could be chased", e.reason().en());
    }

    @Test
    void anExtensionAsksForALaterDeadlineOneAtATime() {
        HandlingCase c = inState(CaseRole.SOLE, CaseState.DRAFTING);
        assertEquals(TODAY, c.askExtension(c.dueOn.plusMonths(1), null, false, DAYS));
        assertEquals("requestedDueOn", assertThrows(InvalidFieldException.class, () -> c.askExtension(c.dueOn, null, false, DAYS)).field());
        assertEquals("requestedOn", assertThrows(InvalidFieldException.class,
                () -> c.askExtension(c.dueOn.plusMonths(1), c.assignedOn.minusDays(1), false, DAYS)).field());
        ConflictException pending = assertThrows(ConflictException.class, () -> c.askExtension(c.dueOn.plusMonths(1), null, true, DAYS));
        assertEquals("an extension request is already waiting for a decision", pending.reason().en());
        assertThrows(ConflictException.class, () -> inState(CaseRole.SOLE, CaseState.CONCLUDED).askExtension(TODAY.plusMonths(3), null, false, DAYS));
    }

    @Test
    void anApprovedExtensionMovesTheDeadlineOnceAndARejectedOneDoesNot() {
        HandlingCase c = inState(CaseRole.SOLE, CaseState.DRAFTING);
        ExtensionRequest request = new ExtensionRequest();
        request.status = ExtensionRequest.PENDING;
        request.requestedDueOn = LocalDate.of(2020, 10, 1);
        assertEquals("decidedOn", assertThrows(InvalidFieldException.class,
                () -> c.decideExtension(request, TODAY, true, TODAY.minusDays(1), DAYS)).field());
        assertEquals(TODAY, c.decideExtension(request, TODAY.minusDays(3), true, null, DAYS));
        assertEquals(LocalDate.of(2020, 10, 1), c.dueOn);
        assertEquals(ExtensionRequest.APPROVED, request.status);
        ConflictException again = assertThrows(ConflictException.class, () -> c.decideExtension(request, TODAY, false, null, DAYS));
        assertEquals("the request was already decided: APPROVED", again.reason().en());
        ExtensionRequest rejected = new ExtensionRequest();
        rejected.status = ExtensionRequest.PENDING;
        rejected.requestedDueOn = LocalDate.of(2020, 12, 1);
        c.decideExtension(rejected, TODAY, false, null, DAYS);
        assertEquals(LocalDate.of(2020, 10, 1), c.dueOn);
    }
}
