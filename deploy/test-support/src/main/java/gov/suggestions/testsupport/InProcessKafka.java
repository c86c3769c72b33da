package gov.suggestions.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) inside the test JVM.
 * It can be stopped and started again on the same port and log directory, which is how tests
 * simulate a broker outage: topics, committed offsets and the cluster id survive the restart.
 */
public final class InProcessKafka implements AutoCloseable {

    private final Properties properties;
    private final int port;
    private KafkaRaftServer server;

    private InProcessKafka(Properties properties, int port) {
        this.properties = properties;
        this.port = port;
    }

    public static InProcessKafka start() {
        try {
            int[] ports = freePorts();
            return start(ports[0], ports[1], Files.createTempDirectory("kafka-test-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A broker on the given ports and log directory. A directory a broker used before is not formatted again,
     * so a broker process killed with -9 comes back with its topics, committed offsets and cluster id.
     */
    public static InProcessKafka start(int brokerPort, int controllerPort, Path logDir) {
        try {
            Files.createDirectories(logDir);
            Properties props = new Properties();
            props.put("process.roles", "broker,controller");
            props.put("node.id", "1");
            props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
            props.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
            props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
            props.put("controller.listener.names", "CONTROLLER");
            props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            props.put("inter.broker.listener.name", "PLAINTEXT");
            props.put("log.dirs", logDir.toString());
            props.put("num.partitions", "1");
            props.put("auto.create.topics.enable", "true");
            props.put("offsets.topic.replication.factor", "1");
            props.put("offsets.topic.num.partitions", "1");
            props.put("transaction.state.log.replication.factor", "1");
            props.put("transaction.state.log.min.isr", "1");
            props.put("share.coordinator.state.topic.replication.factor", "1");
            props.put("share.coordinator.state.topic.min.isr", "1");
            props.put("group.initial.rebalance.delay.ms", "0");
            props.put("broker.session.timeout.ms", "3000");
            props.put("broker.heartbeat.interval.ms", "500");

            Path config = logDir.resolveSibling(logDir.getFileName() + ".properties");
            try (var out = Files.newOutputStream(config)) {
                props.store(out, "in-process test broker");
            }
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                String clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();
                StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", config.toString()}, System.out);
            }

            InProcessKafka kafka = new InProcessKafka(props, brokerPort);
            kafka.startServer();
            return kafka;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Stops the broker, keeping its data; {@link #restart()} brings it back on the same port. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    /** A stopped KafkaRaftServer cannot start again: a new one is built from the same settings. */
    public synchronized void restart() {
        if (server == null) {
            startServer();
        }
    }

    private synchronized void startServer() {
        KafkaRaftServer created = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
        created.startup();
        server = created;
    }

    @Override
    public void close() {
        stop();
    }

    /** Two distinct free ports: both sockets are held open while the second is picked, so the system cannot hand out one twice. */
    private static int[] freePorts() throws IOException {
        try (ServerSocket broker = new ServerSocket(0); ServerSocket controller = new ServerSocket(0)) {
            broker.setReuseAddress(true);
            controller.setReuseAddress(true);
            return new int[] { broker.getLocalPort(), controller.getLocalPort() };
        }
    }
}
