package gov.suggestions.notification.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import gov.suggestions.notification.domain.WebhookSubscription;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class WebhookSubscriptionRepository implements PanacheRepositoryBase<WebhookSubscription, UUID> {

    public List<WebhookSubscription> enabledFor(String eventType) {
        return find("enabled = true and concat(',', eventTypes, ',') like ?1", Sort.by("id"), "%," + eventType + ",%").list();
    }

    public List<WebhookSubscription> page(int page, int size) {
        return findAll(Sort.by("name").and("id")).page(page, size).list();
    }
}
