package gov.suggestions.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes a record the way a publishing service does (CloudEvents 1.0 binary mode), or a broken one,
 * so a consumer's tests can deliver duplicates and poison messages through the real broker.
 */
public final class CloudEventProducer implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    public CloudEventProducer(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    public void send(String topic, String key, String id, String source, String type, String json) {
        send(topic, key, id, source, type, json, java.util.Map.of());
    }

    /** As above, with more headers (e.g. a publisher's {@code traceparent}). */
    public void send(String topic, String key, String id, String source, String type, String json, java.util.Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json);
        headers.forEach((name, value) -> record.headers().add(name, bytes(value)));
        if (id != null) {
            record.headers().add("ce_specversion", bytes("1.0"));
            record.headers().add("ce_id", bytes(id));
            record.headers().add("ce_source", bytes(source));
            record.headers().add("ce_type", bytes(type));
            record.headers().add("ce_subject", bytes(key));
            record.headers().add("ce_time", bytes(Instant.now().toString()));
            record.headers().add("content-type", bytes("application/json"));
        }
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("broker refused the record", e.getCause());
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close();
    }
}
