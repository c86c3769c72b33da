package gov.suggestions.notification.repository;

import jakarta.enterprise.context.ApplicationScoped;

import gov.suggestions.notification.domain.DeputyContact;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Contacts are found by (congress body, roster id) only: the same roster id in another body is another person. */
@ApplicationScoped
public class DeputyContactRepository implements PanacheRepositoryBase<DeputyContact, DeputyContact.Key> {

    /** @return null when the body or the id is unknown (or null) */
    public DeputyContact of(String congressBody, String deputyId) {
        if (congressBody == null || deputyId == null) {
            return null;
        }
        return findById(new DeputyContact.Key(congressBody, deputyId));
    }
}
