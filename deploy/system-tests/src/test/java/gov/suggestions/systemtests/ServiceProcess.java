package gov.suggestions.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One packaged service (target/quarkus-app) started as its own process, configured the way production is: by environment.
 * Public for the load benchmark (package {@code load}). */
public final class ServiceProcess implements AutoCloseable {

    /** A setting that is not passed on: the service starts without the archive its package step wrote (for comparison). */
    public static final String NO_STARTUP_ARCHIVE = "SUITE_NO_STARTUP_ARCHIVE";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public final String name;
    public final int port;
    /** The management interface: health and metrics (not served on the API port). */
    public final int managementPort;
    private final Path jar;
    private final Path log;
    private final Map<String, String> environment;
    private Process process;
    private long startedNanos;
    private long readyAfterMillis = -1;

    private ServiceProcess(String name, int port, int managementPort, Path jar, Path log, Map<String, String> environment) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.jar = jar;
        this.log = log;
        this.environment = environment;
    }

    public static ServiceProcess start(Path root, String service, String database, String role, String kafka) {
        return start(root, service, database, role, kafka, Map.of());
    }

    /** As {@link #start(Path, String, String, String, String)}, with more settings (or overrides) in {@code settings}. */
    public static ServiceProcess start(Path root, String service, String database, String role, String kafka, Map<String, String> settings) {
        return start(root, service, database, role, kafka, settings, Path.of(service).getFileName().toString());
    }

    /** As above, as one of several replicas of the service: {@code replica} names its log (target/it-logs/&lt;replica&gt;.log). */
    public static ServiceProcess start(Path root, String service, String database, String role, String kafka, Map<String, String> settings,
            String replica) {
        Path jar = root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: the services are packaged before the system tests run");
        }
        try {
            int port = freePort();
            int managementPort = freePort();
            Path logs = root.resolve("deploy/system-tests/target/it-logs");
            Files.createDirectories(logs);
            Map<String, String> env = new java.util.LinkedHashMap<>();
            env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
            env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
            env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/" + database);
            env.put("QUARKUS_DATASOURCE_USERNAME", role);
            env.put("QUARKUS_DATASOURCE_PASSWORD", role);
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
            env.put("MP_JWT_VERIFY_ISSUER", "https://suggestions.local/issuer");
            env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", root.resolve("deploy/local/keys/local-public.pem").toString());
            // the system tests and the benchmark load a year, or hundreds of registrations a second, as a handful of callers:
            // far above a caller's production limit (RateLimitTest of each service checks the limit itself)
            env.put("API_RATE_LIMIT_REQUESTS_PER_MINUTE", "10000000");
            env.put("API_RATE_LIMIT_BURST", "100000");
            env.putAll(settings);
            ServiceProcess started = new ServiceProcess(replica, port, managementPort, jar, logs.resolve(replica + ".log"), Map.copyOf(env));
            started.launch();
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void launch() throws IOException {
        // the Java that built the package (the archive only works on it); heap and collector as the container image runs the
        // services (and deploy/local/up.sh): a small, shrinking heap
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms32m",
                "-Xmx256m", "-XX:+UseParallelGC", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=20", "-XX:GCTimeRatio=4",
                "-XX:AdaptiveSizePolicyWeight=90"));
        if (!environment.containsKey(NO_STARTUP_ARCHIVE)) {
            command.addAll(startupArchiveFlags(jar.getParent()));
        }
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().remove(NO_STARTUP_ARCHIVE);
        startedNanos = System.nanoTime();
        readyAfterMillis = -1;
        process = builder.start();
    }

    /**
     * What the package step archived for a faster start, as deploy/local/lib/java.sh passes it: the AOT cache written on
     * Java 25, else the AppCDS archive written on 17; nothing when neither is there.
     */
    public static List<String> startupArchiveFlags(Path quarkusApp) {
        if (Files.exists(quarkusApp.resolve("app.aot"))) {
            return List.of("-XX:AOTCache=" + quarkusApp.resolve("app.aot"));
        }
        if (Files.exists(quarkusApp.resolve("app-cds.jsa"))) {
            return List.of("-XX:SharedArchiveFile=" + quarkusApp.resolve("app-cds.jsa"));
        }
        return List.of();
    }

    /** kill -9: no shutdown hook runs, nothing is flushed or committed that was not already. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /**
     * A graceful stop as Kubernetes does it on every rollout: SIGTERM, then wait for the process to end.
     * @return the exit code (a JVM ended by SIGTERM after its shutdown hooks exits with 143)
     */
    public int stopGracefully(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException(name + " did not stop within " + timeout + " of SIGTERM; see target/it-logs/" + name + ".log");
        }
        return process.exitValue();
    }

    /** Starts the same packaged service again, on the same port with the same settings (after {@link #kill()} or {@link #close()}). */
    public void restart() throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        launch();
    }

    public String baseUri() {
        return "http://localhost:" + port;
    }

    /** Health and metrics: the management interface. */
    public String managementUri() {
        return "http://localhost:" + managementPort;
    }

    /** Polls readiness, ignoring refused connections while the service starts. */
    public void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(managementUri() + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see target/it-logs/" + name + ".log");
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    readyAfterMillis = (System.nanoTime() - startedNanos) / 1_000_000;
                    return;
                }
            } catch (ConnectException e) {
                // not listening yet
            } catch (IOException e) {
                // starting up
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(name + " not ready within " + timeout + "; see target/it-logs/" + name + ".log");
    }

    public long readyAfterMillis() {
        return readyAfterMillis;
    }

    /** Resident set size from /proc, in MiB (Linux). */
    public long rssMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    /** CPU time (user + system) the process has used so far, in ms, from /proc (Linux): unlike wall-clock time, hardly moved by other load. */
    public long cpuMillis() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10; // utime, stime in clock ticks of 10 ms
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
