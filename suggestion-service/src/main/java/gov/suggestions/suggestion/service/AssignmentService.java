package gov.suggestions.suggestion.service;

import gov.suggestions.suggestion.domain.InvalidFieldException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import gov.suggestions.suggestion.config.AssignmentRules;
import gov.suggestions.suggestion.domain.HandlingUnit;
import gov.suggestions.suggestion.domain.Limits;
import gov.suggestions.suggestion.domain.ReassignmentRequest;
import gov.suggestions.suggestion.domain.ReassignmentState;
import gov.suggestions.suggestion.domain.Suggestion;
import gov.suggestions.suggestion.domain.SuggestionState;
import gov.suggestions.suggestion.domain.SupervisionLevel;
import gov.suggestions.suggestion.domain.Text;
import gov.suggestions.suggestion.domain.UnitAssignment;
import gov.suggestions.suggestion.domain.UnitRole;
import gov.suggestions.suggestion.event.Outbox;
import gov.suggestions.suggestion.event.SuggestionAssignedV1;
import gov.suggestions.suggestion.event.SuggestionReassignedV1;
import gov.suggestions.suggestion.repository.HandlingUnitRepository;
import gov.suggestions.suggestion.repository.ReassignmentRequestRepository;
import gov.suggestions.suggestion.repository.SuggestionRepository;

/**
 * Assignment (交办) of suggestions to handling units, and the units' reassignment requests. Kept together: live,
 * imported and reassigned units are built and checked by the same rules (unitAssignment, checkCombination).
 */
@ApplicationScoped
public class AssignmentService {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** A unit and its role as the congress office names them. */
    public record UnitChoice(String unitCode, UnitRole role) {
    }

    private final SuggestionRepository suggestions;
    private final HandlingUnitRepository units;
    private final ReassignmentRequestRepository requests;
    private final AssignmentRules rules;
    private final Outbox outbox;
    private final SuggestionHistory history;

    public AssignmentService(SuggestionRepository suggestions, HandlingUnitRepository units, ReassignmentRequestRepository requests,
            AssignmentRules rules, Outbox outbox, SuggestionHistory history) {
        this.history = history;
        this.suggestions = suggestions;
        this.units = units;
        this.requests = requests;
        this.rules = rules;
        this.outbox = outbox;
    }

    /**
     * Assigns a registered suggestion to its units and publishes {@code suggestion.assigned.v1}. A key supervised
     * suggestion may carry its own reply deadline instead of the configured period.
     */
    @Transactional
    public Suggestion assign(UUID id, LocalDate assignedOn, List<UnitChoice> choices, LocalDate ownReplyDue, long expectedVersion, Caller caller) {
        caller.requireScope();
        Suggestion suggestion = visible(id, caller);
        PreconditionFailedException.check(expectedVersion, suggestion.version);
        if (suggestion.state != SuggestionState.REGISTERED) {
            throw new ConflictException(Text.of("建议当前状态为 " + suggestion.state + ",只有已登记的建议可以交办",
                    "The suggestion is " + suggestion.state + "; only a registered suggestion can be assigned"), null);
        }
        apply(suggestion, assignedOn, planned(suggestion, assignedOn, choices, ownReplyDue), caller.subject(), Map.of());
        return SuggestionService.loaded(suggestion);
    }

