package gov.suggestions.notification.service;

import static gov.suggestions.notification.service.EventFields.origin;
import static gov.suggestions.notification.service.EventFields.requireText;
import static gov.suggestions.notification.service.EventFields.text;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import gov.suggestions.notification.config.NotificationConfig;
import gov.suggestions.notification.domain.Audience;
import gov.suggestions.notification.domain.Channel;
import gov.suggestions.notification.domain.DeputyContact;
import gov.suggestions.notification.domain.Notification;
import gov.suggestions.notification.domain.NotificationBodies;
import gov.suggestions.notification.domain.NotificationRule;
import gov.suggestions.notification.domain.NotificationStatus;
import gov.suggestions.notification.domain.QuietHours;
import gov.suggestions.notification.domain.RecipientKind;
import gov.suggestions.notification.domain.StaffRecipient;
import gov.suggestions.notification.domain.SuggestionRef;
import gov.suggestions.notification.domain.WebhookSubscription;
import gov.suggestions.notification.repository.DeputyContactRepository;
import gov.suggestions.notification.repository.InboxEventRepository;
import gov.suggestions.notification.repository.NotificationRepository;
import gov.suggestions.notification.repository.NotificationRuleRepository;
import gov.suggestions.notification.repository.StaffRecipientRepository;
import gov.suggestions.notification.repository.SuggestionRefRepository;
import gov.suggestions.notification.repository.WebhookSubscriptionRepository;

/**
 * Turns one consumed event into notices, in the consumer's transaction together with its inbox
 * row: the rules for its type name audiences, channels and template; each notice is rendered now
 * and stored. Nothing is sent here: dispatchers send after this transaction has committed, so a
 * slow provider never holds up the Kafka consumer. What is kept of other services' data is in
 * LocalCopies, the events passed on to subscribed systems in WebhookForwarding.
 */
@ApplicationScoped
public class NotificationIntake {

    private static final Logger LOG = Logger.getLogger(NotificationIntake.class);
    public static final String CONTACT_UPDATED = "deputy.contact-updated.v1";
    static final String REPLIED = "case.replied.v1";
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final InboxEventRepository inbox;
    private final LocalCopies copies;
    private final WebhookForwarding forwarding;
    private final DeputyContactRepository contacts;
    private final SuggestionRefRepository suggestions;
    private final StaffRecipientRepository staff;
    private final NotificationRuleRepository rules;
    private final NotificationRepository notifications;
    private final TemplateRenderer renderer;
    private final ObjectMapper objectMapper;
    private final NotificationConfig config;
    private final Clock clock;
    private final QuietHours quietHours;
    private final WebhookSubscriptionRepository webhooks;
    private final OutcomeEvents outcomes;
    private final ReplyLetters letters;

    public NotificationIntake(InboxEventRepository inbox, LocalCopies copies, WebhookForwarding forwarding,
            DeputyContactRepository contacts, SuggestionRefRepository suggestions,
            StaffRecipientRepository staff, NotificationRuleRepository rules, NotificationRepository notifications,
            TemplateRenderer renderer, ObjectMapper objectMapper, NotificationConfig config, Clock clock, QuietHours quietHours,
            WebhookSubscriptionRepository webhooks, OutcomeEvents outcomes, ReplyLetters letters) {
        this.letters = letters;
        this.outcomes = outcomes;
        this.webhooks = webhooks;
        this.quietHours = quietHours;
        this.inbox = inbox;
        this.copies = copies;
        this.forwarding = forwarding;
        this.contacts = contacts;
        this.suggestions = suggestions;
        this.staff = staff;
        this.rules = rules;
        this.notifications = notifications;
        this.renderer = renderer;
        this.objectMapper = objectMapper;
        this.config = config;
        this.clock = clock;
    }

    /**
     * @param time when the event happened, as its publisher said (the CloudEvent's {@code time}); null when it did not say
     * @return how many notices were created (0 for a redelivered event)
     */
    @Transactional
    public int receive(String source, String eventId, String type, OffsetDateTime time, JsonNode data) {
        if (!inbox.recordFirstDelivery(source, eventId, type)) {
            LOG.debugf("event %s from %s was processed before", eventId, source);
            return 0;
        }
        if (CONTACT_UPDATED.equals(type)) {
            copies.keepContact(eventId, data);
            return 0;
        }
        if (type.startsWith("suggestion.")) {
            // an imported suggestion is kept too: the live events that follow it name it
            copies.keepSuggestion(data);
        }
        // a step replayed from the unit's previous platform (imported: true) happened long ago: telling people of it now
        // would mislead them, so no rule applies; subscribed systems mirror the data and still get it, the flag with it
        boolean imported = data.path("imported").booleanValue();
        if (imported) {
            LOG.debugf("event %s (%s) was imported: no notices to people", eventId, type);
        }
        // the event's congress body: its own field, else the suggestion's as last seen; a body's override of a rule wins for it
        String body = copies.congressBodyOf(data);
        List<NotificationRule> applicable = imported ? List.of() : rules.applicableFor(type, body);
        List<WebhookSubscription> subscribers = webhooks.enabledFor(type);
        if (applicable.isEmpty() && subscribers.isEmpty()) {
            return 0;
        }
        requireText(data, "suggestionId", eventId);
        int created = 0;
        for (WebhookSubscription subscriber : subscribers) {
            created += forwarding.forward(subscriber, source, eventId, type, time, data);
        }
        for (NotificationRule rule : applicable) {
            created += apply(rule, eventId, type, data, body);
        }
        return created;
    }

