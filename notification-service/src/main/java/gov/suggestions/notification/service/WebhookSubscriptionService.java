package gov.suggestions.notification.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import gov.suggestions.notification.domain.Text;
import gov.suggestions.notification.domain.WebhookSubscription;
import gov.suggestions.notification.repository.WebhookSubscriptionRepository;

/** Webhook subscriptions of other government systems. Deputies' contact events are never forwarded (personal data). */
@ApplicationScoped
public class WebhookSubscriptionService {

    private final WebhookSubscriptionRepository repository;
    private final Clock clock;
    private final WebhookTargets targets;

    public WebhookSubscriptionService(WebhookSubscriptionRepository repository, Clock clock, WebhookTargets targets) {
        this.repository = repository;
        this.clock = clock;
        this.targets = targets;
    }

    public record SubscriptionData(String name, String url, List<String> eventTypes, String secret, boolean enabled) {
    }

    @Transactional
    public WebhookSubscription create(SubscriptionData data) {
        check(data);
        WebhookSubscription s = new WebhookSubscription();
        s.id = UUID.randomUUID();
        s.createdAt = clock.instant();
        apply(s, data);
        repository.persist(s);
        return s;
    }

    @Transactional
    public WebhookSubscription update(UUID id, long expectedVersion, SubscriptionData data) {
        WebhookSubscription s = get(id);
        PreconditionFailedException.check(expectedVersion, s.version);
        check(data);
        apply(s, data);
        repository.flush();
        return s;
    }

    @Transactional
    public void remove(UUID id, long expectedVersion) {
        WebhookSubscription s = get(id);
        PreconditionFailedException.check(expectedVersion, s.version);
        repository.delete(s);
    }

    @Transactional
    public WebhookSubscription get(UUID id) {
        WebhookSubscription s = repository.findById(id);
        if (s == null) {
            throw new NotFoundException(Text.of("未找到该订阅", "No such subscription"));
        }
        return s;
    }

    @Transactional
    public Page<WebhookSubscription> list(int page, int size) {
        return new Page<>(repository.page(page, size), page, size, repository.count());
    }

    private void check(SubscriptionData data) {
        if (data.eventTypes().contains(NotificationIntake.CONTACT_UPDATED)) {
            throw new ConflictException(Text.of("代表联系方式属于个人信息,不能订阅", "Deputies' contact data is personal data and cannot be subscribed to"),
                    "eventTypes");
        }
        // no internal targets (server-side request forgery): 400 naming url
        targets.requireAcceptable("url", data.url());
    }

    private void apply(WebhookSubscription s, SubscriptionData data) {
        s.name = data.name();
        s.url = data.url();
        s.eventTypes = String.join(",", data.eventTypes().stream().distinct().toList());
        s.secret = data.secret();
        s.enabled = data.enabled();
        s.updatedAt = clock.instant();
    }
}
