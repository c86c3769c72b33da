package gov.suggestions.notification.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import gov.suggestions.notification.domain.StaffRecipient;
import gov.suggestions.notification.domain.Text;
import gov.suggestions.notification.repository.StaffRecipientRepository;

/**
 * Staff recipients: the system registers anyone; a unit office only the people of its own unit (a unit office token
 * without its unit claim sees nobody and registers nobody: 403). A username is unique within its unit only, so that
 * registering one tells a unit office nothing about other units (the same person may be registered by two units;
 * their inbox is found by username and the unit their token names).
 */
@ApplicationScoped
public class StaffRecipientService {

    private final StaffRecipientRepository repository;
    private final Clock clock;

    public StaffRecipientService(StaffRecipientRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public record StaffData(String username, String name, String unitCode, List<String> roles, String email, String mobile,
            String locale, List<String> preferredChannels) {
    }

    @Transactional
    public StaffRecipient register(Caller caller, StaffData data) {
        requireOwnUnit(caller, data.unitCode());
        if (repository.byUsername(data.unitCode(), data.username()).isPresent()) {
            throw new ConflictException(Text.of("该用户名已登记", "This username is registered already"), "username");
        }
        StaffRecipient staff = new StaffRecipient();
        staff.id = UUID.randomUUID();
        staff.createdAt = clock.instant();
        apply(staff, data);
        repository.persist(staff);
        return staff;
    }

    @Transactional
    public StaffRecipient update(Caller caller, UUID id, long expectedVersion, StaffData data) {
        StaffRecipient staff = get(caller, id);
        PreconditionFailedException.check(expectedVersion, staff.version);
        requireOwnUnit(caller, data.unitCode());
        if ((!staff.username.equals(data.username()) || !staff.unitCode.equals(data.unitCode()))
                && repository.byUsername(data.unitCode(), data.username()).isPresent()) {
            throw new ConflictException(Text.of("该用户名已登记", "This username is registered already"), "username");
        }
        apply(staff, data);
        repository.flush();
        return staff;
    }

    @Transactional
    public void remove(Caller caller, UUID id, long expectedVersion) {
        StaffRecipient staff = get(caller, id);
        PreconditionFailedException.check(expectedVersion, staff.version);
        repository.delete(staff);
    }

    /** Someone of another unit answers 404 for a unit office. */
    @Transactional
    public StaffRecipient get(Caller caller, UUID id) {
        StaffRecipient staff = repository.findById(id);
        if (staff == null || (!caller.hasRole(Caller.SYSTEM) && !staff.unitCode.equals(caller.unitScope()))) {
            throw new NotFoundException(Text.of("未找到该人员", "No such staff recipient"));
        }
        return staff;
    }

    @Transactional
    public Page<StaffRecipient> list(Caller caller, int page, int size) {
        if (!caller.hasRole(Caller.SYSTEM) && caller.unitScope() == null) {
            return new Page<>(List.of(), page, size, 0);   // no unit claim: nobody, never everybody
        }
        String unit = caller.hasRole(Caller.SYSTEM) ? null : caller.unitScope();
        return new Page<>(repository.page(unit, page, size), page, size, repository.countIn(unit));
    }

    private void requireOwnUnit(Caller caller, String unitCode) {
        if (!caller.hasRole(Caller.SYSTEM) && caller.unitScope() == null) {
            throw new ScopeForbiddenException(Text.of("令牌未指明所属单位(unit)", "The token names no unit"));
        }
        if (!caller.hasRole(Caller.SYSTEM) && !unitCode.equals(caller.unitScope())) {
            throw new ConflictException(Text.of("只能登记本单位人员", "A unit office registers only people of its own unit"), "unitCode");
        }
    }

    private void apply(StaffRecipient staff, StaffData data) {
        staff.username = data.username();
        staff.name = data.name();
        staff.unitCode = data.unitCode();
        staff.roles = String.join(",", data.roles());
        staff.email = data.email();
        staff.mobile = data.mobile();
        staff.locale = data.locale() == null ? TemplateRenderer.ZH_CN : data.locale();
        staff.preferredChannels = data.preferredChannels() == null ? "" : String.join(",", data.preferredChannels());
        staff.updatedAt = clock.instant();
    }
}
