package gov.suggestions.suggestion.service;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import gov.suggestions.suggestion.domain.CongressBody;
import gov.suggestions.suggestion.domain.Page;
import gov.suggestions.suggestion.domain.CongressKind;
import gov.suggestions.suggestion.domain.CongressSession;
import gov.suggestions.suggestion.domain.Deputy;
import gov.suggestions.suggestion.domain.HandlingUnit;
import gov.suggestions.suggestion.domain.Text;
import gov.suggestions.suggestion.event.DeputyContactUpdatedV1;
import gov.suggestions.suggestion.event.Outbox;
import gov.suggestions.suggestion.repository.CongressBodyRepository;
import gov.suggestions.suggestion.repository.DeputyRepository;
import gov.suggestions.suggestion.repository.HandlingUnitRepository;
import io.quarkus.panache.common.Sort;

/**
 * Congress bodies with their sessions, handling units and deputies: kept by the offices, upserted by their systems.
 * One class for the three: they share who may keep which roster and the bulk upsert; split per kind if one grows.
 */
@ApplicationScoped
public class ReferenceDataService {

    public record CongressBodyData(String code, String name, CongressKind kind, List<CongressSession> sessions) {
    }

    public record UnitData(String code, String name, String unifiedSocialCreditCode) {
    }

    public record DeputyData(String congressBody, String id, String name, String delegation, String phone, String email) {
    }

    public record Upserted(int created, int updated) {
    }

    private final CongressBodyRepository bodies;
    private final HandlingUnitRepository units;
    private final DeputyRepository deputies;
    private final Outbox outbox;

    public ReferenceDataService(CongressBodyRepository bodies, HandlingUnitRepository units, DeputyRepository deputies, Outbox outbox) {
        this.bodies = bodies;
        this.units = units;
        this.deputies = deputies;
        this.outbox = outbox;
    }

    // --- congress bodies

    @Transactional
    public Page<CongressBody> listBodies(int page, int size, Caller caller) {
        if (caller.lacksScope()) {
            return new Page<>(List.of(), 0, page, size); // a token without its scope claim sees nothing
        }
        List<CongressBody> items = bodies.findAll(Sort.ascending("code")).page(page, size).list();
        items.forEach(b -> b.sessions.size());
        // counted with a query string Hibernate caches (PanacheQuery.count() translates a derived query on every call)
        return new Page<>(items, bodies.count(), page, size);
    }

    @Transactional
    public CongressBody body(String code, Caller caller) {
        // a token without its scope claim sees nothing: no query at all
        CongressBody body = (caller.lacksScope() ? java.util.Optional.<CongressBody>empty() : bodies.findByIdOptional(code))
                .orElseThrow(() -> new NotFoundException(Text.of("没有人大(政协)机关 " + code, "No congress body " + code)));
        body.sessions.size();
        return body;
    }

    @Transactional
    public CongressBody createBody(CongressBodyData data, Caller caller) {
        requireBodyKeeper(caller, data.code());
        if (bodies.findById(data.code()) != null) {
            throw new ConflictException(Text.of("人大(政协)机关 " + data.code() + " 已存在", "Congress body " + data.code() + " exists"), "code");
        }
        CongressBody body = new CongressBody();
        body.code = data.code();
        apply(body, data);
        bodies.persist(body);
        bodies.flush();
        return body;
    }

    /** The version a change of the body by this caller would start from: refused (403) or not found (404) as the change would be. */
    @Transactional
    public long bodyVersionForChange(String code, Caller caller) {
        return bodyToChange(code, caller).version;
    }

    private CongressBody bodyToChange(String code, Caller caller) {
        requireBodyKeeper(caller, code);
        return body(code, caller);
    }

    @Transactional
    public CongressBody updateBody(String code, CongressBodyData data, long expectedVersion, Caller caller) {
        CongressBody body = bodyToChange(code, caller);
        PreconditionFailedException.check(expectedVersion, body.version);
        apply(body, data);
        bodies.flush();
        return body;
    }

    @Transactional
    public void deleteBody(String code, long expectedVersion, Caller caller) {
        CongressBody body = bodyToChange(code, caller);
        PreconditionFailedException.check(expectedVersion, body.version);
        bodies.delete(body);
    }

    @Transactional
    public Upserted upsertBodies(List<CongressBodyData> batch, Caller caller) {
        batch.forEach(data -> requireBodyKeeper(caller, data.code()));
        int created = 0;
        for (CongressBodyData data : batch) {
            CongressBody body = bodies.findById(data.code());
            if (body == null) {
                body = new CongressBody();
                body.code = data.code();
                apply(body, data);
                bodies.persist(body);
                created++;
            } else {
                apply(body, data);
            }
        }
        return new Upserted(created, batch.size() - created);
    }

