package gov.suggestions.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The suite's alerts and dashboard as deploy/k8s/components/monitoring ships them, read from the files themselves (no
 * kubectl needed), and the metric names their PromQL expressions read.
 */
final class AlertRules {

    static final String COMPONENT = "deploy/k8s/components/monitoring";

    /** A PromQL keyword or aggregation modifier: never a metric's name. */
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right", "offset", "bool",
            "and", "or", "unless");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private static final List<String> ALL = List.of("suggestion-service", "workflow-service", "notification-service", "reporting-service");
    private static final List<String> PUBLISHERS = List.of("suggestion-service", "workflow-service", "notification-service");

    /**
     * Which services expose each metric the alerts and the dashboard read (the job label is the service's name).
     * {@code up} is Prometheus's own, about every scraped service.
     */
    static final Map<String, List<String>> EXPOSED_BY = Map.of(
            "up", List.of(),
            "http_server_requests_seconds_count", ALL,
            "kafka_consumer_fetch_manager_records_lag", ALL,
            "suggestions_events_dead_lettered_total", ALL,
            "suggestions_outbox_unpublished_events", PUBLISHERS,
            "suggestions_outbox_oldest_unpublished_age_seconds", PUBLISHERS,
            "suggestions_notices_failed_total", List.of("notification-service"),
            "suggestions_cases_overdue", List.of("workflow-service"));

    /** One alerting rule: its name, expression, labels and annotations. */
    record Alert(String name, String expr, Map<String, Object> labels, Map<String, Object> annotations) {
    }

    private AlertRules() {
    }

    static List<Alert> alerts(Path root) {
        Map<String, Object> rule = cast(new Load(LoadSettings.builder().build())
                .loadFromString(read(root.resolve(COMPONENT).resolve("prometheus-rule.yaml"))));
        List<Alert> alerts = new ArrayList<>();
        for (Object group : (List<?>) cast(rule.get("spec")).get("groups")) {
            for (Object entry : (List<?>) cast(group).get("rules")) {
                Map<String, Object> r = cast(entry);
                if (r.containsKey("alert")) {
                    alerts.add(new Alert((String) r.get("alert"), r.get("expr").toString(), cast(r.getOrDefault("labels", Map.of())),
                            cast(r.getOrDefault("annotations", Map.of()))));
                }
            }
        }
        return alerts;
    }

    /** The expressions of every panel of the Grafana dashboard (JSON is YAML, so the YAML loader reads it). */
    static List<String> dashboardQueries(Path root) {
        Map<String, Object> dashboard = cast(new Load(LoadSettings.builder().build())
                .loadFromString(read(root.resolve(COMPONENT).resolve("grafana-dashboard.json"))));
        List<String> queries = new ArrayList<>();
        for (Object panel : (List<?>) dashboard.get("panels")) {
            for (Object target : (List<?>) cast(panel).get("targets")) {
                queries.add(cast(target).get("expr").toString());
            }
        }
        return queries;
    }

    /**
     * The metric names a PromQL expression selects: what is left once strings, label matchers, ranges, grouping label
     * lists, dashboard variables, numbers and durations are taken out, without function names (followed by "(") and
     * keywords.
     */
    static Set<String> metricNames(String expr) {
        String bare = expr.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
                .replaceAll("\\$\\w+", " ")
                .replaceAll("\\b\\d[\\w.]*", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(bare);
        while (m.find()) {
            String token = m.group();
            boolean function = bare.substring(m.end()).stripLeading().startsWith("(");
            if (!function && !KEYWORDS.contains(token)) {
                names.add(token);
            }
        }
        return names;
    }

    /** GitHub's anchor of each heading of a Markdown file: lower case, punctuation dropped, spaces as hyphens. */
    static Set<String> headingAnchors(Path markdown) {
        Set<String> anchors = new TreeSet<>();
        for (String line : read(markdown).lines().toList()) {
            if (line.startsWith("#")) {
                String heading = line.replaceFirst("^#+\\s*", "").trim().toLowerCase(java.util.Locale.ROOT);
                anchors.add(heading.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
            }
        }
        return anchors;
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
