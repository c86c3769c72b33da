package gov.suggestions.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The dead-letter topics the services name in their application.properties, and how many records each holds: a record
 * there is an event a consumer gave up on, so a fault test expects none.
 */
public final class DeadLetters {

    private static final Pattern DLQ = Pattern.compile("^mp\\.messaging\\.incoming\\.[^.]+\\.dead-letter-queue\\.topic=(.+)$");

    private DeadLetters() {
    }

    /** Every dead-letter topic of the four services (read from their settings, so a new one is counted too). */
    public static List<String> topics(Path root) {
        try (Stream<Path> properties = Stream.of("suggestion-service", "workflow-service", "notification-service", "reporting-service")
                .map(s -> root.resolve(s).resolve("src/main/resources/application.properties"))) {
            return properties.flatMap(DeadLetters::lines).map(DLQ::matcher).filter(Matcher::matches).map(m -> m.group(1).trim())
                    .distinct().sorted().toList();
        }
    }

    /** Records per dead-letter topic (a topic not created yet holds none). */
    public static Map<String, Long> count(String bootstrapServers, List<String> topics) {
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        Map<String, Long> counts = new TreeMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings)) {
            Map<String, List<PartitionInfo>> existing = consumer.listTopics(Duration.ofSeconds(30));
            for (String topic : topics) {
                List<TopicPartition> partitions = existing.getOrDefault(topic, List.of()).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                long records = 0;
                if (!partitions.isEmpty()) {
                    Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, Duration.ofSeconds(30));
                    Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
                    for (TopicPartition partition : partitions) {
                        records += end.get(partition) - begin.get(partition);
                    }
                }
                counts.put(topic, records);
            }
        }
        return counts;
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
