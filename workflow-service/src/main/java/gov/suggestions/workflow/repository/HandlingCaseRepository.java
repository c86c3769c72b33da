package gov.suggestions.workflow.repository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import gov.suggestions.workflow.domain.CaseRole;
import gov.suggestions.workflow.domain.CaseState;
import gov.suggestions.workflow.domain.HandlingCase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class HandlingCaseRepository implements PanacheRepositoryBase<HandlingCase, UUID> {

    /** The unit's case of the suggestion that reassignment has not closed (at most one: a partial unique index). */
    public Optional<HandlingCase> findBySuggestionAndUnit(UUID suggestionId, String unitCode) {
        return find("suggestionId = ?1 and unitCode = ?2 and state <> ?3", suggestionId, unitCode, CaseState.CLOSED_BY_REASSIGNMENT)
                .firstResultOptional();
    }

    /**
     * The case of an imported record, locked: the one of that suggestion number in the congress body for the unit that
     * reassignment has not closed.
     */
    public Optional<HandlingCase> lockForImport(String congressBody, String number, String unitCode) {
        return find("congressBody = ?1 and number = ?2 and unitCode = ?3 and state <> ?4", congressBody, number, unitCode,
                CaseState.CLOSED_BY_REASSIGNMENT).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** The case if the caller may see it, narrowed in the query; with {@code lock} the row is locked for the transition. */
    public Optional<HandlingCase> findVisible(UUID id, Viewer caller, boolean lock) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        String scope = scope(caller, params);
        if (scope == null) {
            return Optional.empty();
        }
        PanacheQuery<HandlingCase> query = find("id = :id" + scope, params);
        if (lock) {
            query = query.withLock(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.firstResultOptional();
    }

    /**
     * The cases among {@code ids} the caller may see, narrowed in the query and locked in id order (so two
     * requests over overlapping cases cannot deadlock).
     */
    public List<HandlingCase> lockVisible(java.util.Collection<UUID> ids, Viewer caller) {
        Map<String, Object> params = new HashMap<>();
        params.put("ids", ids);
        String scope = scope(caller, params);
        if (scope == null) {
            return List.of();
        }
        return find("id in :ids" + scope + " order by id", params).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** The ids among {@code ids} of the cases the caller may see, in one query narrowed like every other (no lock). */
    public java.util.Set<UUID> visibleIds(java.util.Collection<UUID> ids, Viewer caller) {
        Map<String, Object> params = new HashMap<>();
        String scope = scope(caller, params);
        if (scope == null || ids.isEmpty()) {
            return java.util.Set.of();
        }
        var query = getEntityManager().createQuery("select id from HandlingCase where id in :ids" + scope, UUID.class).setParameter("ids", ids);
        params.forEach(query::setParameter);
        return new java.util.HashSet<>(query.getResultList());
    }

    /** A selection of cases: a query (without its order) and its parameters. */
    public record Selection(String query, Map<String, Object> params) {
    }

    /** One page of a selection, in the order of every case list: due date, number, unit. */
    public List<HandlingCase> page(Selection selection, int page, int size) {
        return find(selection.query() + " order by dueOn, number, unitCode", selection.params()).page(page, size).list();
    }

    /**
     * How many cases a selection holds, counted with its own query string, which Hibernate caches: PanacheQuery.count()
     * derives a count query and translates it again on every call (a fifth of a case list request's CPU in a profile).
     */
    public long count(Selection selection) {
        return count(selection.query(), selection.params());
    }

    public Selection listVisible(Viewer caller, CaseState state, UUID suggestionId, String unitCode) {
        Map<String, Object> params = new HashMap<>();
        String scope = scope(caller, params);
        if (scope == null) {
            scope = " and 1 = 0";
        }
        StringBuilder query = new StringBuilder("1 = 1").append(scope);
        if (state != null) {
            query.append(" and state = :state");
            params.put("state", state);
        }
        if (suggestionId != null) {
            query.append(" and suggestionId = :suggestion");
            params.put("suggestion", suggestionId);
        }
        if (unitCode != null) {
            query.append(" and unitCode = :unitCode");
            params.put("unitCode", unitCode);
        }
        return new Selection(query.toString(), params);
    }

    /** What supervisors look at: due soon, overdue, returned in review, awaiting the deputy's evaluation. */
    public Selection supervisionList(Viewer caller, String view, java.time.LocalDate today, int dueSoonDays,
            String unitCode, String leaderInCharge, String leaderInChargeId) {
        Map<String, Object> params = new HashMap<>();
        String scope = scope(caller, params);
        StringBuilder query = new StringBuilder("from HandlingCase hc where 1 = 1").append(scope == null ? " and 1 = 0" : scope);
        switch (view) {
            case "DUE_SOON" -> {
                query.append(" and state in :owing and dueOn >= :today and dueOn <= :soon");
                params.put("owing", DeadlineNoticeRepository.OWING);
                params.put("today", today);
                params.put("soon", today.plusDays(dueSoonDays));
            }
            case "OVERDUE" -> {
                query.append(" and state in :owing and dueOn < :today");
                params.put("owing", DeadlineNoticeRepository.OWING);
                params.put("today", today);
            }
            case "RETURNED" -> query.append(" and state = :drafting and exists (select 1 from CaseHistoryEntry h where h.caseId = hc.id"
                    + " and h.action = 'RETURN_DRAFT' and h.seq = (select max(h2.seq) from CaseHistoryEntry h2 where h2.caseId = hc.id"
                    + " and h2.action in ('RETURN_DRAFT', 'SUBMIT_DRAFT')))");
            case "AWAITING_EVALUATION" -> query.append(" and state = :replied");
            default -> throw new IllegalArgumentException(view);
        }
        if ("RETURNED".equals(view)) {
            params.put("drafting", CaseState.DRAFTING);
        }
        if ("AWAITING_EVALUATION".equals(view)) {
            params.put("replied", CaseState.REPLIED);
        }
        if (unitCode != null) {
            query.append(" and unitCode = :unitCode");
            params.put("unitCode", unitCode);
        }
        if (leaderInCharge != null) {
            query.append(" and leaderInCharge = :leader");
            params.put("leader", leaderInCharge);
        }
        if (leaderInChargeId != null) {
            query.append(" and leaderInChargeId = :leaderId");
            params.put("leaderId", leaderInChargeId);
        }
        return new Selection(query.toString(), params);
    }

    /** The JOINT cases of the same suggestion as a LEAD case. */
    /** The suggestion's cases not closed by reassignment (one per unit). */
    public long countCurrent(UUID suggestionId) {
        return count("suggestionId = ?1 and state <> ?2", suggestionId, CaseState.CLOSED_BY_REASSIGNMENT);
    }

    public List<HandlingCase> jointCasesOf(UUID suggestionId) {
        return list("suggestionId = ?1 and role = ?2 and state <> ?3 order by unitCode", suggestionId, CaseRole.JOINT,
                CaseState.CLOSED_BY_REASSIGNMENT);
    }

    /**
     * The object-level scope of a caller as a query fragment: a unit's staff see their unit's cases, a congress office
     * its congress body's, a deputy, as the pair (congress body, roster id), the cases of the suggestions of that body
     * they lead or co-signed; supervisors all cases, the system all (one body's when its token names one). A token
     * with several of the scoped roles gets every one of their conditions (the narrowest, never the widest). Null when
     * the token lacks a scope claim one of its roles needs (the caller sees nothing; no placeholder value goes into the
     * query).
     */
    static String scope(Viewer caller, Map<String, Object> params) {
        if (caller.hasRole(Viewer.GOV_SUPERVISOR)) {
            return "";
        }
        if (caller.hasRole(Viewer.SYSTEM)) {
            if (caller.congressBody() == null) {
                return "";
            }
            params.put("body", caller.congressBody());
            return " and congressBody = :body";
        }
        StringBuilder scope = new StringBuilder();
        boolean scoped = false;
        if (caller.hasRole(Viewer.CONGRESS_OFFICE)) {
            if (caller.congressBody() == null) {
                return null;
            }
            params.put("body", caller.congressBody());
            scope.append(" and congressBody = :body");
            scoped = true;
        }
        if (caller.hasRole(Viewer.UNIT_OFFICE) || caller.hasRole(Viewer.UNIT_LEADER) || caller.hasRole(Viewer.HANDLER)) {
            if (caller.unit() == null) {
                return null;
            }
            params.put("unit", caller.unit());
            scope.append(" and unitCode = :unit");
            scoped = true;
        }
        if (caller.hasRole(Viewer.DEPUTY)) {
            if (caller.deputy() == null || caller.congressBody() == null) {
                return null;
            }
            params.put("deputy", caller.deputy());
            params.put("deputyBody", caller.congressBody());
            // (body, roster id): roster ids repeat between congress bodies. The lead deputy and the co-signers (附议)
            // follow the case; only the lead deputy evaluates (HandlingCase.evaluate)
            scope.append(" and congressBody = :deputyBody and (leadDeputyId = :deputy or id in (select s.caseId from CaseCoSigner s"
                    + " where s.congressBody = :deputyBody and s.deputyId = :deputy))");
            scoped = true;
        }
        return scoped ? scope.toString() : null;
    }

    /**
     * Per congress body and unit with a case owing a reply or opinion: how many of those cases are past their due date.
     * An index-only count over ix_case_owing_unit_due (its predicate is this query's state list).
     */
    @SuppressWarnings("unchecked")
    public List<UnitOverdue> overdueByUnit(java.time.LocalDate today) {
        List<Object[]> rows = getEntityManager().createNativeQuery("SELECT congress_body, unit_code, count(*) FILTER (WHERE due_on < :today)"
                + " FROM handling_case WHERE state IN ('ASSIGNED', 'DISTRIBUTED', 'COMMUNICATING', 'DRAFTING', 'UNDER_REVIEW', 'REHANDLING')"
                + " GROUP BY congress_body, unit_code")
                .setParameter("today", today)
                .getResultList();
        return rows.stream().map(r -> new UnitOverdue((String) r[0], (String) r[1], ((Number) r[2]).longValue())).toList();
    }

    /** A handling unit of a congress body that owes replies, and how many of them are overdue. */
    public record UnitOverdue(String congressBody, String unitCode, long overdue) {
    }
}
