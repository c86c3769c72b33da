package gov.suggestions.workflow.service;

import gov.suggestions.workflow.domain.Limits;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import gov.suggestions.workflow.config.WorkflowConfig;
import gov.suggestions.workflow.domain.CaseRole;
import gov.suggestions.workflow.domain.CaseTransitions;
import gov.suggestions.workflow.domain.HandlingCase;
import gov.suggestions.workflow.event.SuggestionAssignedV1;
import gov.suggestions.workflow.event.UnprocessableEventException;
import gov.suggestions.workflow.repository.HandlingCaseRepository;
import gov.suggestions.workflow.repository.InboxEventRepository;

/** Opens and closes cases as suggestion-service assigns (交办) and reassigns suggestions. */
@ApplicationScoped
public class CaseOpening {

    static final String SYSTEM_ACTOR = "system";

    private final HandlingCaseRepository cases;
    private final InboxEventRepository inbox;
    private final CaseRecorder recorder;
    private final WorkflowConfig config;
    private final Clock clock;

    public CaseOpening(HandlingCaseRepository cases, InboxEventRepository inbox, CaseRecorder recorder, WorkflowConfig config,
            Clock clock) {
        this.cases = cases;
        this.inbox = inbox;
        this.recorder = recorder;
        this.config = config;
        this.clock = clock;
    }

    /** One case per listed unit; a redelivered or repeated assignment opens nothing twice. */
    @Transactional
    public void assigned(String source, String eventId, SuggestionAssignedV1 event) {
        if (!inbox.recordFirstDelivery(source, eventId, SuggestionAssignedV1.ASSIGNED)) {
            return;
        }
        for (SuggestionAssignedV1.Unit unit : event.units()) {
            open(event, unit, event.assignedOn(), "交办");
        }
    }

    /** Closes the case of every removed unit and opens one for every added unit. */
    @Transactional
    public void reassigned(String source, String eventId, SuggestionAssignedV1 event) {
        if (!inbox.recordFirstDelivery(source, eventId, SuggestionAssignedV1.REASSIGNED)) {
            return;
        }
        for (SuggestionAssignedV1.Unit removed : event.removedUnits()) {
            cases.findBySuggestionAndUnit(event.suggestionId(), removed.unitCode()).ifPresent(c -> {
                cases.getEntityManager().lock(c, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
                if (!CaseTransitions.terminal(c.state)) {
                    recorder.record(c, c.closeByReassignment(event.reason(), event.reassignedOn()), SYSTEM_ACTOR);
                }
            });
        }
        for (SuggestionAssignedV1.Unit added : event.addedUnits()) {
            open(event, added, event.reassignedOn(), "改办");
        }
    }

    private void open(SuggestionAssignedV1 event, SuggestionAssignedV1.Unit unit, LocalDate assignedOn, String comment) {
        if (cases.findBySuggestionAndUnit(event.suggestionId(), unit.unitCode()).isPresent()) {
            return;
        }
        if (cases.countCurrent(event.suggestionId()) >= Limits.OPEN_CASES_PER_SUGGESTION) {
            throw new UnprocessableEventException("suggestion " + event.suggestionId() + " would have more than "
                    + Limits.OPEN_CASES_PER_SUGGESTION + " cases not closed by reassignment");
        }
        CaseRole role;
        try {
            role = CaseRole.valueOf(unit.role());
        } catch (IllegalArgumentException e) {
            throw new UnprocessableEventException("unit " + unit.unitCode() + " has unknown role " + unit.role());
        }
        HandlingCase c = new HandlingCase();
        c.id = UUID.randomUUID();
        c.suggestionId = event.suggestionId();
        c.congressBody = event.congressBody();
        c.number = event.number();
        c.kind = event.kind();
        c.title = event.title();
        c.year = event.year().shortValue();
        c.supervisionLevel = event.supervisionLevel() == null ? "ORDINARY" : event.supervisionLevel();
        c.priority = event.priority() == null ? "ORDINARY" : event.priority();
        c.leadDeputyId = event.leadDeputy().id();
        c.leadDeputyName = event.leadDeputy().name();
        c.unitCode = unit.unitCode();
        c.unitName = unit.unitName();
        c.role = role;
        c.assignedOn = assignedOn;
        if (role == CaseRole.JOINT) {
            c.dueOn = unit.jointOpinionDue() != null ? unit.jointOpinionDue() : assignedOn.plusMonths(config.jointOpinionMonths());
        } else {
            c.dueOn = unit.replyDue() != null ? unit.replyDue() : assignedOn.plusMonths(config.replyMonths());
        }
        c.round = 1;
        c.openedAt = clock.instant();
        c.updatedAt = c.openedAt;
        // imported: opened from the previous platform's assignment, counted as any other, nobody is told of it again.
        // Recorded first so the row is inserted with its state and history head; the event is dated on the assignment's day
        recorder.record(c, c.open(comment, Boolean.TRUE.equals(event.imported())), SYSTEM_ACTOR);
        cases.persist(c);
        if (event.coSigners() != null) {
            event.coSigners().stream().map(SuggestionAssignedV1.Deputy::id).filter(java.util.Objects::nonNull)
                    .filter(id -> !id.equals(c.leadDeputyId)).distinct().forEach(id -> {
                        gov.suggestions.workflow.domain.CaseCoSigner coSigner = new gov.suggestions.workflow.domain.CaseCoSigner();
                        coSigner.caseId = c.id;
                        coSigner.deputyId = id;
                        coSigner.congressBody = c.congressBody;
                        cases.getEntityManager().persist(coSigner);
                    });
        }
    }
}