    private int apply(NotificationRule rule, String eventId, String type, JsonNode data, String body) {
        Notification.Origin origin = origin(eventId, type, data, body, text(data, "unitCode"));
        SuggestionRef ref = suggestions.findById(origin.suggestionId());
        Map<String, Object> base = objectMapper.convertValue(data, MAP);
        if (!base.containsKey("title") && ref != null) {
            base.put("title", ref.title);
        }
        if (!base.containsKey("number") && ref != null) {
            base.put("number", ref.number);
        }
        if (origin.caseId() != null) {
            // where the deputy reads the reply letter (and whatever else the portal shows of the case)
            base.put("replyLetterLink", letters.link(origin.caseId()));
        }
        Set<Channel> channels = channelsOf(rule);
        int created = 0;
        if (rule.audience.deputies()) {
            withContactPersons(base);
            for (String deputyId : deputiesOf(rule.audience, data, ref)) {
                // a deputy is (congress body, roster id): the contact of the same id in another body is never used
                DeputyContact contact = contacts.of(body, deputyId);
                String name = contact != null ? contact.name : deputyName(data, deputyId);
                Set<Channel> wanted = preferred(channels, contact == null ? null : contact.preferredChannels);
                for (Channel channel : wanted) {
                    Map<String, Object> vars = new LinkedHashMap<>(base);
                    vars.put("recipientName", name);
                    if (channel == Channel.INBOX) {
                        // the inbox is read in the app, where the reader is not the keeper of the units' staff roster
                        vars.put("units", maskedContacts(vars.get("units")));
                    }
                    String destination = contact == null ? null : channel == Channel.EMAIL ? contact.email : channel == Channel.SMS ? contact.mobile : null;
                    // the deputy's inbox is found by (congress body, roster id): the notice carries the body
                    Notification n = create(origin, rule, RecipientKind.DEPUTY, deputyId, name, channel, destination,
                            config.deputyLocale(), vars);
                    if (REPLIED.equals(type) && channel == Channel.EMAIL && rule.audience == Audience.LEAD_DEPUTY
                            && n.status == NotificationStatus.PENDING) {
                        // the letter itself goes to the lead deputy only, the addressee; others follow the link (workflow-service checks them)
                        n.replyLetter = truncate(text(data, "documentNumber"), 100);
                    }
                    created++;
                }
            }
        } else {
            for (JsonNode unit : unitsOf(type, data)) {
                String unitCode = text(unit, "unitCode");
                for (StaffRecipient person : staff.inUnitWithRole(unitCode, rule.audience.staffRole())) {
                    for (Channel channel : preferred(channels, person.preferredChannels)) {
                        Map<String, Object> vars = new LinkedHashMap<>(base);
                        vars.put("recipientName", person.name);
                        vars.put("unit", objectMapper.convertValue(unit, MAP));
                        String destination = channel == Channel.EMAIL ? person.email : channel == Channel.SMS ? person.mobile : null;
                        create(origin.inUnit(unitCode), rule, RecipientKind.STAFF, person.id.toString(), person.name, channel,
                                destination, person.locale, vars);
                        created++;
                    }
                }
            }
        }
        return created;
    }

