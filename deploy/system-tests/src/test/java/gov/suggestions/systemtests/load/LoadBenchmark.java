package gov.suggestions.systemtests.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import gov.suggestions.systemtests.ServiceProcess;
import gov.suggestions.testsupport.InProcessKafka;
import gov.suggestions.systemtests.SuiteFixtures;
import gov.suggestions.testsupport.TestTokens;

/**
 * The load benchmark's harness (run by deploy/benchmark.sh, never by the test command): with a real in-process broker
 * and the {@code <service>_bench} databases (emptied by the script), it measures each service's start time and idle RSS
 * against a bare Quarkus REST application started the same way, then starts the suite, finds the intake rate it
 * sustains with {@link IntakeSimulation} (open model, increasing steps), runs the budget's point (70% of pgbench
 * replaying a registration with 8 clients), reads each step's end to end (assignment → workflow case → ledger) from the
 * services' records with {@link EndToEndRecords}, measures the broker's own end-to-end latency with Kafka's
 * {@code EndToEndLatency} tool, and times a bulk import of 10,000. Figures go to stdout and, as rows of the final table, to {@code target/bench/figures.tsv}.
 * <p>
 * Over 400 lines on purpose: the benchmark's scenarios and the report it prints belong together.
 */
public final class LoadBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** Generous: on a loaded machine four services starting together have needed three minutes. */
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(6);

    private record Service(String module, String database, String role, Map<String, String> settings) {
    }

    private static final List<Service> SERVICES = List.of(
            new Service("suggestion-service", "suggestion_bench", "suggestion", Map.of()),
            new Service("workflow-service", "workflow_bench", "workflow", Map.of()),
            new Service("notification-service", "notification_bench", "notification",
                    Map.of("NOTIFICATION_REPLY_LETTER_LINK_BASE", "http://localhost/letters")),
            new Service("reporting-service", "reporting_bench", "reporting", Map.of()));

    /**
     * A step of the intake ramp: the registrations' figures as the simulation counted them (percentiles of the OK
     * responses; achieved = OK per second over the step), and the end-to-end samples of the registrations it also assigned.
     */
    record Step(double offered, double achieved, long requests, long failed, double p50, double p95, double p99, double max,
            List<EndToEndRecords.Sample> endToEnd, int endToEndLost, double suggestionServiceCpuMsPerRequest) {

        double failedPercent() {
            return requests == 0 ? 100 : 100.0 * failed / requests;
        }

        /**
         * Sustained: (almost) no errors and p99 bounded. With open arrivals a suite that falls behind shows it as growing
         * latency; Gatling's mean throughput includes the ramp and the tail, so it is printed, not compared.
         */
        boolean sustained() {
            return failedPercent() <= 1.0 && p99 <= 500;
        }

        String describe() {
            return String.format(Locale.ROOT, "offered %.0f/s: achieved %.0f/s, %d requests, %.1f%% failed, p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms;"
                    + " suggestion-service used %.1f ms CPU per registration (its share of the assignments included)", offered, achieved, requests, failedPercent(), p50, p95, p99, max,
                    suggestionServiceCpuMsPerRequest);
        }
    }

    private final Path root;
    private final Path out;
    private final double pgbench8;
    private final int stepSeconds = Integer.getInteger("bench.stepSeconds", 15);
    private final String run = "LB" + Long.toString(System.currentTimeMillis() % 100_000_000L, 36).toUpperCase(Locale.ROOT);
    private final List<String> rows = new ArrayList<>();
    /** The broker's own end to end (Kafka's EndToEndLatency on the idle suite's broker): p50, p99, p99.9 in ms. */
    private double[] brokerLatency;
    /** The suite under load: suggestion-service's CPU time per request says what a step cost it, whatever else loads the machine. */
    private ServiceProcess suggestionService;

    private LoadBenchmark(Path root, double pgbench8) {
        this.root = root;
        this.out = root.resolve("deploy/system-tests/target/bench");
        this.pgbench8 = pgbench8;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("suite.root", ".")).toAbsolutePath().normalize();
        LoadBenchmark benchmark = new LoadBenchmark(root, Double.parseDouble(System.getProperty("bench.pgbench8", "0")));
        Files.createDirectories(benchmark.out);
        try {
            benchmark.runAll();
        } finally {
            Files.write(benchmark.out.resolve("figures.tsv"), benchmark.rows);
        }
        System.exit(0); // the in-process broker leaves non-daemon threads
    }

    private void runAll() throws Exception {
        try (InProcessKafka kafka = InProcessKafka.start()) {
            if (!Boolean.getBoolean("bench.skipStartUp")) {
                startUps(kafka);
            }
            if (Boolean.getBoolean("bench.startUpOnly")) {
                return;
            }
            List<ServiceProcess> suite = new ArrayList<>();
            try {
                for (Service service : SERVICES) {
                    Map<String, String> settings = new java.util.HashMap<>(service.settings());
                    String jfr = System.getProperty("bench.jfr", "");
                    if (jfr.contains(service.module())) {
                        // a flight recording of the service under load, for finding what limits it (jfr print --events jdk.ExecutionSample)
                        settings.put("JAVA_TOOL_OPTIONS", "-XX:StartFlightRecording=settings=profile,filename=" + out.resolve(service.module() + ".jfr"));
                    }
                    suite.add(ServiceProcess.start(root, service.module(), service.database(), service.role(), kafka.bootstrapServers(), settings));
                }
                for (ServiceProcess service : suite) {
                    service.awaitReady(READY_TIMEOUT);
                }
                suggestionService = suite.get(0);
                System.out.println("[bench] suite ready: " + suite.stream().map(ServiceProcess::baseUri).toList());
                brokerLatency = kafkaEndToEnd(kafka.bootstrapServers());
                intake(suite.get(0).baseUri());
                bulkImport(suite.get(0).baseUri());
            } finally {
                for (ServiceProcess service : suite) {
                    service.close();
                }
            }
        }
    }

    // ---- 4. start time and idle memory, each service alone ------------------------------------------------------------

    private void startUps(InProcessKafka kafka) throws Exception {
        Service bareApp = new Service("deploy/bare-rest-reference", "suggestion_bench", "suggestion", Map.of());
        for (Service service : SERVICES) {
            // the reference is started right before each service, so both see the same machine load
            long[] bare = startAlone(bareApp, kafka);
            long[] figures = startAlone(service, kafka);
            String reference = " (bare Quarkus REST)";
            row("start to ready: " + service.module() + " (ms)", figures[0], bare[0] + reference, figures[0] / (double) bare[0],
                    "<= 1.5x", figures[0] <= 1.5 * bare[0]);
            row("CPU time until ready: " + service.module() + " (ms)", figures[2], bare[2] + reference, figures[2] / (double) bare[2],
                    "(<= 1.5x, less noisy)", figures[2] <= 1.5 * bare[2]);
            row("idle RSS: " + service.module() + " (MiB)", figures[1], bare[1] + reference, figures[1] / (double) bare[1],
                    "< 200 MiB", figures[1] < 200);
            // what the package step's archive (the AOT cache on Java 25) brings: the same service started without it
            Map<String, String> without = new java.util.HashMap<>(service.settings());
            without.put(ServiceProcess.NO_STARTUP_ARCHIVE, "true");
            long[] plain = startAlone(new Service(service.module(), service.database(), service.role(), without), kafka);
            row("start to ready without the AOT cache: " + service.module() + " (ms)", plain[0], bare[0] + reference,
                    plain[0] / (double) bare[0], "(what the cache saves)", true);
        }
    }

    /**
     * Started twice, alone, the way ServiceProcess starts every service; the second start counts (schema migrated, files
     * cached). Returns ms until ready, idle RSS in MiB, CPU ms used until ready.
     */
    private long[] startAlone(Service service, InProcessKafka kafka) throws Exception {
        ServiceProcess process = ServiceProcess.start(root, service.module(), service.database(), service.role(), kafka.bootstrapServers(), service.settings());
        try {
            process.awaitReady(READY_TIMEOUT);
            long first = process.readyAfterMillis();
            process.close();
            process.restart();
            process.awaitReady(READY_TIMEOUT);
            long cpu = process.cpuMillis();
            Thread.sleep(3000); // idle: start-up work done
            long rss = process.rssMiB();
            System.out.printf(Locale.ROOT, "[bench] %s alone: ready after %d ms using %d ms CPU (first start, on a fresh schema for a service: %d ms), idle RSS %d MiB%n",
                    service.module(), process.readyAfterMillis(), cpu, first, rss);
            return new long[] {process.readyAfterMillis(), rss, cpu};
        } finally {
            process.close();
        }
    }

    // ---- 2. and 3. intake rate, latency, end to end -------------------------------------------------------------------

    private void intake(String suggestionUri) throws Exception {
        String unit = createUnit(suggestionUri);
        double budgetRate = 0.7 * pgbench8;
        // The services were just started: for the first minutes the JIT compilers take most of a core (a cold
        // suggestion-service used 30-50 ms of CPU per registration, a warm one 3-4 ms). Steps measured on a cold JVM
        // would measure the compiler, so the whole path (registration, assignment, the consumers) is warmed first.
        int warmUpSeconds = Integer.getInteger("bench.warmUpSeconds", 30);
        for (double rate : new double[] {20, 40, 80}) {
            Step warmUp = step(rate, warmUpSeconds, "W" + (int) rate, suggestionUri, unit);
            System.out.println("[bench] warm-up (not counted) " + warmUp.describe() + endToEndSummary(warmUp));
        }
        Thread.sleep(10_000); // any backlog of the warm-up drained

        Step sustained = null;
        Step firstFailing = null;
        int index = 0;
        for (double rate = Double.parseDouble(System.getProperty("bench.firstRate", "25")); index < 8; rate *= 2, index++) {
            Step step = step(rate, stepSeconds, "S" + index, suggestionUri, unit);
            System.out.println("[bench] step " + step.describe() + endToEndSummary(step));
            if (!step.sustained()) {
                firstFailing = step;
                // not even the first step: halve the rate (twice at most) to find one the suite does sustain
                for (double lower = rate / 2; sustained == null && index == 0 && lower >= 5; lower /= 2) {
                    Thread.sleep(10_000); // the overloaded step's backlog drained
                    Step down = step(lower, stepSeconds, "D" + (int) lower, suggestionUri, unit);
                    System.out.println("[bench] step down " + down.describe() + endToEndSummary(down));
                    if (down.sustained()) {
                        sustained = down;
                    }
                }
                break;
            }
            sustained = step;
            if (rate > pgbench8) {
                break;
            }
            if (2 * rate > budgetRate && rate < budgetRate) {
                rate = budgetRate / 2; // the next step is the budget's point itself
            }
        }
        // The budget's point is run unless the suite already fell behind at less than half of it: then it would only
        // measure how long requests wait in a queue that grows for the whole step (and drag the next figures down with it).
        Step budget = null;
        if (firstFailing == null || firstFailing.offered() >= budgetRate / 2) {
            if (firstFailing != null) {
                Thread.sleep(10_000); // let the backlog of the overloaded step drain first
            }
            budget = step(budgetRate, 20, "B", suggestionUri, unit);
            System.out.println("[bench] budget point (70% of pgbench replaying a registration, 8 clients) " + budget.describe() + endToEndSummary(budget));
        } else {
            Thread.sleep(10_000);
        }

        String pg = String.format(Locale.ROOT, "%.0f/s (pgbench replaying a registration, 8 clients)", pgbench8);
        if (sustained != null) {
            row("intake sustained, open model (req/s; p50/p95/p99 ms " + ms(sustained.p50()) + "/" + ms(sustained.p95()) + "/" + ms(sustained.p99()) + ")",
                    sustained.achieved(), pg, sustained.achieved() / pgbench8, ">= 0.5", sustained.achieved() >= 0.5 * pgbench8);
        } else {
            row("intake sustained, open model (req/s)", 0, pg, 0, ">= 0.5", false);
        }
        if (firstFailing != null) {
            row("intake first step not sustained (req/s offered; " + String.format(Locale.ROOT, "%.1f%% failed, p99 %s ms",
                    firstFailing.failedPercent(), ms(firstFailing.p99())) + ")", firstFailing.offered(), pg, firstFailing.offered() / pgbench8, "-", null);
        }
        if (budget != null) {
            row(String.format(Locale.ROOT, "intake at 70%% of pgbench (%.0f/s offered): achieved req/s (%.1f%% failed)", budgetRate, budget.failedPercent()),
                    budget.achieved(), pg, budget.achieved() / pgbench8, ">= 0.7 without errors",
                    budget.failedPercent() <= 1 && budget.achieved() >= 0.95 * budgetRate);
            row("intake at 70% of pgbench: p99 ms (p50 " + ms(budget.p50()) + ", p95 " + ms(budget.p95()) + ")", budget.p99(), "50 ms (budget)",
                    budget.p99() / 50, "< 50 ms", budget.p99() < 50);
            endToEndRows("at 70% of pgbench", budget);
        } else {
            row(String.format(Locale.ROOT, "intake at 70%% of pgbench (%.0f/s): not run, the suite fell behind at %.0f/s already", budgetRate,
                    firstFailing.offered()), 0, pg, 0, "p99 < 50 ms", false);
        }
        if (sustained != null) {
            endToEndRows(String.format(Locale.ROOT, "at the sustained %.0f/s", sustained.offered()), sustained);
        } else if (firstFailing != null) {
            endToEndRows(String.format(Locale.ROOT, "at %.0f/s (not sustained)", firstFailing.offered()), firstFailing);
        }
    }

    private void endToEndRows(String load, Step step) {
        List<EndToEndRecords.Sample> samples = step.endToEnd();
        String count = samples.size() + " samples, " + step.endToEndLost() + " lost";
        if (samples.isEmpty()) {
            row("end to end " + load + ": no sample completed (" + count + ")", 0, "200 ms (budget)", 0, "p99 < 200 ms", false);
            return;
        }
        String reference = brokerLatency == null ? "200 ms (budget)" : "200 ms (budget; broker alone p99 " + ms(brokerLatency[1]) + " ms a hop)";
        double workflow99 = percentile(samples, EndToEndRecords.Sample::assignedToWorkflow, 99);
        double ledger99 = percentile(samples, EndToEndRecords.Sample::assignedToLedger, 99);
        row("end to end " + load + ": assigned -> case in workflow-service, p99 ms (p50 "
                + ms(percentile(samples, EndToEndRecords.Sample::assignedToWorkflow, 50)) + "; " + count + ")",
                workflow99, reference, workflow99 / 200, "p99 < 200 ms", workflow99 < 200);
        row("end to end " + load + ": assigned -> case in reporting ledger, p99 ms (p50 "
                + ms(percentile(samples, EndToEndRecords.Sample::assignedToLedger, 50)) + ")",
                ledger99, reference, ledger99 / 200, "p99 < 200 ms", ledger99 < 200);
        row("end to end " + load + ": registered -> case in ledger, p99 ms (p50 "
                + ms(percentile(samples, EndToEndRecords.Sample::registeredToLedger, 50)) + ")",
                percentile(samples, EndToEndRecords.Sample::registeredToLedger, 99), "-", Double.NaN, "-", null);
    }

    private static String endToEndSummary(Step step) {
        if (step.endToEnd() == null || step.endToEnd().isEmpty()) {
            return "";
        }
        List<EndToEndRecords.Sample> s = step.endToEnd();
        return String.format(Locale.ROOT, "; end to end (%d samples, %d lost) assigned -> workflow p50 %.0f p99 %.0f ms, -> ledger p50 %.0f p99 %.0f ms",
                s.size(), step.endToEndLost(), percentile(s, EndToEndRecords.Sample::assignedToWorkflow, 50),
                percentile(s, EndToEndRecords.Sample::assignedToWorkflow, 99), percentile(s, EndToEndRecords.Sample::assignedToLedger, 50),
                percentile(s, EndToEndRecords.Sample::assignedToLedger, 99));
    }

    /**
     * One Gatling run in its own JVM (the simulation class on this classpath); about {@code bench.endToEndSamples} (250)
     * of its registrations are also assigned, and their end to end is read from the services' records once the run ended.
     */
    private Step step(double rate, int seconds, String label, String suggestionUri, String unit) throws Exception {
        Path results = out.resolve("gatling");
        Files.createDirectories(results);
        String runId = run + label;
        long assignEvery = Math.max(1, Math.round(rate * seconds / Integer.getInteger("bench.endToEndSamples", 250)));
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
                // as gatling-maven-plugin starts it: Gatling reaches into these JDK internals
                "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"),
                "-Dbench.rate=" + rate, "-Dbench.seconds=" + seconds, "-Dbench.suggestionUrl=" + suggestionUri, "-Dbench.run=" + runId,
                "-Dbench.unit=" + unit, "-Dbench.assignEvery=" + assignEvery,
                "-Dgatling.http.requestTimeout=10000", "-Dgatling.http.warmUpUrl=", "-Dgatling.data.enableAnalytics=false",
                "io.gatling.app.Gatling", "-s", IntakeSimulation.class.getName(), "-rf", results.toString(), "-rd", runId);
        Path log = out.resolve("gatling-" + label + ".log");
        long cpuBefore = suggestionService.cpuMillis();
        Process gatling = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int exit = gatling.waitFor();
        long cpuUsed = suggestionService.cpuMillis() - cpuBefore;
        String console = Files.readString(log);
        Matcher register = Pattern.compile("\\[intake] register requests=(\\d+) ok=(\\d+) failed=(\\d+) okPerSecond=([0-9.]+)"
                + " p50=(\\d+) p95=(\\d+) p99=(\\d+) max=(\\d+)").matcher(console);
        if (!register.find()) {
            throw new IllegalStateException("the simulation printed no registration figures (exit " + exit + "); see " + log);
        }
        long requests = Long.parseLong(register.group(1));
        // the backlog of the step drains before its end to end is read (and before the next step begins)
        EndToEndRecords.Step endToEnd = new EndToEndRecords("jdbc:postgresql://127.0.0.1:5432/").collect(runId, 60_000);
        return new Step(rate, Double.parseDouble(register.group(4)), requests, Long.parseLong(register.group(3)),
                Double.parseDouble(register.group(5)), Double.parseDouble(register.group(6)), Double.parseDouble(register.group(7)),
                Double.parseDouble(register.group(8)), endToEnd.samples(), endToEnd.lost(), cpuUsed / Math.max(1.0, requests));
    }

    // ---- 3b. the broker's own end to end --------------------------------------------------------------------------------

    /**
     * Kafka's own tool (org.apache.kafka.tools.EndToEndLatency, the class behind kafka-e2e-latency.sh), in its own JVM
     * against the suite's broker while the suite idles: 2,000 records of 1 KiB (about an event's size), acks=all, each
     * produced and consumed before the next. Its p99 is the floor under the suite's end to end, which crosses the broker
     * twice (suggestion-service → workflow-service → reporting-service).
     */
    private double[] kafkaEndToEnd(String bootstrapServers) throws Exception {
        Path log = out.resolve("kafka-e2e-latency.log");
        Process tool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), "org.apache.kafka.tools.EndToEndLatency",
                bootstrapServers, "bench-e2e-latency", "2000", "all", "1024")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int exit = tool.waitFor();
        Matcher figures = Pattern.compile("Percentiles: 50th = (\\d+), 99th = (\\d+), 99.9th = (\\d+)").matcher(Files.readString(log));
        if (exit != 0 || !figures.find()) {
            System.out.println("[bench] Kafka's EndToEndLatency gave no figures (exit " + exit + "); see " + log);
            return null;
        }
        double[] ms = {Double.parseDouble(figures.group(1)), Double.parseDouble(figures.group(2)), Double.parseDouble(figures.group(3))};
        row("Kafka's own end to end (EndToEndLatency, 2,000 x 1 KiB, acks=all, suite idle): p99 ms (p50 " + ms(ms[0]) + ", p99.9 "
                + ms(ms[2]) + ")", ms[1], "-", Double.NaN, "(floor of one hop)", null);
        return ms;
    }

    // ---- 5. bulk import ------------------------------------------------------------------------------------------------

    private void bulkImport(String suggestionUri) throws Exception {
        Thread.sleep(5000); // the load steps' events relayed and consumed
        String office = TestTokens.role("congress-office").congressBody("shenzhen-npc").sign();
        StringBuilder body = new StringBuilder("{\"rows\":[");
        for (int i = 1; i <= 10_000; i++) {
            if (i > 1) {
                body.append(',');
            }
            body.append("""
                    {"congressBody":"shenzhen-npc","number":"%s-I%d","kind":"SUGGESTION","title":"关于推进审批服务便民化的建议(%d)",
                     "body":"建议推行一网通办,压缩办理时限。","leadDeputy":{"id":"D-%d","name":"代表%d","delegation":"南山代表团"},
                     "topics":["审批服务"],"term":6,"session":8,"year":2019,"submittedOn":"2019-05-10"}""".formatted(run, i, i, i % 500, i % 500));
        }
        body.append("]}");
        long start = System.nanoTime();
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(suggestionUri + "/api/v1/suggestion-imports"))
                .timeout(Duration.ofMinutes(5)).header("Authorization", "Bearer " + office).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        String job = response.body();
        if (response.statusCode() == 202) {
            URI location = URI.create(suggestionUri).resolve(response.headers().firstValue("Location").orElseThrow());
            HttpRequest poll = HttpRequest.newBuilder(location).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + office).build();
            while (field(job, "state").equals("RUNNING") && System.nanoTime() - start < 600_000_000_000L) {
                Thread.sleep(50);
                job = HTTP.send(poll, HttpResponse.BodyHandlers.ofString()).body();
            }
        } else if (response.statusCode() != 200) {
            throw new IllegalStateException("import answered " + response.statusCode() + ": " + job);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "[bench] bulk import of 10000 (HTTP %d): %s after %.1f s, accepted %s, rejected %s%n",
                response.statusCode(), field(job, "state"), seconds, field(job, "accepted"), field(job, "rejected"));
        row("bulk import of 10,000 (s; state " + field(job, "state") + ", accepted " + field(job, "accepted") + ")", seconds, "5 s (budget)",
                seconds / 5, "< 5 s", seconds < 5 && "10000".equals(field(job, "accepted")));
    }

    // ---- helpers -------------------------------------------------------------------------------------------------------

    private static String createUnit(String suggestionUri) throws Exception {
        String code = SuiteFixtures.freshUnitCode("bench-");
        String credit = SuiteFixtures.creditCode();
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(suggestionUri + "/api/v1/units"))
                .header("Authorization", "Bearer " + TestTokens.role("system").sign()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"%s\",\"name\":\"基准承办单位%s\",\"unifiedSocialCreditCode\":\"%s\"}"
                        .formatted(code, code, credit)))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("creating the unit answered " + response.statusCode() + ": " + response.body());
        }
        return code;
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]*)").matcher(json);
        return m.find() ? m.group(1) : "?";
    }

    static double percentile(List<EndToEndRecords.Sample> samples, ToDoubleFunction<EndToEndRecords.Sample> figure, int percentile) {
        double[] values = samples.stream().mapToDouble(figure).sorted().toArray();
        int index = (int) Math.ceil(percentile / 100.0 * values.length) - 1;
        return values[Math.max(0, Math.min(values.length - 1, index))];
    }

    private static String ms(double value) {
        return String.format(Locale.ROOT, "%.0f", value);
    }

    /** figure | measured | reference | ratio | budget | met? */
    private void row(String figure, double measured, String reference, double ratio, String budget, Boolean met) {
        String line = String.join("\t", figure, String.format(Locale.ROOT, measured == Math.rint(measured) ? "%.0f" : "%.1f", measured),
                reference, Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.2f", ratio), budget,
                met == null ? "-" : met ? "yes" : "NO");
        rows.add(line);
        System.out.println("[bench] " + line.replace('\t', '|'));
    }
}
