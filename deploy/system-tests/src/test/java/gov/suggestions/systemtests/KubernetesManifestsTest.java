package gov.suggestions.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Renders deploy/k8s/overlays/dev and /prod with {@code kubectl kustomize} and checks what an operator relies
 * on (issue 7): hardened Deployments with probes and a grace period longer than the service's own shutdown,
 * Service/HPA/PDB/NetworkPolicy per service, an Ingress route for every public API path, pinned images and two
 * replicas in prod, no secret values committed, a KafkaTopic for every topic and dead-letter topic the services'
 * application.properties name (read here, so a new one without a topic fails), ACLs that keep dead-letter
 * topics as closed as their sources, and PostgreSQL clusters with backups.
 * <p>
 * Over 400 lines on purpose: one test a rule over the manifests, sharing the helpers that load and walk them.
 */
class KubernetesManifestsTest {

    private static final String REGISTRY = "registry.example.gov.cn/suggestions/";
    private static final Pattern TOPIC = Pattern.compile("^mp\\.messaging\\.(incoming|outgoing)\\.[^.]+\\.topic=(.+)$");
    private static final Pattern DLQ = Pattern.compile("^mp\\.messaging\\.incoming\\.[^.]+\\.dead-letter-queue\\.topic=(.+)$");
    /** A resource's first path segment under /api/v1, or its first two under /api/v1/public, which several services share. */
    private static final Pattern API_PATH = Pattern.compile("^@Path\\(\"(/api/v1/(?:public/)?[^/\"{]+)");
    private static final Pattern ACK_TIMEOUT =
            Pattern.compile("@WithDefault\\(\"([^\"]+)\"\\)\\s*Duration\\s+ackTimeout\\(\\)");

    private static Path root;
    private static List<String> services;
    private static Map<String, List<Map<String, Object>>> rendered;

