package gov.suggestions.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts one real in-process broker for a service's {@code @QuarkusTest}s and points the
 * service at it. Tests that need to simulate an outage get the broker injected into a field
 * annotated with {@link InjectKafkaBroker}.
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    private InProcessKafka kafka;

    @Override
    public Map<String, String> start() {
        kafka = InProcessKafka.start();
        return Map.of("kafka.bootstrap.servers", kafka.bootstrapServers());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(kafka,
                new TestInjector.AnnotatedAndMatchesType(InjectKafkaBroker.class, InProcessKafka.class));
    }

    @Override
    public void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }
}
