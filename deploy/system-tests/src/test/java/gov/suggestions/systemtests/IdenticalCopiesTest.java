package gov.suggestions.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The services share no production code (each deploys alone), so a piece of the common contract is copied into each;
 * the copies listed here must stay identical but for their package, or the four APIs drift apart. Every other class
 * that two services name alike must be listed with the reason it differs, so no copy escapes this check.
 */
class IdenticalCopiesTest {

    private static final List<String> ALL = List.of("suggestion", "workflow", "notification", "reporting");
    /** The services that publish events through an outbox (reporting only reads). */
    private static final List<String> PUBLISHERS = List.of("suggestion", "workflow", "notification");
    /** The services that keep an inbox table for the events they consume. */
    private static final List<String> INBOX = List.of("workflow", "notification", "reporting");
    /** The services whose creating POSTs honour Idempotency-Key. */
    private static final List<String> IDEMPOTENT_CREATES = List.of("suggestion", "workflow");

    /** Each copy's path under {@code src/main/java/gov/suggestions/<service>/}, and the services that hold it. */
    private static final Map<String, List<String>> COPIES = new LinkedHashMap<>();

    static {
        for (String copy : List.of("rest/IfMatch.java", "service/PreconditionFailedException.java", "domain/InvalidFieldException.java", "domain/Text.java", "service/NotFoundException.java",
                "rest/Problem.java", "rest/ProblemType.java", "rest/Problems.java", "rest/HttpLayerProblems.java", "rest/StrictJson.java",
                "rest/ContractFilter.java", "rest/TokenVerification.java", "rest/RequestGuard.java", "rest/CallerRateLimit.java",
                "event/DeadLetterUnlessStopping.java", "event/DatabaseOutage.java", "event/EventBatches.java", "event/UnprocessableEventException.java",
                "config/RateLimitConfig.java", "config/HttpLimits.java", "config/TracePrivacy.java")) {
            COPIES.put(copy, ALL);
        }
        for (String copy : List.of("event/OutboxRelay.java", "domain/OutboxEvent.java", "event/OutboxAppended.java",
                "event/OutboxSignals.java", "event/EventTrace.java", "rest/AsyncApiEndpoint.java")) {
            COPIES.put(copy, PUBLISHERS);
        }
        COPIES.put("domain/InboxEvent.java", INBOX);
        for (String copy : List.of("rest/IdempotentCreate.java", "rest/IdempotencyInterceptor.java", "service/Idempotency.java",
                "domain/IdempotencyRecord.java", "repository/IdempotencyRecordRepository.java", "config/IdempotencyConfig.java")) {
            COPIES.put(copy, IDEMPOTENT_CREATES);
        }
    }

    /** Test classes that state a rule of the suite the same way in each service, under {@code src/test/java/gov/suggestions/<service>/}. */
    private static final List<String> TEST_COPIES = List.of("LayeringTest.java", "event/DatabaseOutageTest.java");