    private static void apply(CongressBody body, CongressBodyData data) {
        body.name = data.name();
        body.kind = data.kind();
        body.sessions.clear();
        body.sessions.addAll(data.sessions());
    }

    // --- handling units

    @Transactional
    public Page<HandlingUnit> listUnits(int page, int size, Caller caller) {
        if (caller.lacksScope()) {
            return new Page<>(List.of(), 0, page, size); // a token without its scope claim sees nothing
        }
        return new Page<>(units.findAll(Sort.ascending("code")).page(page, size).list(), units.count(), page, size);
    }

    @Transactional
    public HandlingUnit unit(String code, Caller caller) {
        // a token without its scope claim sees nothing: no query at all
        return (caller.lacksScope() ? java.util.Optional.<HandlingUnit>empty() : units.findByIdOptional(code))
                .orElseThrow(() -> new NotFoundException(Text.of("没有承办单位 " + code, "No handling unit " + code)));
    }

    @Transactional
    public HandlingUnit createUnit(UnitData data, Caller caller) {
        requireSpansTenants(caller);
        if (units.findById(data.code()) != null) {
            throw new ConflictException(Text.of("承办单位 " + data.code() + " 已存在", "Handling unit " + data.code() + " exists"), "code");
        }
        HandlingUnit unit = new HandlingUnit();
        unit.code = data.code();
        apply(unit, data);
        units.persist(unit);
        units.flush();
        return unit;
    }

    /** The version a change of the unit by this caller would start from: refused (403) or not found (404) as the change would be. */
    @Transactional
    public long unitVersionForChange(String code, Caller caller) {
        return unitToChange(code, caller).version;
    }

    private HandlingUnit unitToChange(String code, Caller caller) {
        requireSpansTenants(caller);
        return unit(code, caller);
    }

    @Transactional
    public HandlingUnit updateUnit(String code, UnitData data, long expectedVersion, Caller caller) {
        HandlingUnit unit = unitToChange(code, caller);
        PreconditionFailedException.check(expectedVersion, unit.version);
        apply(unit, data);
        units.flush();
        return unit;
    }

    @Transactional
    public void deleteUnit(String code, long expectedVersion, Caller caller) {
        HandlingUnit unit = unitToChange(code, caller);
        PreconditionFailedException.check(expectedVersion, unit.version);
        units.delete(unit);
    }

    @Transactional
    public Upserted upsertUnits(List<UnitData> batch, Caller caller) {
        requireSpansTenants(caller);
        int created = 0;
        for (UnitData data : batch) {
            HandlingUnit unit = units.findById(data.code());
            if (unit == null) {
                unit = new HandlingUnit();
                unit.code = data.code();
                apply(unit, data);
                units.persist(unit);
                created++;
            } else {
                apply(unit, data);
            }
        }
        return new Upserted(created, batch.size() - created);
    }

    private static void apply(HandlingUnit unit, UnitData data) {
        unit.name = data.name();
        unit.unifiedSocialCreditCode = data.unifiedSocialCreditCode();
    }

    // --- deputies (contacts are personal data: every change goes to notification-service as deputy.contact-updated.v1)

    @Transactional
    public Page<Deputy> listDeputies(String congressBody, Caller caller, int page, int size) {
        if (!keepsRoster(caller, congressBody)) {
            return new Page<>(List.of(), 0, page, size); // another body's roster, or no body named: nothing to see
        }
        return new Page<>(deputies.find("key.congressBody", Sort.ascending("key.id"), congressBody).page(page, size).list(),
                deputies.count("key.congressBody", congressBody), page, size);
    }

    @Transactional
    public Deputy deputy(String congressBody, String id, Caller caller) {
        // another body's roster answers 404, as if the deputy did not exist: the key is (congress body, id), so the
        // caller's body decides what is looked up at all
        return (keepsRoster(caller, congressBody) ? deputies.findByIdOptional(new Deputy.Key(congressBody, id)) : java.util.Optional.<Deputy>empty())
                .orElseThrow(() -> new NotFoundException(Text.of("没有代表 " + id, "No deputy " + id)));
    }

    @Transactional
    public Deputy createDeputy(DeputyData data, Caller caller) {
        caller.requireScope();
        requireOwnBody(caller, data.congressBody());
        if (deputies.findById(new Deputy.Key(data.congressBody(), data.id())) != null) {
            throw new ConflictException(Text.of("代表 " + data.id() + " 已存在", "Deputy " + data.id() + " exists"), "id");
        }
        Deputy deputy = new Deputy();
        deputy.key = new Deputy.Key(data.congressBody(), data.id());
        apply(deputy, data);
        deputies.persist(deputy);
        deputies.flush();
        publishContacts(deputy, false);
        return deputy;
    }

