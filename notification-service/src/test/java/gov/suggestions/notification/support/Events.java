package gov.suggestions.notification.support;

import java.time.Duration;
import java.util.UUID;

import gov.suggestions.testsupport.CloudEventProducer;
import gov.suggestions.testsupport.ConsumerGroups;

/** Event data shaped as the publishing services send it (README, "Events"), with a field from the future to prove the readers tolerant. */
public final class Events {

    private Events() {
    }

    /**
     * A producer for the service's topics, once its consumers hold their partitions: right after the app starts
     * they may not have joined their group yet, and an event sent then waits for the join.
     */
    public static CloudEventProducer producer(String bootstrapServers) {
        ConsumerGroups.awaitAssigned(bootstrapServers, "notification-service", Duration.ofSeconds(90), "suggestions", "cases");
        return new CloudEventProducer(bootstrapServers);
    }

    public static String fresh() {
        return UUID.randomUUID().toString();
    }

    /** A unit code unique to one test: [a-z0-9][a-z0-9-]{1,39}. */
    public static String unit() {
        return "u-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String deputy() {
        return "D-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String contact(String deputyId, String name, String mobile, String email, String... preferred) {
        String channels = preferred.length == 0 ? "[]" : "[\"" + String.join("\",\"", preferred) + "\"]";
        return """
                {"deputyId":"%s","congressBody":"shenzhen-npc","name":"%s","delegation":"福田代表团",
                 "mobile":%s,"email":%s,"preferredChannels":%s,"futureField":1}"""
                .formatted(deputyId, name, mobile == null ? "null" : "\"" + mobile + "\"", email == null ? "null" : "\"" + email + "\"",
                        channels);
    }

    public static String assigned(String suggestionId, String number, String leadDeputyId, String leadUnit, String jointUnit) {
        return """
                {"suggestionId":"%s","congressBody":"shenzhen-npc","number":"%s","kind":"SUGGESTION",
                 "title":"关于加快推进政务数据共享的建议","year":2020,"supervisionLevel":"ORDINARY","priority":"ORDINARY",
                 "topics":["数字政府"],"leadDeputy":{"id":"%s","name":"王某某","delegation":"福田代表团"},
                 "coSigners":[{"id":"D-0200","name":"李某某","delegation":"南山代表团"}],"assignedOn":"2020-05-20",
                 "units":[{"unitCode":"%s","unitName":"深圳市政务服务数据管理局","role":"LEAD","replyDue":"2020-08-20","jointOpinionDue":null},
                          {"unitCode":"%s","unitName":"深圳市发展和改革委员会","role":"JOINT","replyDue":null,"jointOpinionDue":"2020-06-20"}],
                 "aFieldFromTheFuture":{"ignored":true}}""".formatted(suggestionId, number, leadDeputyId, leadUnit, jointUnit);
    }

    /** The same data as a step replayed from the unit's previous platform publishes it: {@code "imported": true} at the top. */
    public static String imported(String data) {
        return data.replaceFirst("\\{", "{\"imported\":true,");
    }

    public static String caseEvent(String caseId, String suggestionId, String number, String unitCode, String state) {
        return """
                {"caseId":"%s","suggestionId":"%s","congressBody":"shenzhen-npc","number":"%s","unitCode":"%s","role":"LEAD",
                 "state":"%s","occurredAt":"2020-05-21T02:00:00Z","actor":"system","extra":"ignored"}"""
                .formatted(caseId, suggestionId, number, unitCode, state);
    }
}
