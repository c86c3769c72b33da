package gov.suggestions.notification.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import gov.suggestions.notification.domain.Audience;
import gov.suggestions.notification.domain.Channel;
import gov.suggestions.notification.domain.NotificationRule;
import gov.suggestions.notification.repository.NotificationRuleRepository;

/** The rule table: read by the intake for every event, so a change applies to the next event without a rebuild. */
@ApplicationScoped
public class RuleService {

    private final NotificationRuleRepository repository;
    private final TemplateRenderer renderer;

    public RuleService(NotificationRuleRepository repository, TemplateRenderer renderer) {
        this.repository = repository;
        this.renderer = renderer;
    }

    public record RuleData(String eventType, Audience audience, List<Channel> channels, String template, boolean enabled) {
    }

    @Transactional
    public List<NotificationRule> all() {
        return repository.all();
    }

    @Transactional
    public NotificationRule get(long id) {
        NotificationRule rule = repository.findById(id);
        if (rule == null) {
            throw new NotFoundException(Text.of("未找到该规则", "No such rule"));
        }
        return rule;
    }

    @Transactional
    public NotificationRule create(RuleData data) {
        check(data);
        if (repository.count("eventType = ?1 and audience = ?2", data.eventType(), data.audience()) > 0) {
            throw new ConflictException(Text.of("该事件类型已有此受众的规则", "A rule for this event type and audience exists already"),
                    "audience");
        }
        NotificationRule rule = new NotificationRule();
        apply(rule, data);
        repository.persist(rule);
        return rule;
    }

    @Transactional
    public NotificationRule update(long id, String ifMatch, RuleData data) {
        NotificationRule rule = get(id);
        PreconditionFailedException.check(ifMatch, rule.version);
        check(data);
        if ((!rule.eventType.equals(data.eventType()) || rule.audience != data.audience())
                && repository.count("eventType = ?1 and audience = ?2", data.eventType(), data.audience()) > 0) {
            throw new ConflictException(Text.of("该事件类型已有此受众的规则", "A rule for this event type and audience exists already"),
                    "audience");
        }
        apply(rule, data);
        repository.flush();
        return rule;
    }

    private void check(RuleData data) {
        if (!renderer.exists(data.template())) {
            throw new ConflictException(Text.of("模板不存在(需有中文和英文版本)", "No such template (in zh-CN and en)"), "template");
        }
    }

    private static void apply(NotificationRule rule, RuleData data) {
        rule.eventType = data.eventType();
        rule.audience = data.audience();
        rule.channels = String.join(",", data.channels().stream().distinct().map(Channel::name).toList());
        rule.template = data.template();
        rule.enabled = data.enabled();
    }
}