    /** The version a change of the deputy by this caller would start from: refused (403) or not found (404) as the change would be. */
    @Transactional
    public long deputyVersionForChange(String congressBody, String id, Caller caller) {
        return deputyToChange(congressBody, id, caller).version;
    }

    private Deputy deputyToChange(String congressBody, String id, Caller caller) {
        caller.requireScope();
        return deputy(congressBody, id, caller);
    }

    @Transactional
    public Deputy updateDeputy(String congressBody, String id, DeputyData data, long expectedVersion, Caller caller) {
        Deputy deputy = deputyToChange(congressBody, id, caller);
        PreconditionFailedException.check(expectedVersion, deputy.version);
        boolean contactsChanged = contactsDiffer(deputy, data);
        apply(deputy, data);
        deputies.flush();
        if (contactsChanged) {
            publishContacts(deputy, false);
        }
        return deputy;
    }

    @Transactional
    public void deleteDeputy(String congressBody, String id, long expectedVersion, Caller caller) {
        Deputy deputy = deputyToChange(congressBody, id, caller);
        PreconditionFailedException.check(expectedVersion, deputy.version);
        deputies.delete(deputy);
        publishContacts(deputy, true);
    }

    @Transactional
    public Upserted upsertDeputies(List<DeputyData> batch, Caller caller) {
        batch.forEach(data -> requireOwnBody(caller, data.congressBody()));
        int created = 0;
        for (DeputyData data : batch) {
            Deputy deputy = deputies.findById(new Deputy.Key(data.congressBody(), data.id()));
            if (deputy == null) {
                deputy = new Deputy();
                deputy.key = new Deputy.Key(data.congressBody(), data.id());
                apply(deputy, data);
                deputies.persist(deputy);
                publishContacts(deputy, false);
                created++;
            } else if (contactsDiffer(deputy, data)) {
                apply(deputy, data);
                publishContacts(deputy, false);
            } else {
                apply(deputy, data);
            }
        }
        return new Upserted(created, batch.size() - created);
    }

    private static boolean contactsDiffer(Deputy deputy, DeputyData data) {
        return !Objects.equals(deputy.name, data.name()) || !Objects.equals(deputy.delegation, data.delegation())
                || !Objects.equals(deputy.phone, data.phone()) || !Objects.equals(deputy.email, data.email());
    }

    private static void apply(Deputy deputy, DeputyData data) {
        deputy.name = data.name();
        deputy.delegation = data.delegation();
        deputy.phone = data.phone();
        deputy.email = data.email();
    }

    private void publishContacts(Deputy deputy, boolean removed) {
        outbox.append(DeputyContactUpdatedV1.TYPE, deputy.key.id, DeputyContactUpdatedV1.of(deputy, removed, Instant.now()));
    }

    /** An office keeps only its own congress body's roster; a system token without a congress body keeps all. */
    private static boolean keepsRoster(Caller caller, String congressBody) {
        if (caller.hasRole(Caller.SYSTEM) && caller.congressBody() == null) {
            return true;
        }
        return caller.congressBody() != null && caller.congressBody().equals(congressBody);
    }

    /** Writes to a roster the caller does not keep: 403. */
    private static void requireOwnBody(Caller caller, String congressBody) {
        if (!keepsRoster(caller, congressBody)) {
            throw new AccessDeniedException(Text.of("您只能维护 " + caller.congressBody() + " 的数据",
                    "You may keep data of congress body " + caller.congressBody() + " only"));
        }
    }

    /**
     * A congress body's record is kept by the platform's administrator, a system spanning every body (or narrowed to
     * this one), and the body's own office (the resources decide which operations each may call). Another body: 403
     * (congress bodies are reference data every office reads, so there is nothing to hide behind a 404).
     */
    private static void requireBodyKeeper(Caller caller, String code) {
        if (caller.hasRole(Caller.PLATFORM_ADMIN) || (caller.hasRole(Caller.SYSTEM) && caller.congressBody() == null)) {
            return;
        }
        if (caller.congressBody() == null || !caller.congressBody().equals(code)) {
            throw new AccessDeniedException(Text.of("您只能维护 " + (caller.congressBody() == null ? "本机关" : caller.congressBody()) + " 的数据",
                    "You may keep only the record of " + (caller.congressBody() == null ? "your own congress body" : "congress body " + caller.congressBody())));
        }
    }

    /**
     * Handling units are shared by every congress body: changed only by the platform's administrator or a system token
     * spanning every body, never by a caller acting for one body.
     */
    private static void requireSpansTenants(Caller caller) {
        if (caller.hasRole(Caller.PLATFORM_ADMIN) || (caller.hasRole(Caller.SYSTEM) && caller.congressBody() == null)) {
            return;
        }
        throw new AccessDeniedException(Text.of("承办单位由平台管理员维护", "Handling units are kept by the platform administrator"));
    }
}
