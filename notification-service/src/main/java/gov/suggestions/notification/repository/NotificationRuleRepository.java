package gov.suggestions.notification.repository;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import gov.suggestions.notification.domain.Audience;
import gov.suggestions.notification.domain.NotificationRule;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class NotificationRuleRepository implements PanacheRepositoryBase<NotificationRule, UUID> {

    /**
     * The rules an event of one congress body follows: per audience, the body's own override if it has one
     * (enabled or not: a disabled override switches the notice off for that body), else the global rule; enabled ones only.
     * @param congressBody null: the global rules only
     */
    public List<NotificationRule> applicableFor(String eventType, String congressBody) {
        List<NotificationRule> candidates = congressBody == null
                ? find("eventType = ?1 and congressBody is null", Sort.by("id"), eventType).list()
                : find("eventType = ?1 and (congressBody is null or congressBody = ?2)", Sort.by("id"), eventType, congressBody).list();
        Map<Audience, NotificationRule> chosen = new LinkedHashMap<>();
        for (NotificationRule rule : candidates) {
            NotificationRule current = chosen.get(rule.audience);
            if (current == null || (current.congressBody == null && rule.congressBody != null)) {
                chosen.put(rule.audience, rule);
            }
        }
        List<NotificationRule> result = new ArrayList<>();
        for (NotificationRule rule : chosen.values()) {
            if (rule.enabled) {
                result.add(rule);
            }
        }
        return result;
    }

    /** @param congressBody null: every rule (global and every body's overrides); else the global rules and that body's */
    public List<NotificationRule> visibleTo(String congressBody, boolean all) {
        Sort sort = Sort.by("eventType").and("audience").and("congressBody", Sort.NullPrecedence.NULLS_FIRST);
        return all ? findAll(sort).list() : find("congressBody is null or congressBody = ?1", sort, congressBody).list();
    }

    public boolean exists(String eventType, Audience audience, String congressBody) {
        return congressBody == null
                ? count("eventType = ?1 and audience = ?2 and congressBody is null", eventType, audience) > 0
                : count("eventType = ?1 and audience = ?2 and congressBody = ?3", eventType, audience, congressBody) > 0;
    }
}