    /**
     * Why an imported row's assignment cannot be made, checked before its suggestion is stored (a bad row changes
     * nothing): the live rules, the date order, the units; null when it can.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String importRefusal(RegisterSuggestion registration, ImportedAssignment assignment) {
        Suggestion draft = new Suggestion();
        draft.submittedOn = registration.submittedOn();
        draft.supervisionLevel = registration.supervisionLevel();
        try {
            planned(draft, assignment.assignedOn(), assignment.units(), assignment.replyDue());
            return null;
        } catch (ConflictException e) {
            return "assignment." + e.field() + ": " + e.reason().zh();
        } catch (InvalidFieldException e) {
            return "assignment." + e.field() + ": " + e.reason().zh();
        }
    }

    /**
     * Gives an imported suggestion the assignment it had: a registered one is assigned (with its event, and a history
     * entry marked as imported); one assigned the same way already is left as it is (""); one assigned otherwise is
     * refused with the reason. Run in the import's transaction, after {@link #importRefusal}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String assignImported(String congressBody, String number, ImportedAssignment assignment, String actor, Map<String, ?> importMark) {
        // locked before its state is read: two imports of the same file at once assign it once
        Suggestion suggestion = suggestions.find("congressBody = ?1 and number = ?2", congressBody, number)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional().map(SuggestionService::loaded).orElseThrow();
        if (suggestion.state == SuggestionState.REGISTERED) {
            List<UnitAssignment> assigned;
            try {
                // checked again against what is stored: a number the body had already may differ from the row
                assigned = planned(suggestion, assignment.assignedOn(), assignment.units(), assignment.replyDue());
            } catch (ConflictException e) {
                return "assignment." + e.field() + ": " + e.reason().zh();
            } catch (InvalidFieldException e) {
                return "assignment." + e.field() + ": " + e.reason().zh();
            }
            apply(suggestion, assignment.assignedOn(), assigned, actor, importMark);
            return null;
        }
        if (suggestion.assignedOn != null && assignment.sameAs(suggestion.assignedOn, suggestion.units)) {
            return "";
        }
        return "assignment: 该建议已于 " + suggestion.assignedOn + " 以不同的单位或日期交办(当前状态 " + suggestion.state + "),导入未改变它";
    }

    /** The units an assignment would give the suggestion, checked as every assignment is; throws naming the field at fault. */
    private List<UnitAssignment> planned(Suggestion suggestion, LocalDate assignedOn, List<UnitChoice> choices, LocalDate ownReplyDue) {
        if (suggestion.submittedOn != null && assignedOn.isBefore(suggestion.submittedOn)) {
            // a date before the step it follows would make every deadline computed from it lie
            throw new InvalidFieldException("assignedOn", Text.of(
                    "交办日期 " + assignedOn + " 早于建议提出日期 " + suggestion.submittedOn,
                    "assignedOn " + assignedOn + " is before the suggestion was submitted on " + suggestion.submittedOn));
        }
        if (ownReplyDue != null && suggestion.supervisionLevel == SupervisionLevel.ORDINARY) {
            throw new ConflictException(Text.of("只有重点督办建议可以自定答复期限", "Only a key supervised suggestion may carry its own reply deadline"),
                    "replyDue");
        }
        if (ownReplyDue != null && !ownReplyDue.isAfter(assignedOn)) {
            throw new ConflictException(Text.of("答复期限须晚于交办日期", "The reply deadline must fall after the assignment date"), "replyDue");
        }
        List<UnitAssignment> assigned = new ArrayList<>();
        for (UnitChoice choice : choices) {
            assigned.add(unitAssignment(requireUnit(choice.unitCode()), choice.role(), assignedOn, ownReplyDue));
        }
        checkCombination(assigned);
        return assigned;
    }

    private void apply(Suggestion suggestion, LocalDate assignedOn, List<UnitAssignment> assigned, String actor, Map<String, ?> importMark) {
        suggestion.units.addAll(assigned);
        suggestion.assignedOn = assignedOn;
        suggestion.state = SuggestionState.ASSIGNED;
        suggestions.flush();
        outbox.append(SuggestionAssignedV1.TYPE, suggestion.id.toString(), SuggestionAssignedV1.of(suggestion, !importMark.isEmpty()));
        Map<String, Object> changes = Changes.of("state", suggestion.state.name(), "assignedOn", assignedOn, "units", Changes.units(suggestion.units));
        if (!importMark.isEmpty()) {
            changes.put("imported", importMark);
        }
        history.append(suggestion, "ASSIGNED", actor, changes);
    }

