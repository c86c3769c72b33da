package gov.suggestions.workflow.service;

import gov.suggestions.workflow.domain.CaseParts;
import gov.suggestions.workflow.domain.Limits;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import gov.suggestions.workflow.domain.CaseEvent;
import gov.suggestions.workflow.domain.Communication;
import gov.suggestions.workflow.domain.HandlingCase;
import gov.suggestions.workflow.domain.InvalidFieldException;
import gov.suggestions.workflow.domain.Text;
import gov.suggestions.workflow.domain.Transition;
import gov.suggestions.workflow.domain.policy.StepDays;
import gov.suggestions.workflow.repository.CommunicationRepository;
import gov.suggestions.workflow.repository.HandlingCaseRepository;

/**
 * Communications with the deputy (沟通): recorded for one case, or once for several (a symposium), each case taking the
 * step through {@link HandlingCase#recordCommunication} and recording it with {@link CaseRecorder}.
 */
@ApplicationScoped
public class CaseCommunications {

    private final CaseService reading;
    private final HandlingCaseRepository cases;
    private final CommunicationRepository communications;
    private final CaseRecorder recorder;
    private final StepDates dates;
    private final Clock clock;

    public CaseCommunications(CaseService reading, HandlingCaseRepository cases, CommunicationRepository communications, CaseRecorder recorder,
            StepDates dates, Clock clock) {
        this.reading = reading;
        this.cases = cases;
        this.communications = communications;
        this.recorder = recorder;
        this.dates = dates;
        this.clock = clock;
    }

    /** A communication and the cases it served, as they are after it was recorded. */
    public record SharedCommunication(Communication communication, List<HandlingCase> cases) {
    }

    @Transactional
    public CaseService.CaseDetails recordCommunication(UUID id, Caller caller, long expectedVersion, CaseCommands.RecordCommunication cmd) {
        HandlingCase c = reading.forUpdate(id, caller, expectedVersion);
        record(List.of(c), caller, cmd);
        return reading.done(c);
    }

    /**
     * One communication (e.g. a symposium) recorded once for several cases: every case must be visible to the
     * caller (404 naming the others) and allow it now (409 naming the first that does not); all or nothing.
     */
    @Transactional
    public SharedCommunication recordSharedCommunication(Caller caller, CaseCommands.RecordSharedCommunication cmd) {
        Set<UUID> ids = new LinkedHashSet<>(cmd.caseIds());
        if (ids.size() != cmd.caseIds().size()) {
            throw new InvalidFieldException("caseIds", Text.of("案件列表中有重复", "a case is listed more than once"));
        }
        List<HandlingCase> locked = cases.lockVisible(ids, caller.scope());
        if (locked.size() != ids.size()) {
            Set<UUID> missing = new LinkedHashSet<>(ids);
            locked.forEach(c -> missing.remove(c.id));
            String names = missing.stream().map(UUID::toString).collect(Collectors.joining(", "));
            throw new NotFoundException(Text.of("没有您可查看的案件 " + names, "no case " + names + " visible to you"));
        }
        Map<UUID, HandlingCase> byId = new LinkedHashMap<>();
        locked.forEach(c -> byId.put(c.id, c));
        List<HandlingCase> inOrder = ids.stream().map(byId::get).toList();
        Communication comm = record(inOrder, caller, cmd.communication());
        cases.flush();
        return new SharedCommunication(comm, inOrder);
    }

    /**
     * Every case takes the step first (a refusal names its case and, the transaction rolling back, leaves them all as
     * they were), then the communication is stored once and linked to each, with its own history entry and event.
     */
    private Communication record(List<HandlingCase> served, Caller caller, CaseCommands.RecordCommunication cmd) {
        // a communication is recorded after it took place: one dated later than now would count for the "communicate
        // first" gate while the reports, which count only what preceded the reply, leave it out
        StepDays days = dates.now();
        days.notInFuture("occurredAt", cmd.occurredAt().toInstant());
        var held = new HandlingCase.CommunicationHeld(UUID.randomUUID(), cmd.kind(), cmd.occurredAt().toInstant(),
                cmd.participants().stream().anyMatch(CaseParts.Participant::leader), served.size());
        List<Transition<CaseEvent.CommunicationRecorded>> steps = new ArrayList<>();
        for (HandlingCase c : served) {
            steps.add(c.recordCommunication(held, communications.countOfCase(c.id), Limits.COMMUNICATIONS_PER_CASE, days));
        }
        Communication comm = new Communication();
        comm.id = held.communicationId();
        comm.kind = cmd.kind();
        comm.occurredAt = held.occurredAt();
        comm.participants = cmd.participants();
        comm.summary = cmd.summary();
        comm.deputyViews = cmd.deputyViews();
        comm.recordedBy = caller.subject();
        comm.recordedAt = clock.instant();
        comm.sharedCaseCount = (short) served.size();
        communications.persist(comm);
        for (int i = 0; i < served.size(); i++) {
            HandlingCase c = served.get(i);
            communications.link(comm, c.id, c.round);
            recorder.record(c, steps.get(i), caller.subject());
        }
        return comm;
    }
}
