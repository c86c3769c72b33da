package gov.suggestions.notification.repository;

import jakarta.enterprise.context.ApplicationScoped;

import gov.suggestions.notification.domain.DeputyContact;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class DeputyContactRepository implements PanacheRepositoryBase<DeputyContact, String> {
}
