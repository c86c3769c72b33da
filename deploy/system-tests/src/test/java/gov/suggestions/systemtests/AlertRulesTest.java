package gov.suggestions.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * The alerts an operator gets (deploy/k8s/components/monitoring): each says how bad it is and what happened, and links a
 * runbook paragraph that exists in deploy/k8s/README.md; every metric they and the dashboard read is one a service is
 * known to expose (OperatorSignalsIT then scrapes the running services for it).
 */
class AlertRulesTest {

    private static final Path ROOT = Path.of(System.getProperty("suite.root", "../..")).toAbsolutePath().normalize();

    @Test
    void everyAlertHasASeverityASummaryAndARunbookParagraphThatExists() {
        List<AlertRules.Alert> alerts = AlertRules.alerts(ROOT);
        assertTrue(alerts.size() >= 8, "the alerts: " + alerts.stream().map(AlertRules.Alert::name).toList());
        Set<String> anchors = AlertRules.headingAnchors(ROOT.resolve("deploy/k8s/README.md"));
        for (AlertRules.Alert alert : alerts) {
            assertTrue(Set.of("critical", "warning", "info").contains(alert.labels().get("severity")), alert.name() + ": severity");
            assertFalse(String.valueOf(alert.annotations().get("summary")).isBlank(), alert.name() + ": summary");
            assertFalse(String.valueOf(alert.annotations().get("description")).isBlank(), alert.name() + ": description");
            String runbook = String.valueOf(alert.annotations().get("runbook_url"));
            assertTrue(runbook.startsWith("https://") && runbook.contains("/deploy/k8s/README.md#"), alert.name() + ": runbook_url " + runbook);
            String anchor = runbook.substring(runbook.indexOf('#') + 1);
            assertTrue(anchor.startsWith("runbook-") && anchors.contains(anchor),
                    alert.name() + ": its runbook #" + anchor + " is not a heading of deploy/k8s/README.md");
        }
    }

    @Test
    void everyMetricTheAlertsAndTheDashboardReadIsOneTheServicesExpose() {
        Set<String> read = new TreeSet<>();
        AlertRules.alerts(ROOT).forEach(a -> {
            Set<String> names = AlertRules.metricNames(a.expr());
            assertFalse(names.isEmpty(), a.name() + " reads no metric: " + a.expr());
            read.addAll(names);
        });
        AlertRules.dashboardQueries(ROOT).forEach(q -> read.addAll(AlertRules.metricNames(q)));
        Set<String> unknown = new TreeSet<>(read);
        unknown.removeAll(AlertRules.EXPOSED_BY.keySet());
        assertEquals(Set.of(), unknown, "metrics no service is known to expose (AlertRules.EXPOSED_BY)");
    }

    @Test
    void theMetricNamesOfAnExpressionLeaveOutFunctionsLabelsRangesAndKeywords() {
        assertEquals(Set.of("suggestions_cases_overdue"), AlertRules.metricNames("""
                max by (job, unit) (suggestions_cases_overdue) - (max by (job, unit) (suggestions_cases_overdue offset 1d)
                or max by (job, unit) (suggestions_cases_overdue) * 0) > 0"""));
        assertEquals(Set.of("up", "http_server_requests_seconds_count"), AlertRules.metricNames(
                "absent(up{job=\"a-service\"}) or sum by (job) (rate(http_server_requests_seconds_count{job=~\"$job\",status=~\"5..\"}[5m]))"));
    }
}
