package gov.suggestions.notification.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import gov.suggestions.notification.domain.DeliveryAttempt;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class DeliveryAttemptRepository implements PanacheRepository<DeliveryAttempt> {

    public List<DeliveryAttempt> of(UUID notificationId) {
        return find("notificationId", Sort.by("number"), notificationId).list();
    }

    public DeliveryAttempt open(UUID notificationId, int number) {
        return find("notificationId = ?1 and number = ?2", notificationId, number).firstResult();
    }
}