    /** Classes two or more services name alike on purpose, each with what makes it differ. */
    private static final Map<String, String> DIFFERENT_ON_PURPOSE = Map.ofEntries(
            Map.entry("rest/ProblemMappers.java", "each service's own exceptions; the shared answers are in rest/Problems"),
            Map.entry("rest/IdempotentTargets.java", "what a create acts on, checked before a replay as a first request checks it"),
            Map.entry("rest/ProblemExamples.java", "example bodies of the service's own operations in its OpenAPI document"),
            Map.entry("rest/CallerFactory.java", "each service's token claims and the scope its roles need"),
            Map.entry("service/Caller.java", "the caller's scope as the service's own queries need it"),
            Map.entry("service/ConflictException.java", "suggestion and notification name a field, reporting a specific problem type"),
            Map.entry("service/ScopeMissingException.java", "the claims each service's roles need"),
            Map.entry("service/Limits.java", "each service's own documented bounds"),
            Map.entry("domain/Limits.java", "each service's own documented bounds"),
            Map.entry("service/Page.java", "the paged answer of each service's own lists"),
            Map.entry("service/IdempotencyKeyReusedException.java", "the text names what the key created in that service"),
            Map.entry("repository/InboxEventRepository.java", "suggestion has no inbox entity (one insert), reporting adds the rebuild's batch"),
            Map.entry("repository/OutboxEventRepository.java", "each outbox's own queries (suggestion's partitions by aggregate)"),
            Map.entry("event/Outbox.java", "the events each service writes"),
            Map.entry("event/OutboxPublisher.java", "each service's topics and CloudEvents source"),
            Map.entry("config/OutboxConfig.java", "each service's topics"),
            Map.entry("config/ClockProducer.java", "notification adds the SMS quiet hours; the comments say what each uses now for"),
            Map.entry("event/CaseEventConsumer.java", "what each consumer does with a case event"),
            Map.entry("event/SuggestionEventConsumer.java", "what each consumer does with a suggestion event"),
            Map.entry("event/CaseEventV1.java", "each consumer reads the fields it needs"),
            Map.entry("event/SuggestionAssignedV1.java", "the producer's record and a consumer's reading of it"),
            Map.entry("event/SuggestionSubmittedV1.java", "the producer's record and a consumer's reading of it"));

    private static Path root() {
        return Path.of(System.getProperty("suite.root", "../..")).toAbsolutePath().normalize();
    }

    private static Path sources(String service) {
        return root().resolve(service + "-service/src/main/java/gov/suggestions/" + service);
    }

    private static Path testSources(String service) {
        return root().resolve(service + "-service/src/test/java/gov/suggestions/" + service);
    }

    private static String withoutPackage(Path file, String service) throws IOException {
        return Files.readString(file).replace("gov.suggestions." + service + ".", "gov.suggestions.<service>.")
                .replace("package gov.suggestions." + service + ";", "package gov.suggestions.<service>;");
    }

    @Test
    void theCopiesOfTheCommonContractAreTheSameInEveryService() throws IOException {
        for (Map.Entry<String, List<String>> copy : COPIES.entrySet()) {
            Map<String, String> texts = new LinkedHashMap<>();
            for (String service : copy.getValue()) {
                texts.put(service, withoutPackage(sources(service).resolve(copy.getKey()), service));
            }
            String firstService = copy.getValue().get(0);
            texts.forEach((service, text) -> assertEquals(texts.get(firstService), text,
                    copy.getKey() + " of " + service + "-service differs from " + firstService + "-service's"));
        }
    }

    @Test
    void theTestsThatStateASuiteRuleAreTheSameInEveryService() throws IOException {
        for (String copy : TEST_COPIES) {
            String first = withoutPackage(testSources(ALL.get(0)).resolve(copy), ALL.get(0));
            for (String service : ALL) {
                assertEquals(first, withoutPackage(testSources(service).resolve(copy), service),
                        "test " + copy + " of " + service + "-service differs from " + ALL.get(0) + "-service's");
            }
        }
    }

    @Test
    void everyClassTwoServicesNameAlikeIsACheckedCopyOrSaysWhyItDiffers() throws IOException {
        Map<String, List<String>> holders = new TreeMap<>();
        for (String service : ALL) {
            Path base = sources(service);
            try (Stream<Path> files = Files.walk(base)) {
                files.filter(f -> f.toString().endsWith(".java"))
                        .forEach(f -> holders.computeIfAbsent(base.relativize(f).toString().replace('\\', '/'), k -> new ArrayList<>()).add(service));
            }
        }
        List<String> unexplained = new ArrayList<>();
        holders.forEach((path, services) -> {
            if (services.size() > 1 && !COPIES.containsKey(path) && !DIFFERENT_ON_PURPOSE.containsKey(path)) {
                unexplained.add(path + " " + services);
            }
        });
        assertTrue(unexplained.isEmpty(), "classes in several services, neither checked copies nor explained: " + unexplained);
        COPIES.forEach((path, services) -> assertEquals(services, holders.getOrDefault(path, List.of()),
                path + " is listed as a copy in " + services));
    }
}
