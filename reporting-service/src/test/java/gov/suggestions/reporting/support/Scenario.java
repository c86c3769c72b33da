package gov.suggestions.reporting.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import gov.suggestions.reporting.repository.InboxEventRepository;
import gov.suggestions.reporting.support.EventFeed.CaseRef;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Builds a year of handling as the publishers would report it, and waits until all of it is read. */
public final class Scenario {

    private final EventFeed feed;
    private final String congressBody;
    private final List<String> eventIds = new ArrayList<>();
    private int sequence;

    public Scenario(EventFeed feed, String congressBody) {
        this.feed = feed;
        this.congressBody = congressBody;
    }

    /** Fresh codes per test run, so tests never see each other's data. */
    public static String code(String prefix) {
        return prefix + "-" + Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits()), 36).substring(0, 8);
    }

    public String congressBody() {
        return congressBody;
    }

    /** A submitted and assigned suggestion; returns the suggestion id and number. */
    public Suggestion suggestion(int year, String title, List<String> topics) {
        UUID id = UUID.randomUUID();
        String number = year + String.format("%04d", ++sequence);
        eventIds.add(feed.suggestion("suggestion.submitted.v1", id, Map.of("congressBody", congressBody, "number", number,
                "title", title, "year", year, "term", 6, "session", 8)));
        eventIds.add(feed.suggestion("suggestion.assigned.v1", id, Map.of("congressBody", congressBody, "number", number,
                "title", title, "year", year, "topics", topics, "assignedOn", year + "-05-20", "units", List.of())));
        return new Suggestion(id, number, title, year);
    }

    /** A submitted and assigned suggestion with the given number (as the seed's 第20200041号). */
    public Suggestion suggestion(int year, String number, String title, List<String> topics) {
        UUID id = UUID.randomUUID();
        eventIds.add(feed.suggestion("suggestion.submitted.v1", id, Map.of("congressBody", congressBody, "number", number,
                "title", title, "year", year, "term", 6, "session", 8)));
        eventIds.add(feed.suggestion("suggestion.assigned.v1", id, Map.of("congressBody", congressBody, "number", number,
                "title", title, "year", year, "topics", topics, "assignedOn", year + "-05-20", "units", List.of())));
        return new Suggestion(id, number, title, year);
    }

    public CaseRef open(Suggestion s, String unitCode, String unitName, String role, LocalDate due) {
        CaseRef ref = new CaseRef(UUID.randomUUID(), s.id(), congressBody, s.number(), unitCode, role);
        eventIds.add(feed.caseEvent("case.opened.v1", ref, Map.of("state", "ASSIGNED", "title", s.title(), "unitName", unitName,
                "assignedOn", s.year() + "-05-20", "dueOn", due.toString())));
        return ref;
    }

    public void distribute(CaseRef ref, String leadHandler) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("state", "DISTRIBUTED");
        fields.put("leadHandler", leadHandler);
        eventIds.add(feed.caseEvent("case.distributed.v1", ref, fields));
    }

    /** Distribution naming the lead handler (null: none) and the undertaking department. */
    public void distribute(CaseRef ref, String leadHandler, String department) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("state", "DISTRIBUTED");
        fields.put("leadHandler", leadHandler);
        fields.put("undertakingDepartment", department);
        eventIds.add(feed.caseEvent("case.distributed.v1", ref, fields));
    }

    /** One communication shared by several cases (a symposium): each case gets its event, all with the same communicationId. */
    public void communicateShared(List<CaseRef> refs, String kind, String at) {
        String communicationId = UUID.randomUUID().toString();
        for (CaseRef ref : refs) {
            eventIds.add(feed.caseEvent("case.communication-recorded.v1", ref, Map.of("state", "COMMUNICATING", "kind", kind,
                    "communicatedAt", at, "occurredAt", at, "communicationId", communicationId, "sharedCaseCount", refs.size())));
        }
    }

    /** A reply with the measures it commits to; null sends it as an older event without the commitments field. */
    public void reply(CaseRef ref, String category, LocalDate issuedOn, LocalDate dueOn, List<String> measures) {
        Map<String, Object> fields = new HashMap<>(Map.of("state", "REPLIED", "category", category,
                "issuedOn", issuedOn.toString(), "occurredAt", issuedOn + "T02:00:00Z", "dueOn", dueOn.toString(),
                "onTime", !issuedOn.isAfter(dueOn), "round", 1));
        fields.put("commitments", measures == null ? null
                : measures.stream().map(m -> Map.of("measure", m, "owner", "数据资源处", "targetDate", "2020-12-31")).toList());
        fields.put("commitmentCount", measures == null ? 0 : measures.size());
        eventIds.add(feed.caseEvent("case.replied.v1", ref, fields));
    }

    public void communicate(CaseRef ref, String kind, String at) {
        eventIds.add(feed.caseEvent("case.communication-recorded.v1", ref, Map.of("state", "COMMUNICATING", "kind", kind,
                "communicatedAt", at, "occurredAt", at, "communicationId", UUID.randomUUID().toString(), "sharedCaseCount", 1)));
    }

    public void returnDraft(CaseRef ref) {
        eventIds.add(feed.caseEvent("case.review-decided.v1", ref, Map.of("state", "DRAFTING", "decision", "RETURN")));
    }

    public void reply(CaseRef ref, String category, LocalDate issuedOn, LocalDate dueOn, int round) {
        eventIds.add(feed.caseEvent("case.replied.v1", ref, Map.of("state", "REPLIED", "category", category,
                "issuedOn", issuedOn.toString(), "occurredAt", issuedOn + "T02:00:00Z", "dueOn", dueOn.toString(),
                "onTime", !issuedOn.isAfter(dueOn), "round", round)));
    }

    public void evaluate(CaseRef ref, String result) {
        eventIds.add(feed.caseEvent("case.evaluated.v1", ref, Map.of("state", "EVALUATED", "result", result)));
    }

    public void rehandle(CaseRef ref, LocalDate dueOn) {
        eventIds.add(feed.caseEvent("case.rehandling-started.v1", ref, Map.of("state", "REHANDLING", "round", 2, "dueOn", dueOn.toString())));
    }

    public void sendOpinion(CaseRef ref, LocalDate sentOn, LocalDate dueOn) {
        eventIds.add(feed.caseEvent("case.opinion-sent.v1", ref, Map.of("state", "OPINION_SENT", "sentOn", sentOn.toString(),
                "dueOn", dueOn.toString(), "onTime", !sentOn.isAfter(dueOn))));
    }

    /** Waits until every event sent so far has been applied. */
    public void awaitRead(InboxEventRepository inbox) {
        List<String> ids = List.copyOf(eventIds);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> inbox.count("key.eventId in ?1", ids)) == ids.size());
    }

    public record Suggestion(UUID id, String number, String title, int year) {
    }
}