    /** Deputies' notices name each unit's contact persons (its unit office staff), so the deputy knows whom to call. */
    @SuppressWarnings("unchecked")
    private void withContactPersons(Map<String, Object> vars) {
        if (!(vars.get("units") instanceof List<?> units)) {
            return;
        }
        List<Object> enriched = new ArrayList<>();
        for (Object u : units) {
            if (u instanceof Map<?, ?> unit && unit.get("unitCode") != null) {
                Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) unit);
                List<Map<String, Object>> persons = new ArrayList<>();
                for (StaffRecipient s : staff.inUnitWithRole(unit.get("unitCode").toString(), "unit-office")) {
                    Map<String, Object> person = new LinkedHashMap<>();
                    person.put("name", s.name);
                    person.put("mobile", s.mobile == null ? "" : s.mobile);
                    persons.add(person);
                }
                copy.put("contacts", persons);
                enriched.add(copy);
            } else {
                enriched.add(u);
            }
        }
        vars.put("units", enriched);
    }

    /** The unit contacts' mobiles masked (138****8000). */
    @SuppressWarnings("unchecked")
    private static Object maskedContacts(Object units) {
        if (!(units instanceof List<?> list)) {
            return units;
        }
        List<Object> masked = new ArrayList<>();
        for (Object u : list) {
            if (u instanceof Map<?, ?> unit && unit.get("contacts") instanceof List<?> persons) {
                Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) unit);
                List<Map<String, Object>> maskedPersons = new ArrayList<>();
                for (Object p : persons) {
                    Map<String, Object> person = new LinkedHashMap<>((Map<String, Object>) p);
                    Object mobile = person.get("mobile");
                    person.put("mobile", mobile == null || mobile.toString().isEmpty() ? "" : Masking.mobile(mobile.toString()));
                    maskedPersons.add(person);
                }
                copy.put("contacts", maskedPersons);
                masked.add(copy);
            } else {
                masked.add(u);
            }
        }
        return masked;
    }

    private Notification create(Notification.Origin origin, NotificationRule rule, RecipientKind kind, String recipientId,
            String recipientName, Channel channel, String destination, String locale, Map<String, Object> vars) {
        Instant now = clock.instant();
        Notification n = Notification.newNotice(origin, kind, recipientId, recipientName, channel, destination, rule.template, now);
        try {
            TemplateRenderer.Rendered text = renderer.render(rule.template, channel, locale, vars);
            n.subject = truncate(text.subject(), 500);
            n.body = truncate(text.body(), NotificationBodies.INBOX_MAX);
            if (channel == Channel.INBOX) {
                n.status = NotificationStatus.SENT;
                n.sentAt = now;
                n.nextAttemptAt = null;
            } else if (destination == null || destination.isBlank()) {
                fail(n, "收件人没有" + channel + "地址 / the recipient has no " + channel + " address");
            } else if (channel == Channel.SMS) {
                // SMS wait for the end of the quiet hours; the other channels go at once
                n.nextAttemptAt = quietHours.nextAllowed(now);
            }
        } catch (TemplateRenderer.RenderException e) {
            fail(n, e.getMessage());
            LOG.warnf("notice %s of event %s not rendered: %s", n.id, origin.eventId(), e.getMessage());
        }
        notifications.persist(n);
        outcomes.settled(n, now);
        return n;
    }

    private static void fail(Notification n, String reason) {
        n.status = NotificationStatus.FAILED;
        n.nextAttemptAt = null;
        n.failureReason = truncate(reason, 1000);
    }

    /** Someone who named preferred channels gets only those (the in-app inbox always). */
    private static Set<Channel> preferred(Set<Channel> channels, String preferredChannels) {
        if (preferredChannels == null || preferredChannels.isBlank()) {
            return channels;
        }
        Set<String> preferred = Set.of(preferredChannels.split(","));
        Set<Channel> result = EnumSet.noneOf(Channel.class);
        for (Channel c : channels) {
            if (c == Channel.INBOX || preferred.contains(c.name())) {
                result.add(c);
            }
        }
        return result;
    }

    private static Set<Channel> channelsOf(NotificationRule rule) {
        Set<Channel> result = EnumSet.noneOf(Channel.class);
        for (String c : rule.channels.split(",")) {
            result.add(Channel.valueOf(c.strip()));
        }
        return result;
    }

    private static Set<String> deputiesOf(Audience audience, JsonNode data, SuggestionRef ref) {
        Set<String> ids = new LinkedHashSet<>();
        if (audience == Audience.LEAD_DEPUTY) {
            String lead = text(data.path("leadDeputy"), "id");
            if (lead == null && ref != null) {
                lead = ref.leadDeputyId;
            }
            if (lead != null) {
                ids.add(lead);
            }
        } else if (data.has("coSigners")) {
            data.path("coSigners").forEach(c -> {
                if (text(c, "id") != null) {
                    ids.add(text(c, "id"));
                }
            });
        } else if (ref != null && ref.coSignerIds != null && !ref.coSignerIds.isBlank()) {
            ids.addAll(Arrays.asList(ref.coSignerIds.split(",")));
        }
        return ids;
    }

    private static String deputyName(JsonNode data, String deputyId) {
        if (deputyId.equals(text(data.path("leadDeputy"), "id")) && text(data.path("leadDeputy"), "name") != null) {
            return text(data.path("leadDeputy"), "name");
        }
        for (JsonNode c : data.path("coSigners")) {
            if (deputyId.equals(text(c, "id")) && text(c, "name") != null) {
                return text(c, "name");
            }
        }
        return deputyId;
    }

    /** The units a staff rule reaches: every assigned unit, the added ones of a reassignment, the case's unit. */
    private static List<JsonNode> unitsOf(String type, JsonNode data) {
        JsonNode list = "suggestion.reassigned.v1".equals(type) ? data.path("addedUnits") : data.path("units");
        List<JsonNode> units = new ArrayList<>();
        if (list.isArray()) {
            list.forEach(u -> {
                if (text(u, "unitCode") != null) {
                    units.add(u);
                }
            });
        } else if (text(data, "unitCode") != null) {
            units.add(data);
        }
        return units;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
