package gov.suggestions.suggestion.repository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import gov.suggestions.suggestion.domain.Page;
import gov.suggestions.suggestion.domain.Suggestion;
import gov.suggestions.suggestion.domain.SuggestionFilter;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class SuggestionRepository implements PanacheRepositoryBase<Suggestion, UUID> {

    private static final String SIGNED_BY = "(s.leadDeputyId = %1$s or exists (select 1 from Suggestion x join x.coSigners c "
            + "where x.id = s.id and c.deputyId = %1$s))";

    /** Which of these numbers are registered in the congress body already. */
    public java.util.Set<String> numbersTaken(String congressBody, List<String> numbers) {
        // a join on one array parameter, not "in (500 parameters)": while an import fills an empty table the planner's
        // statistics are stale, and the IN list was then compared with every row of the congress body (200 ms a chunk)
        java.util.Set<String> taken = new java.util.HashSet<>();
        getEntityManager().unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (java.sql.PreparedStatement query = connection.prepareStatement(
                    "SELECT s.number FROM unnest(?::text[]) AS n(number) JOIN suggestion s ON s.congress_body = ? AND s.number = n.number")) {
                query.setArray(1, connection.createArrayOf("text", numbers.toArray()));
                query.setString(2, congressBody);
                try (java.sql.ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        taken.add(rows.getString(1));
                    }
                }
            }
        });
        return taken;
    }

    /** The suggestion if the caller may see it: the object-level check is part of the query. */
    public Optional<Suggestion> findVisible(UUID id, SuggestionScope scope) {
        StringBuilder query = new StringBuilder("from Suggestion s where s.id = :id");
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        if (!narrow(scope, query, params)) {
            return Optional.empty();
        }
        return find(query.toString(), params).firstResultOptional();
    }

    /** One page of the suggestions the caller may see that match the filter. */
    public Page<Suggestion> search(SuggestionFilter filter, SuggestionScope scope, Sort sort, int page, int size) {
        StringBuilder query = new StringBuilder("from Suggestion s where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (!narrow(scope, query, params)) {
            return new Page<>(List.of(), 0, page, size);
        }
        if (filter.congressBody() != null) {
            query.append(" and s.congressBody = :filterBody");
            params.put("filterBody", filter.congressBody());
        }
        if (filter.term() != null) {
            query.append(" and s.term = :term");
            params.put("term", filter.term().shortValue());
        }
        if (filter.session() != null) {
            query.append(" and s.session = :session");
            params.put("session", filter.session().shortValue());
        }
        if (filter.year() != null) {
            query.append(" and s.year = :year");
            params.put("year", filter.year().shortValue());
        }
        if (filter.state() != null) {
            query.append(" and s.state = :state");
            params.put("state", filter.state());
        }
        if (filter.supervisionLevel() != null) {
            query.append(" and s.supervisionLevel = :level");
            params.put("level", filter.supervisionLevel());
        }
        if (filter.topic() != null) {
            query.append(" and :topic member of s.topics");
            params.put("topic", filter.topic());
        }
        if (filter.unit() != null || filter.role() != null) {
            query.append(" and exists (select 1 from Suggestion y join y.units fu where y.id = s.id");
            if (filter.unit() != null) {
                query.append(" and fu.unitCode = :filterUnit");
                params.put("filterUnit", filter.unit());
            }
            if (filter.role() != null) {
                query.append(" and fu.role = :filterRole");
                params.put("filterRole", filter.role());
            }
            query.append(")");
        }
        if (filter.deputy() != null) {
            query.append(" and ").append(SIGNED_BY.formatted(":filterDeputy"));
            params.put("filterDeputy", filter.deputy());
        }
        // the total is counted with its own query string, which Hibernate caches: PanacheQuery.count() derives a count
        // query and translates it again on every call (a fifth of a list request's CPU in a profile of workflow-service)
        return new Page<>(find(query.toString(), sort, params).page(page, size).list(), count(query.toString(), params), page, size);
    }

    /** Appends what the scope lets be seen; false when it lets nothing be seen (then no query is made). */
    private static boolean narrow(SuggestionScope scope, StringBuilder query, Map<String, Object> params) {
        if (scope.nothing()) {
            return false;
        }
        if (scope.deputy() != null) {
            query.append(" and ").append(SIGNED_BY.formatted(":deputy"));
            params.put("deputy", scope.deputy());
        }
        if (scope.unit() != null) {
            query.append(" and exists (select 1 from Suggestion z join z.units mu where z.id = s.id and mu.unitCode = :callerUnit)");
            params.put("callerUnit", scope.unit());
        }
        if (scope.congressBody() != null) {
            query.append(" and s.congressBody = :body");
            params.put("body", scope.congressBody());
        }
        return true;
    }
}
