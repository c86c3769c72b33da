package gov.suggestions.suggestion.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import gov.suggestions.suggestion.domain.Page;
import gov.suggestions.suggestion.domain.SuggestionFilter;
import gov.suggestions.suggestion.domain.CaseProgress;
import gov.suggestions.suggestion.domain.Suggestion;
import gov.suggestions.suggestion.domain.SuggestionHistoryEntry;
import gov.suggestions.suggestion.domain.SuggestionState;
import gov.suggestions.suggestion.domain.Text;
import gov.suggestions.suggestion.event.Outbox;
import gov.suggestions.suggestion.event.SuggestionSubmittedV1;
import gov.suggestions.suggestion.event.SuggestionWithdrawnV1;
import gov.suggestions.suggestion.repository.CaseProgressRepository;
import gov.suggestions.suggestion.repository.SuggestionRepository;

@ApplicationScoped
public class SuggestionService {

    private final SuggestionRepository suggestions;
    private final Outbox outbox;
    private final SuggestionHistory history;
    private final CaseProgressRepository progress;
    private final ChineseTokens tokens;

    public SuggestionService(SuggestionRepository suggestions, Outbox outbox, SuggestionHistory history, CaseProgressRepository progress, ChineseTokens tokens) {
        this.tokens = tokens;
        this.progress = progress;
        this.suggestions = suggestions;
        this.outbox = outbox;
        this.history = history;
    }

    /**
     * Registers a suggestion and appends {@code suggestion.submitted.v1} in the same transaction (an Idempotency-Key is
     * honoured around it, in rest/IdempotencyInterceptor).
     */
    @Transactional
    public Suggestion register(RegisterSuggestion command, Caller caller) {
        requireCongressBody(caller, command.congressBody());
        Suggestion suggestion = newSuggestion(command, caller);
        suggestions.persist(suggestion);
        // the unique constraint is the duplicate check (no count query first): it surfaces here, before the event is written
        try {
            suggestions.flush();
        } catch (org.hibernate.exception.ConstraintViolationException e) {
            if (!"uq_suggestion_number".equals(e.getConstraintName())) {
                throw e;
            }
            throw new ConflictException(Text.of(
                    "建议编号 " + command.number() + " 已在 " + command.congressBody() + " 登记",
                    "Suggestion number " + command.number() + " is already registered in congress body "
                            + command.congressBody()), "number");
        }
        recordRegistration(suggestion, caller);
        return suggestion;
    }


    /**
     * The version a change by this caller would start from, for its If-Match to be read against: refused (403) or not
     * found (404) as the change itself would be.
     */
    @Transactional
    public long versionForChange(UUID id, Caller caller) {
        caller.requireScope();
        return suggestions.findVisible(id, caller.suggestionScope())
                .orElseThrow(() -> new NotFoundException(Text.of("没有您可查看的建议 " + id, "No suggestion " + id + " is visible to you"))).version;
    }

    @Transactional
    public Suggestion get(UUID id, Caller caller) {
        Suggestion suggestion = suggestions.findVisible(id, caller.suggestionScope())
                .orElseThrow(() -> new NotFoundException(Text.of("没有您可查看的建议 " + id, "No suggestion " + id + " is visible to you")));
        return loaded(suggestion);
    }

    /** Loads the lazy collections the response needs after the transaction. */
    public static Suggestion loaded(Suggestion suggestion) {
        suggestion.topics.size();
        suggestion.coSigners.size();
        suggestion.units.size();
        return suggestion;
    }

