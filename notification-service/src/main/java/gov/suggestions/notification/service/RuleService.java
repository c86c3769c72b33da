package gov.suggestions.notification.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import gov.suggestions.notification.domain.Audience;
import gov.suggestions.notification.domain.Channel;
import gov.suggestions.notification.domain.NotificationRule;
import gov.suggestions.notification.domain.Text;
import gov.suggestions.notification.repository.NotificationRuleRepository;

/**
 * The rule table: read by the intake for every event, so a change applies to the next event without a rebuild.
 * Global rules (no congress body) are shared by every body and changed only by {@code platform-admin} or {@code system};
 * a congress office reads them and keeps its own body's overrides (a rule naming its body, which wins for its events).
 */
@ApplicationScoped
public class RuleService {

    private final NotificationRuleRepository repository;
    private final TemplateRenderer renderer;

    public RuleService(NotificationRuleRepository repository, TemplateRenderer renderer) {
        this.repository = repository;
        this.renderer = renderer;
    }

    public record RuleData(String eventType, Audience audience, List<Channel> channels, String template, boolean enabled,
            String congressBody) {
    }

    /** platform-admin and system: every rule; a congress office: the global ones and its body's; without its claim: none. */
    @Transactional
    public List<NotificationRule> all(Caller caller) {
        if (spansEveryBody(caller)) {
            return repository.visibleTo(null, true);
        }
        String body = officeBody(caller);
        return body == null ? List.of() : repository.visibleTo(body, false);
    }

    @Transactional
    public NotificationRule get(Caller caller, UUID id) {
        NotificationRule rule = repository.findById(id);
        if (rule == null || !visible(caller, rule)) {
            throw new NotFoundException(Text.of("未找到该规则", "No such rule"));
        }
        return rule;
    }

    @Transactional
    public NotificationRule create(Caller caller, RuleData data) {
        requireMayChange(caller, data.congressBody());
        check(data);
        if (repository.exists(data.eventType(), data.audience(), data.congressBody())) {
            throw new ConflictException(Text.of("该事件类型已有此受众的规则", "A rule for this event type and audience exists already"),
                    "audience");
        }
        NotificationRule rule = new NotificationRule();
        rule.id = UUID.randomUUID();
        apply(rule, data);
        repository.persist(rule);
        return rule;
    }

    /** The version a removal of the rule would start from: not found (404) or refused (403) as the removal would be. */
    @Transactional
    public long versionForChange(Caller caller, UUID id) {
        return ruleToChange(caller, id).version;
    }

    /** The version this change of the rule would start from: not found (404) or refused (403) as the change would be. */
    @Transactional
    public long versionForChange(Caller caller, UUID id, RuleData data) {
        NotificationRule rule = ruleToChange(caller, id);
        requireMayChange(caller, data.congressBody());
        return rule.version;
    }

    private NotificationRule ruleToChange(Caller caller, UUID id) {
        NotificationRule rule = get(caller, id);
        requireMayChange(caller, rule.congressBody);
        return rule;
    }

    @Transactional
    public NotificationRule update(Caller caller, UUID id, long expectedVersion, RuleData data) {
        NotificationRule rule = ruleToChange(caller, id);
        requireMayChange(caller, data.congressBody());
        PreconditionFailedException.check(expectedVersion, rule.version);
        check(data);
        if ((!rule.eventType.equals(data.eventType()) || rule.audience != data.audience()
                || !java.util.Objects.equals(rule.congressBody, data.congressBody()))
                && repository.exists(data.eventType(), data.audience(), data.congressBody())) {
            throw new ConflictException(Text.of("该事件类型已有此受众的规则", "A rule for this event type and audience exists already"),
                    "audience");
        }
        apply(rule, data);
        repository.flush();
        return rule;
    }

    /** Removes a rule; for an override this means the body follows the global rule again. */
    @Transactional
    public void remove(Caller caller, UUID id, long expectedVersion) {
        NotificationRule rule = ruleToChange(caller, id);
        PreconditionFailedException.check(expectedVersion, rule.version);
        repository.delete(rule);
    }

    private static boolean spansEveryBody(Caller caller) {
        return caller.hasRole(Caller.PLATFORM_ADMIN) || caller.hasRole(Caller.SYSTEM);
    }

    private static String officeBody(Caller caller) {
        return caller.hasRole(Caller.CONGRESS_OFFICE) ? caller.congressBody() : null;
    }

    private static boolean visible(Caller caller, NotificationRule rule) {
        if (spansEveryBody(caller)) {
            return true;
        }
        String body = officeBody(caller);
        return body != null && (rule.congressBody == null || rule.congressBody.equals(body));
    }

    /** Global rules: platform-admin and system only; a body's override: also that body's office. */
    private static void requireMayChange(Caller caller, String ruleBody) {
        if (spansEveryBody(caller)) {
            return;
        }
        String body = officeBody(caller);
        if (ruleBody == null) {
            throw new ScopeForbiddenException(Text.of("全局通知规则只能由平台管理员或系统修改;代表机构可维护本机构的覆盖规则(congressBody)",
                    "Global rules are changed only by platform-admin or system; a congress office keeps its own body's overrides (congressBody)"));
        }
        if (body == null || !body.equals(ruleBody)) {
            throw new ScopeForbiddenException(Text.of("只能维护本机构的通知规则", "A congress office keeps only its own body's rules"));
        }
    }

    private void check(RuleData data) {
        if (!renderer.exists(data.template())) {
            throw new ConflictException(Text.of("模板不存在(需有中文和英文版本)", "No such template (in zh-CN and en)"), "template");
        }
    }

    private static void apply(NotificationRule rule, RuleData data) {
        rule.eventType = data.eventType();
        rule.congressBody = data.congressBody();
        rule.audience = data.audience();
        rule.channels = String.join(",", data.channels().stream().distinct().map(Channel::name).toList());
        rule.template = data.template();
        rule.enabled = data.enabled();
    }
}
