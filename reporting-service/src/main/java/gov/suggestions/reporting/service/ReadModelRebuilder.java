package gov.suggestions.reporting.service;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import gov.suggestions.reporting.config.RebuildConfig;
import gov.suggestions.reporting.domain.InboxEvent;
import gov.suggestions.reporting.domain.ReadModelRebuild;
import gov.suggestions.reporting.domain.ReportCase;
import gov.suggestions.reporting.domain.ReportNotice;
import gov.suggestions.reporting.domain.ReportSuggestion;
import gov.suggestions.reporting.event.CaseEventV1;
import gov.suggestions.reporting.event.EventConsumers;
import gov.suggestions.reporting.event.NotificationConsumer;
import gov.suggestions.reporting.event.NotificationEventV1;
import gov.suggestions.reporting.event.SuggestionEventV1;
import gov.suggestions.reporting.event.UnprocessableEventException;
import gov.suggestions.reporting.repository.BatchRows;
import gov.suggestions.reporting.repository.InboxEventRepository;
import gov.suggestions.reporting.repository.ReadModelRebuildRepository;
import gov.suggestions.reporting.repository.ReadModelTables;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;

/**
 * Rebuilds the read model from scratch while the service keeps running: empty copies of the read-model tables
 * are made in a separate schema and filled by replaying every consumed topic from its beginning with a consumer
 * of its own (no group, nothing committed), through the same consumers and projection as live events. Once it
 * has caught up, the live tables are locked (queries and the live consumers wait a moment), the last events are
 * replayed, and the fresh tables replace the live ones in one transaction. The live consumers then go on from
 * their own offsets; what they deliver again is already in the fresh inbox and changes nothing.
 */
@ApplicationScoped
public class ReadModelRebuilder {

    private static final Logger LOG = Logger.getLogger(ReadModelRebuilder.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration HEARTBEAT = Duration.ofSeconds(1);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final ReadModelRebuildRepository jobs;
    private final ReadModelTables tables;
    private final InboxEventRepository inbox;
    private final RebuildConfig config;
    private final Clock clock;
    private final Map<String, Object> kafka;
    /** Per topic: how a record's data is read (null when it cannot be), and how the record is applied with it. */
    private final Map<String, Function<String, Object>> parsers = new LinkedHashMap<>();
    private final Map<String, Handler> handlers = new LinkedHashMap<>();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "read-model-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private final EntityManager em;
    private final SummaryProjection summary;
    private volatile boolean stopping;

    public ReadModelRebuilder(ReadModelRebuildRepository jobs, ReadModelTables tables, InboxEventRepository inbox, RebuildConfig config,
            Clock clock, EventConsumers consumers, EntityManager em, @Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "mp.messaging.incoming.suggestion-events.topic") String suggestionsTopic,
            @ConfigProperty(name = "mp.messaging.incoming.case-events.topic") String casesTopic,
            NotificationConsumer notificationConsumer,
            @ConfigProperty(name = "mp.messaging.incoming.notification-events.topic") String notificationsTopic, SummaryProjection summary) {
        this.jobs = jobs;
        this.tables = tables;
        this.inbox = inbox;
        this.config = config;
        this.clock = clock;
        this.kafka = kafka;
        this.em = em;
        // every topic the live consumers read, with the same handling
        parsers.put(suggestionsTopic, consumers::suggestionEvent);
        parsers.put(casesTopic, consumers::caseEvent);
        parsers.put(notificationsTopic, notificationConsumer::notificationEvent);
        handlers.put(suggestionsTopic, (cloudEvent, data, event) -> consumers.suggestions(cloudEvent, data, (SuggestionEventV1) event));
        handlers.put(casesTopic, (cloudEvent, data, event) -> consumers.cases(cloudEvent, data, (CaseEventV1) event));
        handlers.put(notificationsTopic,
                (cloudEvent, data, event) -> notificationConsumer.notifications(cloudEvent, data, (NotificationEventV1) event));
        this.summary = summary;
    }

    /** Starts a rebuild unless one runs already; the job then runs on its own thread. */
    public ReadModelRebuild start(String requestedBy) {
        ReadModelRebuild job;
        try {
            job = QuarkusTransaction.requiringNew().call(() -> {
                Instant now = clock.instant();
                jobs.failAbandoned(now.minus(config.abandonedAfter()), now);
                Optional<ReadModelRebuild> running = jobs.running();
                if (running.isPresent()) {
                    throw new RebuildRunningException(running.get().id);
                }
                ReadModelRebuild created = new ReadModelRebuild();
                created.id = UUID.randomUUID();
                created.state = ReadModelRebuild.State.RUNNING;
                created.requestedBy = requestedBy;
                created.requestedAt = now;
                created.heartbeatAt = now;
                jobs.persist(created);
                jobs.flush();
                return created;
            });
        } catch (PersistenceException e) {
            // another replica started one at the same moment (unique index on the running job)
            throw new RebuildRunningException(QuarkusTransaction.requiringNew().call(() -> jobs.running().map(j -> j.id).orElse(null)));
        }
        UUID id = job.id;
        runner.submit(() -> run(id));
        return job;
    }