    /**
     * Registers one chunk of an import in the caller's transaction: rows whose number is already registered in
     * the congress body are left unchanged (idempotent re-import), the others stored with their event and history.
     * @return per row: null when stored, "" when unchanged, otherwise the reason it was rejected
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> importChunk(List<RegisterSuggestion> commands, Caller caller) {
        return importChunk(commands, java.util.Collections.<Map<String, ?>>nCopies(commands.size(), Map.of()),
                java.util.Collections.nCopies(commands.size(), false), caller);
    }

    /** As above; each stored suggestion's first history entry carries its row's import mark (source record, job, row). */
    public List<String> importChunk(List<RegisterSuggestion> commands, List<Map<String, ?>> importMarks, List<Boolean> migrated, Caller caller) {
        java.util.Map<String, java.util.Set<String>> takenByBody = new java.util.HashMap<>();
        commands.stream().collect(java.util.stream.Collectors.groupingBy(RegisterSuggestion::congressBody,
                java.util.stream.Collectors.mapping(RegisterSuggestion::number, java.util.stream.Collectors.toList())))
                .forEach((body, numbers) -> takenByBody.put(body, suggestions.numbersTaken(body, numbers)));
        List<String> outcomes = new java.util.ArrayList<>();
        List<Suggestion> stored = new java.util.ArrayList<>();
        List<Map<String, ?>> storedMarks = new java.util.ArrayList<>();
        List<Boolean> storedMigrated = new java.util.ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            RegisterSuggestion command = commands.get(i);
            String refused = refusal(caller, command.congressBody());
            java.util.Set<String> taken = takenByBody.get(command.congressBody());
            if (refused != null) {
                outcomes.add(refused);
            } else if (!taken.add(command.number())) {
                outcomes.add("");
            } else {
                Suggestion suggestion = newSuggestion(command, caller);
                suggestions.persist(suggestion);
                stored.add(suggestion);
                storedMarks.add(importMarks.get(i));
                storedMigrated.add(migrated.get(i));
                outcomes.add(null);
            }
        }
        suggestions.flush();
        // events and history of the whole chunk in one JDBC batch each
        List<Outbox.Pending> events = new java.util.ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            Suggestion s = stored.get(i);
            events.add(new Outbox.Pending(SuggestionSubmittedV1.TYPE, s.id.toString(), SuggestionSubmittedV1.of(s, storedMigrated.get(i))));
        }
        outbox.appendAll(events);
        List<SuggestionHistory.First> firsts = new java.util.ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            java.util.Map<String, Object> changes = registered(stored.get(i));
            if (!storedMarks.get(i).isEmpty()) {
                changes.put("imported", storedMarks.get(i));
            }
            firsts.add(new SuggestionHistory.First(stored.get(i), "REGISTERED", caller.subject(), changes));
        }
        history.appendFirstAll(firsts);
        suggestions.getEntityManager().clear();
        return outcomes;
    }

    private Suggestion newSuggestion(RegisterSuggestion command, Caller caller) {
        Suggestion suggestion = new Suggestion();
        suggestion.id = UUID.randomUUID();
        suggestion.congressBody = command.congressBody();
        suggestion.number = command.number();
        suggestion.kind = command.kind();
        suggestion.title = command.title();
        suggestion.body = command.body();
        suggestion.leadDeputyId = command.leadDeputyId();
        suggestion.leadDeputyName = command.leadDeputyName();
        suggestion.leadDeputyDelegation = command.leadDeputyDelegation();
        suggestion.term = (short) command.term();
        suggestion.session = (short) command.session();
        suggestion.year = (short) command.year();
        suggestion.submittedOn = command.submittedOn();
        suggestion.topics.addAll(command.topics());
        suggestion.subjectCategory = command.subjectCategory();
        suggestion.coSigners.addAll(command.coSigners());
        suggestion.supervisionLevel = command.supervisionLevel();
        suggestion.priority = command.priority();
        suggestion.state = SuggestionState.REGISTERED;
        suggestion.registeredAt = Instant.now().truncatedTo(ChronoUnit.MICROS); // what PostgreSQL keeps
        suggestion.registeredBy = caller.subject();
        suggestion.searchTokens = tokens.encoded(suggestion);
        return suggestion;
    }

    private void recordRegistration(Suggestion suggestion, Caller caller) {
        outbox.append(SuggestionSubmittedV1.TYPE, suggestion.id.toString(), SuggestionSubmittedV1.of(suggestion));
        history.append(suggestion, false, "REGISTERED", caller.subject(), registered(suggestion));
    }

    private static java.util.Map<String, Object> registered(Suggestion suggestion) {
        return Changes.of("congressBody", suggestion.congressBody,
                "number", suggestion.number, "kind", suggestion.kind.name(), "title", suggestion.title, "body", suggestion.body,
                "topics", suggestion.topics, "subjectCategory", suggestion.subjectCategory, "leadDeputyId", suggestion.leadDeputyId,
                "coSignerIds", suggestion.coSigners.stream().map(c -> c.deputyId).toList(), "term", suggestion.term,
                "session", suggestion.session, "year", suggestion.year, "submittedOn", suggestion.submittedOn,
                "supervisionLevel", suggestion.supervisionLevel.name(), "priority", suggestion.priority.name(),
                "state", suggestion.state.name());
    }

    @Transactional
    public Page<Suggestion> list(SuggestionFilter filter, Caller caller, io.quarkus.panache.common.Sort sort, int page, int size) {
        Page<Suggestion> found = suggestions.search(filter, caller.suggestionScope(), sort, page, size);
        // the response needs them after the transaction
        found.items().forEach(SuggestionService::loaded);
        return found;
    }

    /** The congress office withdraws a suggestion it has not assigned yet; afterwards the units own it (409). */
    @Transactional
    public Suggestion withdraw(UUID id, String reason, long expectedVersion, Caller caller) {
        caller.requireScope();
        Suggestion suggestion = get(id, caller);
        PreconditionFailedException.check(expectedVersion, suggestion.version);
        if (suggestion.state != SuggestionState.REGISTERED) {
            throw new ConflictException(Text.of("建议当前状态为 " + suggestion.state + ",只有尚未交办的建议可以撤回",
                    "The suggestion is " + suggestion.state + "; only a suggestion not yet assigned can be withdrawn"), null);
        }
        suggestion.state = SuggestionState.WITHDRAWN;
        suggestion.withdrawnAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        suggestion.withdrawnBy = caller.subject();
        suggestion.withdrawalReason = reason;
        suggestions.flush();
        outbox.append(SuggestionWithdrawnV1.TYPE, suggestion.id.toString(), SuggestionWithdrawnV1.of(suggestion));
        history.append(suggestion, "WITHDRAWN", caller.subject(), Changes.of("state", suggestion.state.name(), "withdrawalReason", reason));
        return suggestion;
    }

    /** The case states reported for these suggestions (already checked visible). */
    @Transactional
    public List<CaseProgress> progressOf(java.util.Collection<UUID> ids) {
        return progress.ofSuggestions(ids);
    }

    @Transactional
    public List<SuggestionHistoryEntry> history(UUID id, Caller caller) {
        get(id, caller);
        return history.of(id);
    }

    @Transactional
    public SuggestionHistory.Verification verifyHistory(UUID id, Caller caller) {
        get(id, caller);
        return history.verify(id);
    }

    private static String refusal(Caller caller, String congressBody) {
        try {
            requireCongressBody(caller, congressBody);
            return null;
        } catch (AccessDeniedException e) {
            return e.reason().zh();
        }
    }

    /** An office registers only for the congress body its token names; a system token may name one to be narrowed to it. */
    public static void requireCongressBody(Caller caller, String congressBody) {
        if (caller.congressBody() == null && !caller.hasRole(Caller.SYSTEM)) {
            throw new AccessDeniedException(Text.of("您的令牌未指明人大(政协)机关", "Your token names no congress body"));
        }
        if (caller.congressBody() != null && !caller.congressBody().equals(congressBody)) {
            throw new AccessDeniedException(Text.of("您只能为 " + caller.congressBody() + " 登记建议",
                    "You may register suggestions only for congress body " + caller.congressBody()));
        }
    }
}