    @BeforeAll
    static void render() throws Exception {
        root = Path.of(System.getProperty("suite.root", "../..")).toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("deploy/k8s"))) {
            root = Path.of("").toAbsolutePath();
            while (root != null && !Files.isDirectory(root.resolve("deploy/k8s"))) {
                root = root.getParent();
            }
        }
        assertNotNull(root, "deploy/k8s not found above " + Path.of("").toAbsolutePath());
        try (Stream<Path> dirs = Files.list(root)) {
            services = dirs.filter(d -> d.getFileName().toString().endsWith("-service"))
                    .filter(d -> Files.isRegularFile(d.resolve("src/main/resources/application.properties")))
                    .map(d -> d.getFileName().toString()).sorted().toList();
        }
        assertEquals(4, services.size(), "the suite's services: " + services);

        Optional<Path> kubectl = onPath("kubectl");
        // kubectl is not on every CI machine: skip,
        // loudly, rather than fail the whole build there; wherever kubectl is installed the checks run.
        Assumptions.assumeTrue(kubectl.isPresent(),
                "SKIPPED: kubectl is not on PATH, so deploy/k8s cannot be rendered; install kubectl (it bundles "
                        + "kustomize) to run KubernetesManifestsTest");
        rendered = new LinkedHashMap<>();
        for (String overlay : List.of("dev", "prod")) {
            rendered.put(overlay, kustomize(kubectl.get(), root.resolve("deploy/k8s/overlays/" + overlay)));
        }
    }

    @Test
    void everyDeploymentRunsHardenedWithResourcesProbesAndAGracePeriodLongerThanItsShutdown() {
        forEachOverlay((overlay, docs) -> {
            for (String service : services) {
                Map<String, Object> deployment = one(docs, "Deployment", service, overlay);
                Map<String, Object> pod = map(deployment, "spec", "template", "spec");
                String where = overlay + "/" + service;

                Map<String, Object> podSecurity = map(pod, "securityContext");
                assertEquals(Boolean.TRUE, podSecurity.get("runAsNonRoot"), where + ": pod runAsNonRoot");
                assertTrue(((Number) podSecurity.get("runAsUser")).intValue() > 0, where + ": runAsUser not root");
                assertEquals("RuntimeDefault", map(podSecurity, "seccompProfile").get("type"), where + ": seccomp");

                Map<String, Object> container = list(pod, "containers").get(0);
                Map<String, Object> security = map(container, "securityContext");
                assertEquals(Boolean.TRUE, security.get("readOnlyRootFilesystem"), where + ": read-only root fs");
                assertEquals(Boolean.FALSE, security.get("allowPrivilegeEscalation"), where + ": no escalation");
                assertEquals(List.of("ALL"), map(security, "capabilities").get("drop"), where + ": capabilities");
                assertTrue(mountsEmptyDirAt(pod, container, "/tmp"), where + ": an emptyDir on /tmp");

                for (String kind : List.of("requests", "limits")) {
                    Map<String, Object> amounts = map(container, "resources", kind);
                    assertNotNull(amounts.get("cpu"), where + ": cpu " + kind);
                    assertNotNull(amounts.get("memory"), where + ": memory " + kind);
                }
                assertEquals("/q/health/started", probePath(container, "startupProbe"), where + ": startup probe");
                assertEquals("/q/health/live", probePath(container, "livenessProbe"), where + ": liveness probe");
                assertEquals("/q/health/ready", probePath(container, "readinessProbe"), where + ": readiness probe");
                for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                    // health (with its details) is served on the management interface only, never on the API port the Ingress reaches
                    assertEquals("management", map(container, probe, "httpGet").get("port"), where + ": " + probe + " on the management port");
                }
                assertTrue(list(container, "ports").stream().anyMatch(p -> "management".equals(p.get("name")) && Integer.valueOf(9000).equals(p.get("containerPort"))),
                        where + ": declares the management port 9000");

                Map<String, String> env = environment(docs, container);
                long shutdownSeconds = shutdownSeconds(service, container, env);
                long grace = ((Number) pod.get("terminationGracePeriodSeconds")).longValue();
                assertTrue(grace > shutdownSeconds, where + ": terminationGracePeriodSeconds " + grace
                        + " must exceed the service's shutdown (" + shutdownSeconds + " s)");

                for (String setting : List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
                        "QUARKUS_DATASOURCE_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS", "MP_JWT_VERIFY_ISSUER",
                        "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "CORS_ORIGINS")) {
                    assertTrue(env.containsKey(setting), where + " sets " + setting);
                }
            }
        });
    }

    @Test
    void everyServiceHasServiceAutoscalerDisruptionBudgetAndNetworkPolicy() {
        forEachOverlay((overlay, docs) -> {
            for (String service : services) {
                String where = overlay + "/" + service;
                Map<String, Object> svc = one(docs, "Service", service, overlay);
                assertEquals(service, map(svc, "spec", "selector").get("app.kubernetes.io/name"), where + " Service");
                Map<String, Object> hpa = one(docs, "HorizontalPodAutoscaler", service, overlay);
                assertEquals("autoscaling/v2", hpa.get("apiVersion"), where + " HPA version");
                assertEquals(service, map(hpa, "spec", "scaleTargetRef").get("name"), where + " HPA target");
                Map<String, Object> pdb = one(docs, "PodDisruptionBudget", service, overlay);
                assertEquals(service, map(pdb, "spec", "selector", "matchLabels").get("app.kubernetes.io/name"),
                        where + " PDB selector");
                Map<String, Object> policy = one(docs, "NetworkPolicy", service, overlay);
                assertEquals(service, map(policy, "spec", "podSelector", "matchLabels").get("app.kubernetes.io/name"),
                        where + " NetworkPolicy selector");
                assertEquals(List.of("Ingress", "Egress"), map(policy, "spec").get("policyTypes"),
                        where + " NetworkPolicy restricts both directions");
                for (Map<String, Object> rule : list(map(policy, "spec"), "egress")) {
                    assertFalse(rule.get("to") == null || rule.get("ports") == null,
                            where + ": every egress rule names its peers and ports: " + rule);
                }
            }
        });
    }

    @Test
    void theIngressRoutesEveryPublicApiPathToItsServiceAndNoQuarkusEndpoint() throws IOException {
        Map<String, Set<String>> apiPaths = new LinkedHashMap<>();
        for (String service : services) {
            apiPaths.put(service, apiPaths(service));
            assertFalse(apiPaths.get(service).isEmpty(), service + " has resources under /api/v1");
        }
        forEachOverlay((overlay, docs) -> {
            Map<String, String> routes = new HashMap<>();
            for (Map<String, Object> ingress : ofKind(docs, "Ingress")) {
                for (Map<String, Object> rule : list(map(ingress, "spec"), "rules")) {
                    for (Map<String, Object> path : list(map(rule, "http"), "paths")) {
                        String p = (String) path.get("path");
                        assertFalse(p.startsWith("/q"), overlay + ": Ingress exposes " + p);
                        assertTrue(p.startsWith("/api/v1/"), overlay + ": Ingress routes only /api/v1/...: " + p);
                        routes.put(p, (String) map(path, "backend", "service").get("name"));
                    }
                }
            }
            apiPaths.forEach((service, paths) -> paths.forEach(p -> assertEquals(service, routes.get(p),
                    overlay + ": Ingress path " + p + " (a @Path of " + service + ") goes to " + service)));
        });
    }

    @Test
    void prodRunsTwoReplicasOfEveryServiceFromImagesWithAFixedTag() {
        List<Map<String, Object>> docs = rendered.get("prod");
        for (String service : services) {
            Map<String, Object> deployment = one(docs, "Deployment", service, "prod");
            assertTrue(((Number) map(deployment, "spec").get("replicas")).intValue() >= 2, service + " replicas");
            Map<String, Object> hpa = one(docs, "HorizontalPodAutoscaler", service, "prod");
            assertTrue(((Number) map(hpa, "spec").get("minReplicas")).intValue() >= 2, service + " HPA minReplicas");
            String image = (String) list(map(deployment, "spec", "template", "spec"), "containers").get(0).get("image");
            assertTrue(image.startsWith(REGISTRY + service + ":"), service + " image with a tag: " + image);
            String tag = image.substring((REGISTRY + service + ":").length());
            assertFalse(tag.isBlank() || tag.equals("latest") || tag.equals("main") || tag.contains("SNAPSHOT"),
                    service + " image tag is a fixed release: " + image);
        }
    }

    @Test
    void noSecretValueIsCommitted() {
        forEachOverlay((overlay, docs) -> {
            for (Map<String, Object> secret : ofKind(docs, "Secret")) {
                assertTrue(secret.get("data") == null && secret.get("stringData") == null,
                        overlay + ": Secret " + name(secret) + " carries values; reference Secrets made in the cluster");
            }
        });
    }

    @Test
    void everyTopicAndDeadLetterTopicOfTheServicesIsAKafkaTopicAndDeadLettersStayClosed() throws IOException {
        Set<String> topics = new TreeSet<>();
        Map<String, Set<String>> deadLetters = new LinkedHashMap<>();
        for (String service : services) {
            for (String line : properties(service)) {
                Matcher topic = TOPIC.matcher(line);
                if (topic.matches()) {
                    topics.add(topic.group(2).trim());
                }
                Matcher dlq = DLQ.matcher(line);
                if (dlq.matches()) {
                    deadLetters.computeIfAbsent(service, s -> new TreeSet<>()).add(dlq.group(1).trim());
                }
            }
        }
        assertTrue(topics.containsAll(List.of("suggestions", "cases", "notifications")), "topics read: " + topics);
        assertFalse(deadLetters.isEmpty(), "dead-letter topics read from application.properties");

        forEachOverlay((overlay, docs) -> {
            Map<String, Map<String, Object>> kafkaTopics = new HashMap<>();
            for (Map<String, Object> topic : ofKind(docs, "KafkaTopic")) {
                Object topicName = map(topic, "spec").get("topicName");
                kafkaTopics.put(topicName != null ? (String) topicName : name(topic), topic);
            }
            Set<String> expected = new TreeSet<>(topics);
            deadLetters.values().forEach(expected::addAll);
            for (String topic : expected) {
                Map<String, Object> kafkaTopic = kafkaTopics.get(topic);
                assertNotNull(kafkaTopic, overlay + ": a KafkaTopic for " + topic);
                assertTrue(((Number) map(kafkaTopic, "spec").get("partitions")).intValue() > 0, topic + " partitions");
                assertNotNull(map(kafkaTopic, "spec", "config").get("retention.ms"), overlay + ": " + topic + " retention");
            }
            // reporting-service rebuilds its read model by replaying these from offset 0
            for (String replayed : List.of("suggestions", "cases", "notifications")) {
                assertEquals(-1L, ((Number) map(kafkaTopics.get(replayed), "spec", "config").get("retention.ms")).longValue(),
                        overlay + ": " + replayed + " is kept for the read models' replay");
            }

            Map<String, Object> kafka = ofKind(docs, "Kafka").get(0);
            assertEquals(Boolean.FALSE, map(kafka, "spec", "kafka", "config").get("auto.create.topics.enable"),
                    overlay + ": topics come only from KafkaTopic resources");
            assertFalse(ofKind(docs, "KafkaNodePool").isEmpty(), overlay + ": KRaft node pools");
            assertTrue(map(kafka, "spec").get("zookeeper") == null, overlay + ": no ZooKeeper");

            // dead-letter topics hold what their source topic holds (deputies' contacts): only the consuming
            // service writes them and no user may read them
            for (Map.Entry<String, Set<String>> owner : deadLetters.entrySet()) {
                for (String dlq : owner.getValue()) {
                    for (Map<String, Object> user : ofKind(docs, "KafkaUser")) {
                        for (Map<String, Object> acl : list(map(user, "spec", "authorization"), "acls")) {
                            Map<String, Object> resource = map(acl, "resource");
                            if ("topic".equals(resource.get("type")) && matches(resource, dlq)) {
                                assertEquals(owner.getKey(), name(user), overlay + ": only " + owner.getKey()
                                        + " has an ACL on " + dlq);
                                assertFalse(((List<?>) acl.get("operations")).contains("Read"),
                                        overlay + ": nobody reads " + dlq);
                            }
                        }
                    }
                }
            }
        });
    }

    @Test
    void everyServiceDatabaseIsACloudNativePgClusterWithContinuousAndScheduledBackups() {
        forEachOverlay((overlay, docs) -> {
            Map<String, Map<String, Object>> clusters = new HashMap<>();
            for (Map<String, Object> cluster : ofKind(docs, "Cluster")) {
                if (String.valueOf(cluster.get("apiVersion")).startsWith("postgresql.cnpg.io/")) {
                    clusters.put(name(cluster), cluster);
                }
            }
            Set<String> objectStores = new LinkedHashSet<>();
            ofKind(docs, "ObjectStore").forEach(store -> objectStores.add(name(store)));
            Set<String> scheduled = new LinkedHashSet<>();
            ofKind(docs, "ScheduledBackup").forEach(b -> scheduled.add((String) map(b, "spec", "cluster").get("name")));

            for (String service : services) {
                Map<String, Object> container = list(map(one(docs, "Deployment", service, overlay),
                        "spec", "template", "spec"), "containers").get(0);
                String url = environment(docs, container).get("QUARKUS_DATASOURCE_JDBC_URL");
                Matcher host = Pattern.compile("^jdbc:postgresql://([a-z0-9-]+)-rw[:/]").matcher(url);
                assertTrue(host.find(), overlay + "/" + service + " connects to a CNPG read-write service: " + url);
                Map<String, Object> cluster = clusters.get(host.group(1));
                assertNotNull(cluster, overlay + "/" + service + ": CNPG Cluster " + host.group(1));

                Map<String, Object> spec = map(cluster, "spec");
                boolean inTree = spec.get("backup") instanceof Map<?, ?> backup && backup.get("barmanObjectStore") != null;
                boolean plugin = false;
                if (spec.get("plugins") != null) {
                    for (Map<String, Object> p : list(spec, "plugins")) {
                        if ("barman-cloud.cloudnative-pg.io".equals(p.get("name")) && Boolean.TRUE.equals(p.get("isWALArchiver"))) {
                            String store = (String) map(p, "parameters").get("barmanObjectName");
                            assertTrue(objectStores.contains(store), overlay + ": ObjectStore " + store + " exists");
                            plugin = true;
                        }
                    }
                }
                assertTrue(inTree || plugin, overlay + ": Cluster " + host.group(1) + " archives WAL and backs up");
                assertTrue(scheduled.contains(host.group(1)), overlay + ": a ScheduledBackup of " + host.group(1));
            }
        });
    }

    // ---- rendering and reading

    @Test
    void prometheusScrapesEveryServicesManagementPortAndGetsTheAlertsAndTheDashboard() {
        forEachOverlay((overlay, docs) -> {
            Map<String, Object> monitor = one(docs, "ServiceMonitor", "suggestions-services", overlay);
            List<Map<String, Object>> selector = list(map(monitor, "spec", "selector"), "matchExpressions");
            Map<String, Object> endpoint = list(map(monitor, "spec"), "endpoints").get(0);
            assertEquals("management", endpoint.get("port"), overlay + ": the ServiceMonitor scrapes the management port");
            assertEquals("/q/metrics", endpoint.get("path"), overlay + ": the ServiceMonitor's path");
            for (String service : services) {
                assertTrue(selector.stream().anyMatch(e -> "app.kubernetes.io/name".equals(e.get("key")) && "In".equals(e.get("operator"))
                        && ((List<?>) e.get("values")).contains(service)), overlay + ": the ServiceMonitor selects " + service);
                Map<String, Object> svc = one(docs, "Service", service, overlay);
                assertTrue(list(map(svc, "spec"), "ports").stream().anyMatch(p -> "management".equals(p.get("name"))
                        && Integer.valueOf(9000).equals(p.get("port")) && "management".equals(p.get("targetPort"))),
                        overlay + "/" + service + ": the Service carries the management port the ServiceMonitor scrapes");
            }
            Map<String, Object> rules = one(docs, "PrometheusRule", "suggestions-alerts", overlay);
            assertFalse(list(map(rules, "spec"), "groups").isEmpty(), overlay + ": the alerts are rendered");
            Map<String, Object> dashboard = one(docs, "ConfigMap", "suggestions-grafana-dashboard", overlay);
            assertEquals("1", map(dashboard, "metadata", "labels").get("grafana_dashboard"), overlay + ": Grafana's sidecar label");
            Map<String, Object> json = cast(new Load(LoadSettings.builder().build()).loadFromString((String) map(dashboard, "data").get("suggestions.json")));
            assertFalse(((List<?>) json.get("panels")).isEmpty(), overlay + ": the dashboard has panels");
        });
    }

    private static List<Map<String, Object>> kustomize(Path kubectl, Path overlay) throws IOException, InterruptedException {
        Path out = Files.createTempFile("kustomize", ".yaml");
        Path err = Files.createTempFile("kustomize", ".err");
        try {
            Process process = new ProcessBuilder(kubectl.toString(), "kustomize", overlay.toString())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail("kubectl kustomize " + overlay + " did not finish within 2 minutes");
            }
            assertEquals(0, process.exitValue(), "kubectl kustomize " + overlay + " failed: " + Files.readString(err));
            List<Map<String, Object>> docs = new ArrayList<>();
            for (Object doc : new Load(LoadSettings.builder().build()).loadAllFromString(
                    Files.readString(out, StandardCharsets.UTF_8))) {
                if (doc instanceof Map<?, ?>) {
                    docs.add(cast(doc));
                }
            }
            assertFalse(docs.isEmpty(), "kubectl kustomize " + overlay + " rendered nothing");
            return docs;
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static Optional<Path> onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static List<String> properties(String service) throws IOException {
        return Files.readAllLines(root.resolve(service).resolve("src/main/resources/application.properties"));
    }

    private static Set<String> apiPaths(String service) throws IOException {
        Set<String> paths = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root.resolve(service).resolve("src/main/java"))) {
            for (Path file : files.filter(f -> f.getParent().getFileName().toString().equals("rest")
                    && f.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(file);
                // a REST client of another service (@RegisterRestClient) names that service's paths, not this one's
                if (lines.stream().anyMatch(l -> l.trim().startsWith("@RegisterRestClient"))) {
                    continue;
                }
                for (String line : lines) {
                    Matcher m = API_PATH.matcher(line.trim());
                    if (m.find()) {
                        paths.add(m.group(1));
                    }
                }
            }
        }
        return paths;
    }

    /**
     * What the service may spend after SIGTERM: the preStop pause, Quarkus's HTTP drain
     * ({@code quarkus.shutdown.timeout}), and for a service with an outbox the relay's join on shutdown
     * ({@code outbox.ack-timeout} + 1 s, see OutboxRelay#stop).
     */
    private static long shutdownSeconds(String service, Map<String, Object> container, Map<String, String> env) {
        long seconds = 0;
        Object preStop = container.get("lifecycle") == null ? null : map(container, "lifecycle").get("preStop");
        if (preStop instanceof Map<?, ?> hook && hook.get("sleep") instanceof Map<?, ?> sleep) {
            seconds += ((Number) sleep.get("seconds")).longValue();
        }
        String drain = env.getOrDefault("QUARKUS_SHUTDOWN_TIMEOUT", property(service, "quarkus.shutdown.timeout"));
        if (drain != null) {
            seconds += duration(drain).toSeconds();
        }
        Path outboxConfig = outboxConfig(service);
        if (outboxConfig != null) {
            String ack = env.get("OUTBOX_ACK_TIMEOUT");
            if (ack == null) {
                ack = property(service, "outbox.ack-timeout");
            }
            if (ack == null) {
                Matcher m = ACK_TIMEOUT.matcher(read(outboxConfig));
                assertTrue(m.find(), outboxConfig + " declares the default of ackTimeout()");
                ack = m.group(1);
            }
            seconds += duration(ack).toSeconds() + 1;
        }
        return seconds;
    }

    private static Path outboxConfig(String service) {
        try (Stream<Path> files = Files.walk(root.resolve(service).resolve("src/main/java"))) {
            return files.filter(f -> f.getFileName().toString().equals("OutboxConfig.java")).findFirst().orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String property(String service, String key) {
        try {
            for (String line : properties(service)) {
                if (line.startsWith(key + "=")) {
                    return line.substring(key.length() + 1).trim();
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Duration duration(String text) {
        String t = text.trim();
        if (t.startsWith("P") || t.startsWith("p")) {
            return Duration.parse(t);
        }
        Matcher m = Pattern.compile("^(\\d+)(ms|s|m|h)?$").matcher(t);
        assertTrue(m.matches(), "a duration: " + text);
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }

    /** The container's environment: its ConfigMaps (envFrom, in order) and then its own env entries. */
    private static Map<String, String> environment(List<Map<String, Object>> docs, Map<String, Object> container) {
        Map<String, String> env = new LinkedHashMap<>();
        if (container.get("envFrom") != null) {
            for (Map<String, Object> source : list(container, "envFrom")) {
                if (source.get("configMapRef") != null) {
                    String name = (String) map(source, "configMapRef").get("name");
                    Map<String, Object> configMap = ofKind(docs, "ConfigMap").stream()
                            .filter(c -> name.equals(name(c))).findFirst()
                            .orElseThrow(() -> new AssertionError("ConfigMap " + name + " is rendered"));
                    map(configMap, "data").forEach((k, v) -> env.put(k, String.valueOf(v)));
                }
            }
        }
        if (container.get("env") != null) {
            for (Map<String, Object> entry : list(container, "env")) {
                env.put((String) entry.get("name"), entry.get("value") != null ? String.valueOf(entry.get("value")) : "(from a reference)");
            }
        }
        return env;
    }

    private static boolean mountsEmptyDirAt(Map<String, Object> pod, Map<String, Object> container, String path) {
        for (Map<String, Object> mount : list(container, "volumeMounts")) {
            if (path.equals(mount.get("mountPath"))) {
                for (Map<String, Object> volume : list(pod, "volumes")) {
                    if (mount.get("name").equals(volume.get("name")) && volume.containsKey("emptyDir")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String probePath(Map<String, Object> container, String probe) {
        assertNotNull(container.get(probe), container.get("name") + " has a " + probe);
        return (String) map(container, probe, "httpGet").get("path");
    }

    private static boolean matches(Map<String, Object> resource, String topic) {
        String name = (String) resource.get("name");
        return "prefix".equals(resource.get("patternType")) ? topic.startsWith(name) : "*".equals(name) || topic.equals(name);
    }

    private interface OverlayCheck {
        void check(String overlay, List<Map<String, Object>> docs);
    }

    private static void forEachOverlay(OverlayCheck check) {
        rendered.forEach(check::check);
    }

    private static List<Map<String, Object>> ofKind(List<Map<String, Object>> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    private static Map<String, Object> one(List<Map<String, Object>> docs, String kind, String name, String overlay) {
        List<Map<String, Object>> found = ofKind(docs, kind).stream().filter(d -> name.equals(name(d))).toList();
        assertEquals(1, found.size(), overlay + ": one " + kind + " named " + name);
        return found.get(0);
    }

    private static String name(Map<String, Object> doc) {
        return (String) map(doc, "metadata").get("name");
    }

    private static Map<String, Object> map(Map<String, Object> from, String... keys) {
        Map<String, Object> current = from;
        for (String key : keys) {
            Object next = current.get(key);
            assertTrue(next instanceof Map<?, ?>, "expected a mapping at '" + key + "' in " + current.keySet());
            current = cast(next);
        }
        return current;
    }

    private static List<Map<String, Object>> list(Map<String, Object> from, String key) {
        Object value = from.get(key);
        assertTrue(value instanceof List<?>, "expected a list at '" + key + "' in " + from.keySet());
        List<Map<String, Object>> result = new ArrayList<>();
        for (Object item : (List<?>) value) {
            result.add(cast(item));
        }
        return result;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }
}