    public Optional<ReadModelRebuild> find(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> jobs.findByIdOptional(id));
    }

    @PreDestroy
    void stop() {
        stopping = true;
        runner.shutdownNow();
    }

    private void run(UUID id) {
        String live = QuarkusTransaction.requiringNew().call(tables::liveSchema);
        String fresh = config.schema();
        Progress progress = new Progress(id);
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<String> names = QuarkusTransaction.requiringNew().call(() -> tables.createEmptyCopies(live, fresh));
            List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
            progress.toRead = end.entrySet().stream().mapToLong(e -> e.getValue() - beginning.get(e.getKey())).sum();
            progress.written = new InboxEventRepository.Written(progress.toRead);
            LOG.infof("rebuild %s: replaying %d events of %s into schema %s (tables %s)", id, progress.toRead, handlers.keySet(), fresh, names);
            replayUntil(consumer, end, fresh, progress);
            // catch up with what arrived meanwhile, until little is left for the moment the live tables are locked
            for (int round = 0; round < 5 && behind(consumer, consumer.endOffsets(partitions)) >= config.switchWhenBehindBelow(); round++) {
                replayUntil(consumer, consumer.endOffsets(partitions), fresh, progress);
            }
            progress.save(ReadModelRebuild.State.SWITCHING, null);
            QuarkusTransaction.requiringNew().timeout(120).run(() -> {
                tables.lockLive(live, names);
                // nothing is applied to the live tables from here on: every event consumed so far is below these offsets
                replayUntil(consumer, consumer.endOffsets(partitions), fresh, progress);
                tables.swap(live, fresh, names);
            });
            progress.save(ReadModelRebuild.State.SUCCEEDED, null);
            LOG.infof("rebuild %s: done, %d events read, %d skipped; %d transactions taking %d ms (%d ms of it on this thread's CPU), "
                    + "%d ms waiting for the broker", id, progress.read, progress.skipped, progress.batches,
                    progress.applyNanos / 1_000_000, progress.applyCpuNanos / 1_000_000, progress.pollNanos / 1_000_000);
        } catch (Exception e) {
            LOG.errorf(e, "rebuild %s failed", id);
            try {
                QuarkusTransaction.requiringNew().run(() -> tables.drop(fresh));
            } catch (RuntimeException dropFailed) {
                LOG.warnf(dropFailed, "rebuild %s: schema %s left behind", id, fresh);
            }
            String reason = stopping ? "the service stopped" : e.getClass().getSimpleName() + ": " + e.getMessage();
            progress.save(ReadModelRebuild.State.FAILED, reason.length() > 1000 ? reason.substring(0, 1000) : reason);
        }
    }

    private void replayUntil(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end, String fresh, Progress progress) {
        while (behind(consumer, end) > 0) {
            if (stopping || Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("stopped");
            }
            long polled = System.nanoTime();
            ConsumerRecords<String, String> records = consumer.poll(POLL);
            long applying = System.nanoTime();
            progress.pollNanos += applying - polled;
            if (!records.isEmpty()) {
                long cpu = THREADS.getCurrentThreadCpuTime();
                apply(records, fresh, progress);
                progress.batches++;
                progress.applyNanos += System.nanoTime() - applying;
                progress.applyCpuNanos += THREADS.getCurrentThreadCpuTime() - cpu;
            }
            progress.heartbeat();
        }
    }

    /**
     * One transaction per poll: the inbox answered in one query, the rows the poll touches loaded in one query per
     * table and kept in the persistence context, the inbox and summary rows written in one statement each and the
     * entities in JDBC batches (multi-row inserts) at commit: a handful of statements per poll, not per event.
     */
    private void apply(ConsumerRecords<String, String> records, String fresh, Progress progress) {
        List<InboxEvent.Key> keys = new ArrayList<>(records.count());
        // each record's data is read once: for the ids to preload and for its consumer
        List<ConsumerRecord<String, String>> batch = new ArrayList<>(records.count());
        List<IncomingCloudEventMetadata<String>> cloudEvents = new ArrayList<>(records.count());
        List<Object> events = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            batch.add(record);
            IncomingCloudEventMetadata<String> cloudEvent = EventConsumers.cloudEvent(record);
            cloudEvents.add(cloudEvent);
            events.add(parsers.get(record.topic()).apply(record.value()));
            if (cloudEvent != null) {
                keys.add(new InboxEvent.Key(cloudEvent.getSource().toString(), cloudEvent.getId()));
            }
        }
        long[] skipped = { 0 };
        QuarkusTransaction.requiringNew().run(() -> {
            tables.useOnly(fresh);
            // the rows the batch touches are loaded in one query per table; new ones are created without a lookup and persisted at the end
            Set<BatchRows.Key> missing = preload(batch, events);
            // nothing is written before the end (a statement in between would flush the persistence context)
            inbox.inBatch(keys, progress.written, () -> summary.inBatch(() -> BatchRows.during(missing, em, () -> {
                for (int i = 0; i < batch.size(); i++) {
                    ConsumerRecord<String, String> record = batch.get(i);
                    try {
                        handlers.get(record.topic()).apply(cloudEvents.get(i), record.value(), events.get(i));
                    } catch (UnprocessableEventException e) {
                        skipped[0]++; // the live consumer sent it to the dead-letter topic already
                    }
                }
            })));
        });
        progress.read += records.count();
        progress.skipped += skipped[0];
    }

    private Set<BatchRows.Key> preload(List<ConsumerRecord<String, String>> records, List<Object> events) {
        Set<UUID> suggestionIds = new HashSet<>();
        Set<UUID> caseIds = new HashSet<>();
        Set<UUID> noticeIds = new HashSet<>();
        for (Object event : events) {
            if (event instanceof SuggestionEventV1 e && e.suggestionId() != null) {
                suggestionIds.add(e.suggestionId());
            } else if (event instanceof CaseEventV1 e && e.caseId() != null) {
                caseIds.add(e.caseId());
            } else if (event instanceof NotificationEventV1 e && e.subjectId() != null) {
                noticeIds.add(e.subjectId());
            }
        }
        Set<BatchRows.Key> missing = new HashSet<>();
        missing.addAll(absent(ReportSuggestion.class, suggestionIds));
        missing.addAll(absent(ReportCase.class, caseIds));
        missing.addAll(absent(ReportNotice.class, noticeIds));
        return missing;
    }

    private <T> Set<BatchRows.Key> absent(Class<T> entity, Set<UUID> ids) {
        Set<UUID> absent = new HashSet<>(ids);
        if (!ids.isEmpty()) {
            List<T> found = em.unwrap(Session.class).byMultipleIds(entity).multiLoad(new ArrayList<>(ids));
            for (T row : found) {
                if (row != null) {
                    absent.remove(em.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(row));
                }
            }
        }
        Set<BatchRows.Key> keys = new HashSet<>();
        absent.forEach(id -> keys.add(new BatchRows.Key(entity, id)));
        return keys;
    }

    private static long behind(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        long behind = 0;
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            behind += Math.max(0, e.getValue() - consumer.position(e.getKey()));
        }
        return behind;
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, String> consumer) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : handlers.keySet()) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic);
            if (infos != null) {
                infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
        }
        return partitions;
    }

    private KafkaConsumer<String, String> consumer() {
        Map<String, Object> properties = new HashMap<>(kafka);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG); // assigned partitions, nothing committed: the live group is left alone
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.batchSize());
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "reporting-service-rebuild");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(properties);
    }

    /** How the live consumer applies an event of a topic, with its data read already (null when it could not be). */
    private interface Handler {
        void apply(IncomingCloudEventMetadata<String> cloudEvent, String data, Object event);
    }

    /** The job's counters, written to its row at most once a second and at each change of state. */
    private final class Progress {
        final UUID id;
        long toRead;
        long read;
        long skipped;
        long batches;
        long applyNanos;
        long applyCpuNanos;
        long pollNanos;
        /** The keys written to the fresh inbox (only this rebuild writes it). */
        InboxEventRepository.Written written;
        Instant saved = Instant.EPOCH;

        Progress(UUID id) {
            this.id = id;
        }

        void heartbeat() {
            if (Duration.between(saved, clock.instant()).compareTo(HEARTBEAT) >= 0) {
                save(null, null);
            }
        }

        void save(ReadModelRebuild.State state, String error) {
            QuarkusTransaction.requiringNew().run(() -> {
                ReadModelRebuild job = jobs.findById(id);
                job.eventsToRead = toRead;
                job.eventsRead = read;
                job.eventsSkipped = skipped;
                job.heartbeatAt = clock.instant();
                if (state != null) {
                    job.state = state;
                    if (state == ReadModelRebuild.State.SUCCEEDED || state == ReadModelRebuild.State.FAILED) {
                        job.finishedAt = clock.instant();
                        job.error = error;
                    }
                }
            });
            saved = clock.instant();
        }
    }
}