    /** A unit office asks, within the window after its assignment and with a reason, to be relieved of the suggestion. */
    @Transactional
    public ReassignmentRequest requestReassignment(UUID id, String reason, Caller caller) {
        caller.requireScope();
        Suggestion suggestion = visible(id, caller); // a unit sees only suggestions assigned to it
        UnitAssignment own = suggestion.units.stream().filter(u -> u.unitCode.equals(caller.unit())).findFirst()
                .orElseThrow(() -> new NotFoundException(Text.of("没有您可查看的建议 " + id, "No suggestion " + id + " is visible to you")));
        LocalDate lastDay = own.assignedOn.plus(rules.reassignmentWindow());
        if (LocalDate.now(ZONE).isAfter(lastDay)) {
            throw new ConflictException(Text.of("申请调整的期限已于 " + lastDay + " 届满", "The window for reassignment requests closed on " + lastDay),
                    null);
        }
        if (requests.pending(id, own.unitCode)) {
            throw new ConflictException(Text.of("本单位已有待审批的调整申请", "Your unit already has a pending reassignment request"), null);
        }
        // counted under the suggestion's row lock (which the history takes anyway), so two units cannot both pass the cap
        suggestions.getEntityManager().lock(suggestion, LockModeType.PESSIMISTIC_WRITE);
        if (requests.countOf(id) >= Limits.REASSIGNMENT_REQUESTS) {
            throw new ConflictException(Text.of("该建议已有 " + Limits.REASSIGNMENT_REQUESTS + " 个调整申请,不能再申请",
                    "The suggestion has " + Limits.REASSIGNMENT_REQUESTS + " reassignment requests already; no more can be made"), null);
        }
        ReassignmentRequest request = new ReassignmentRequest();
        request.id = UUID.randomUUID();
        request.suggestionId = id;
        request.unitCode = own.unitCode;
        request.reason = reason;
        request.state = ReassignmentState.PENDING;
        request.requestedBy = caller.subject();
        request.requestedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        requests.persist(request);
        requests.flush();
        history.append(suggestion, "REASSIGNMENT_REQUESTED", caller.subject(),
                Changes.of("requestId", request.id.toString(), "unitCode", request.unitCode, "reason", reason));
        return request;
    }

    @Transactional
    public List<ReassignmentRequest> reassignmentRequests(UUID id, Caller caller) {
        visible(id, caller);
        boolean office = caller.hasRole(Caller.CONGRESS_OFFICE) || caller.hasRole(Caller.SYSTEM) || caller.hasRole(Caller.GOV_SUPERVISOR);
        return requests.ofSuggestion(id, office ? null : caller.unit());
    }

    /**
     * The congress office approves: the requesting unit leaves, the units it names join, and the result must still
     * be a valid combination. Publishes {@code suggestion.reassigned.v1}.
     */
    @Transactional
    public ReassignmentRequest approve(UUID id, UUID requestId, List<UnitChoice> added, String comment, Caller caller) {
        caller.requireScope();
        Suggestion suggestion = visible(id, caller);
        ReassignmentRequest request = pendingRequest(id, requestId);
        LocalDate today = LocalDate.now(ZONE);
        List<UnitAssignment> removed = suggestion.units.stream().filter(u -> u.unitCode.equals(request.unitCode)).toList();
        List<UnitAssignment> joining = new ArrayList<>();
        for (UnitChoice choice : added) {
            joining.add(unitAssignment(requireUnit(choice.unitCode()), choice.role(), today, null));
        }
        List<UnitAssignment> after = new ArrayList<>(suggestion.units);
        after.removeAll(removed);
        after.addAll(joining);
        checkCombination(after);
        suggestion.units.clear();
        suggestion.units.addAll(after);
        decide(request, ReassignmentState.APPROVED, comment, caller);
        suggestions.flush();
        outbox.append(SuggestionReassignedV1.TYPE, suggestion.id.toString(),
                SuggestionReassignedV1.of(suggestion, today, request.reason, removed, joining));
        history.append(suggestion, "REASSIGNED", caller.subject(), Changes.of("requestId", request.id.toString(),
                "removedUnits", Changes.units(removed), "addedUnits", Changes.units(joining), "comment", comment));
        return request;
    }

