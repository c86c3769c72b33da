package gov.suggestions.suggestion.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import gov.suggestions.suggestion.domain.Limits;
import gov.suggestions.suggestion.domain.RankedSuggestion;
import gov.suggestions.suggestion.domain.Suggestion;
import gov.suggestions.suggestion.domain.SuggestionLink;
import gov.suggestions.suggestion.domain.Text;
import gov.suggestions.suggestion.event.Outbox;
import gov.suggestions.suggestion.event.SuggestionLinkedV1;
import gov.suggestions.suggestion.repository.SimilarityRepository;
import gov.suggestions.suggestion.repository.SuggestionRepository;

/** Similar suggestions (Chinese full text, ranked) and linking them to be handled together (并案). */
@ApplicationScoped
public class SimilarityService {

    private final ChineseTokens tokens;
    private final SimilarityRepository repository;
    private final SuggestionRepository suggestions;
    private final Outbox outbox;
    private final SuggestionHistory history;

    public SimilarityService(ChineseTokens tokens, SimilarityRepository repository, SuggestionRepository suggestions, Outbox outbox,
            SuggestionHistory history) {
        this.tokens = tokens;
        this.repository = repository;
        this.suggestions = suggestions;
        this.outbox = outbox;
        this.history = history;
    }

    /** The most similar other suggestions of the same congress body, this year and the previous one, best first. */
    @Transactional
    public List<RankedSuggestion> similarTo(UUID id, Caller caller, int limit) {
        return similarTo(visible(id, caller), limit);
    }

    /** The same, for a suggestion the caller has just registered (no second read). */
    @Transactional
    public List<RankedSuggestion> similarTo(Suggestion s, int limit) {
        List<String> parts = new ArrayList<>(List.of(s.title, s.body));
        parts.addAll(s.topics);
        Set<String> query = tokens.of(parts);
        return repository.similar(s.congressBody, s.year, tokens.anyOf(query), s.id, limit);
    }

    /** Ranked full-text search within the caller's congress body (or the one named, for callers without one). */
    @Transactional
    public List<RankedSuggestion> search(String text, String congressBody, Caller caller, int limit) {
        if (caller.isCongressOffice() && caller.congressBody() == null) {
            return List.of(); // an office token without its congress body sees nothing
        }
        if (caller.congressBody() != null && congressBody != null && !caller.congressBody().equals(congressBody)) {
            return List.of(); // another body's suggestions are not the caller's to search
        }
        String body = caller.congressBody() != null ? caller.congressBody() : congressBody;
        return repository.search(body, tokens.anyOf(tokens.of(text)), limit);
    }

    /** Links two suggestions of the office's congress body both ways; publishes suggestion.linked.v1 for each. */
    @Transactional
    public boolean link(UUID id, UUID otherId, Caller caller) {
        caller.requireScope();
        if (id.equals(otherId)) {
            throw new ConflictException(Text.of("建议不能与自身并案", "A suggestion cannot be linked to itself"), "suggestionId");
        }
        Suggestion a = visible(id, caller);
        Suggestion b = suggestions.findVisible(otherId, caller.suggestionScope())
                .orElseThrow(() -> new NotFoundException(Text.of("没有您可查看的建议 " + otherId, "No suggestion " + otherId + " is visible to you")));
        // both rows locked (in id order: two links of the same pair cannot deadlock) before counting, as the history does anyway
        for (Suggestion s : a.id.compareTo(b.id) < 0 ? List.of(a, b) : List.of(b, a)) {
            suggestions.getEntityManager().lock(s, LockModeType.PESSIMISTIC_WRITE);
        }
        if (repository.linked(a.id, b.id)) {
            return false;
        }
        for (Suggestion s : List.of(a, b)) {
            if (repository.linkCount(s.id) >= Limits.LINKS) {
                throw new ConflictException(Text.of("建议 " + s.number + " 已与 " + Limits.LINKS + " 件建议并案,不能再并案",
                        "Suggestion " + s.number + " is linked to " + Limits.LINKS + " suggestions already; no more can be linked"), "suggestionId");
            }
        }
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (!repository.link(a.id, b.id, caller.subject(), at)) {
            return false;
        }
        outbox.append(SuggestionLinkedV1.TYPE, a.id.toString(), new SuggestionLinkedV1(a.id, a.congressBody, a.number, b.id, b.number, at));
        outbox.append(SuggestionLinkedV1.TYPE, b.id.toString(), new SuggestionLinkedV1(b.id, b.congressBody, b.number, a.id, a.number, at));
        history.append(a, "LINKED", caller.subject(), Changes.of("linkedSuggestionId", b.id.toString(), "linkedNumber", b.number));
        history.append(b, "LINKED", caller.subject(), Changes.of("linkedSuggestionId", a.id.toString(), "linkedNumber", a.number));
        return true;
    }

    @Transactional
    public List<SuggestionLink> linksOf(List<UUID> ids) {
        return repository.linksOf(ids);
    }

    private Suggestion visible(UUID id, Caller caller) {
        return suggestions.findVisible(id, caller.suggestionScope())
                .orElseThrow(() -> new NotFoundException(Text.of("没有您可查看的建议 " + id, "No suggestion " + id + " is visible to you")));
    }
}
