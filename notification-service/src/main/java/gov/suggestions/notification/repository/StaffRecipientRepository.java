package gov.suggestions.notification.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import gov.suggestions.notification.domain.StaffRecipient;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class StaffRecipientRepository implements PanacheRepositoryBase<StaffRecipient, UUID> {

    /** Staff of one unit holding one role (roles are stored comma-separated). */
    public List<StaffRecipient> inUnitWithRole(String unitCode, String role) {
        return find("unitCode = ?1 and concat(',', roles, ',') like ?2", Sort.by("name"), unitCode, "%," + role + ",%").list();
    }

    /** Usernames are unique per unit (for congress office staff: per congress body), not across units. */
    public Optional<StaffRecipient> byUsername(String unitCode, String username) {
        return find("unitCode = ?1 and username = ?2", unitCode, username).firstResultOptional();
    }

    /** @param unitCode null for every unit */
    public List<StaffRecipient> page(String unitCode, int page, int size) {
        return (unitCode == null ? findAll(Sort.by("unitCode").and("name").and("id")) : find("unitCode", Sort.by("name").and("id"), unitCode))
                .page(page, size).list();
    }

    public long countIn(String unitCode) {
        return unitCode == null ? count() : count("unitCode", unitCode);
    }
}
