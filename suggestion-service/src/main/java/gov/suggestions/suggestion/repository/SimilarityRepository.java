package gov.suggestions.suggestion.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import gov.suggestions.suggestion.domain.RankedSuggestion;
import gov.suggestions.suggestion.domain.SuggestionLink;

/** The full-text tokens of suggestions, similarity ranking with ts_rank, and the links between suggestions (并案). */
@ApplicationScoped
public class SimilarityRepository {

    private final EntityManager entityManager;

    public SimilarityRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * The suggestions of the congress body, of the given year and the one before, that share tokens with the query,
     * best first; withdrawn ones and {@code except} left out.
     */
    @SuppressWarnings("unchecked")
    public List<RankedSuggestion> similar(String congressBody, int year, String tsquery, UUID except, int limit) {
        if (tsquery.isBlank()) {
            return List.of();
        }
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT s.id, s.number, s.title, s.year, ts_rank(s.search_tokens, q, 1) AS score
                FROM suggestion s, CAST(:q AS tsquery) q
                WHERE s.congress_body = :body AND s.year BETWEEN :from AND :to AND s.id <> :except
                  AND s.state <> 'WITHDRAWN' AND s.search_tokens @@ q
                ORDER BY score DESC, s.number
                LIMIT :limit""")
                .setParameter("q", tsquery).setParameter("body", congressBody).setParameter("from", (short) (year - 1))
                .setParameter("to", (short) year).setParameter("except", except).setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(r -> new RankedSuggestion((UUID) r[0], (String) r[1], (String) r[2], ((Number) r[3]).intValue(),
                Math.round(((Number) r[4]).doubleValue() * 10000) / 10000.0)).toList();
    }

    /** Full-text search: suggestions sharing any token with the query, best first; congressBody null means all. */
    @SuppressWarnings("unchecked")
    public List<RankedSuggestion> search(String congressBody, String tsquery, int limit) {
        if (tsquery.isBlank()) {
            return List.of();
        }
        var query = entityManager.createNativeQuery("SELECT s.id, s.number, s.title, s.year, ts_rank(s.search_tokens, q, 1) AS score "
                + "FROM suggestion s, CAST(:q AS tsquery) q WHERE s.search_tokens @@ q"
                + (congressBody == null ? "" : " AND s.congress_body = :body")
                + " ORDER BY score DESC, s.number LIMIT :limit")
                .setParameter("q", tsquery).setParameter("limit", limit);
        if (congressBody != null) {
            query.setParameter("body", congressBody);
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new RankedSuggestion((UUID) r[0], (String) r[1], (String) r[2], ((Number) r[3]).intValue(),
                Math.round(((Number) r[4]).doubleValue() * 10000) / 10000.0)).toList();
    }

    /** Links both ways; false when they were linked already. */
    public boolean link(UUID a, UUID b, String by, Instant at) {
        int inserted = 0;
        for (UUID[] pair : new UUID[][] { { a, b }, { b, a } }) {
            inserted += entityManager.createNativeQuery("""
                    INSERT INTO suggestion_link (suggestion_id, linked_id, linked_at, linked_by) VALUES (:s, :l, :at, :by)
                    ON CONFLICT DO NOTHING""")
                    .setParameter("s", pair[0]).setParameter("l", pair[1]).setParameter("at", at).setParameter("by", by).executeUpdate();
        }
        return inserted > 0;
    }

    public boolean linked(UUID a, UUID b) {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM suggestion_link WHERE suggestion_id = :a AND linked_id = :b")
                .setParameter("a", a).setParameter("b", b).getSingleResult()).longValue() > 0;
    }

    public long linkCount(UUID id) {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM suggestion_link WHERE suggestion_id = :id")
                .setParameter("id", id).getSingleResult()).longValue();
    }

    @SuppressWarnings("unchecked")
    public List<SuggestionLink> linksOf(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT l.suggestion_id, l.linked_id, s.number, s.title FROM suggestion_link l JOIN suggestion s ON s.id = l.linked_id
                WHERE l.suggestion_id IN (:ids) ORDER BY s.number""")
                .setParameter("ids", ids).getResultList();
        return rows.stream().map(r -> new SuggestionLink((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3])).toList();
    }
}
