package gov.suggestions.systemtests.faults;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import gov.suggestions.testsupport.InProcessKafka;

/**
 * The Kafka broker ({@link InProcessKafka}) in a JVM of its own, so that it can be killed with -9 like a crashed
 * broker machine and started again on the same ports and log directory (topics, offsets and cluster id survive).
 */
final class BrokerProcess implements AutoCloseable {

    private final int brokerPort;
    private final int controllerPort;
    private final Path logDir;
    private final Path log;
    private Process process;

    private BrokerProcess(int brokerPort, int controllerPort, Path logDir, Path log) {
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
        this.logDir = logDir;
        this.log = log;
    }

    /** The broker's own process: {@code BrokerProcess <broker port> <controller port> <log dir>}. */
    public static void main(String[] args) throws InterruptedException {
        InProcessKafka.start(Integer.parseInt(args[0]), Integer.parseInt(args[1]), Path.of(args[2]));
        System.out.println("broker started");
        Thread.currentThread().join();
    }

    static BrokerProcess start(Path workDir) throws IOException {
        Files.createDirectories(workDir);
        Path logDir = workDir.resolve("kafka-data");
        if (Files.exists(logDir)) {
            try (var files = Files.walk(logDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        BrokerProcess broker = new BrokerProcess(freePort(), freePort(), logDir, workDir.resolve("kafka.log"));
        broker.launch();
        return broker;
    }

    private void launch() throws IOException {
        process = new ProcessBuilder("java", "-Xmx512m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), BrokerProcess.class.getName(),
                Integer.toString(brokerPort), Integer.toString(controllerPort), logDir.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    /** kill -9: the broker gets no chance to flush or to hand over anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    void restart() throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException("the broker is still running");
        }
        launch();
    }

    /** Waits until the broker's listener accepts connections. */
    void awaitListening(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the broker exited with " + process.exitValue() + "; see " + log);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", brokerPort), 500);
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("the broker did not listen within " + timeout + "; see " + log);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
