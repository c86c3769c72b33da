package gov.suggestions.notification.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import gov.suggestions.notification.domain.NotificationRule;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class NotificationRuleRepository implements PanacheRepository<NotificationRule> {

    public List<NotificationRule> enabledFor(String eventType) {
        return find("eventType = ?1 and enabled = true", Sort.by("id"), eventType).list();
    }

    public List<NotificationRule> all() {
        return findAll(Sort.by("eventType").and("audience")).list();
    }
}