    @Transactional
    public ReassignmentRequest reject(UUID id, UUID requestId, String comment, Caller caller) {
        caller.requireScope();
        Suggestion suggestion = visible(id, caller);
        ReassignmentRequest request = pendingRequest(id, requestId);
        decide(request, ReassignmentState.REJECTED, comment, caller);
        history.append(suggestion, "REASSIGNMENT_REJECTED", caller.subject(),
                Changes.of("requestId", request.id.toString(), "unitCode", request.unitCode, "comment", comment));
        return request;
    }

    private void decide(ReassignmentRequest request, ReassignmentState state, String comment, Caller caller) {
        request.state = state;
        request.decidedBy = caller.subject();
        request.decidedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        request.decisionComment = comment;
    }

    private ReassignmentRequest pendingRequest(UUID id, UUID requestId) {
        ReassignmentRequest request = requests.findByIdOptional(requestId).filter(r -> r.suggestionId.equals(id))
                .orElseThrow(() -> new NotFoundException(Text.of("没有调整申请 " + requestId, "No reassignment request " + requestId)));
        if (request.state != ReassignmentState.PENDING) {
            throw new ConflictException(Text.of("该申请已" + (request.state == ReassignmentState.APPROVED ? "批准" : "驳回"),
                    "The request was already " + request.state.name().toLowerCase()), null);
        }
        return request;
    }

    private Suggestion visible(UUID id, Caller caller) {
        return suggestions.findVisible(id, caller.suggestionScope()).map(SuggestionService::loaded)
                .orElseThrow(() -> new NotFoundException(Text.of("没有您可查看的建议 " + id, "No suggestion " + id + " is visible to you")));
    }

    private HandlingUnit requireUnit(String code) {
        HandlingUnit unit = units.findById(code);
        if (unit == null) {
            throw new ConflictException(Text.of("没有承办单位 " + code, "No handling unit " + code), "units");
        }
        return unit;
    }

    private UnitAssignment unitAssignment(HandlingUnit unit, UnitRole role, LocalDate assignedOn, LocalDate ownReplyDue) {
        UnitAssignment a = new UnitAssignment();
        a.unitCode = unit.code;
        a.unitName = unit.name;
        a.role = role;
        a.assignedOn = assignedOn;
        if (role.repliesToDeputy()) {
            a.replyDue = ownReplyDue != null ? ownReplyDue : assignedOn.plus(rules.replyPeriod());
        } else {
            a.jointOpinionDue = assignedOn.plus(rules.jointOpinionPeriod());
        }
        return a;
    }

    /** The roles must make sense together; each refusal names its reason. */
    static void checkCombination(List<UnitAssignment> assigned) {
        if (assigned.isEmpty()) {
            throw refused("至少需要一个承办单位", "At least one handling unit is needed");
        }
        if (assigned.size() > Limits.UNITS) {
            throw refused("承办单位不能超过 " + Limits.UNITS + " 个", "At most " + Limits.UNITS + " handling units");
        }
        Set<String> seen = new HashSet<>();
        for (UnitAssignment a : assigned) {
            if (!seen.add(a.unitCode)) {
                throw refused("承办单位 " + a.unitCode + " 重复", "Handling unit " + a.unitCode + " appears twice");
            }
        }
        long sole = assigned.stream().filter(a -> a.role == UnitRole.SOLE).count();
        long lead = assigned.stream().filter(a -> a.role == UnitRole.LEAD).count();
        long separate = assigned.stream().filter(a -> a.role == UnitRole.SEPARATE).count();
        long joint = assigned.stream().filter(a -> a.role == UnitRole.JOINT).count();
        if (sole > 0 && assigned.size() > 1) {
            throw refused("单独办理的建议只能交办给一个单位", "A SOLE unit cannot be combined with other units");
        }
        if (lead > 1) {
            throw refused("只能有一个主办单位", "There can be only one LEAD unit");
        }
        if (joint > 0 && lead == 0) {
            throw refused("会办单位需要一个主办单位", "JOINT units need a LEAD unit");
        }
        if (separate > 0 && lead > 0) {
            throw refused("分办与主办不能同时使用", "SEPARATE units cannot be combined with a LEAD unit");
        }
    }

    private static ConflictException refused(String zh, String en) {
        return new ConflictException(Text.of(zh, en), "units");
    }
}
