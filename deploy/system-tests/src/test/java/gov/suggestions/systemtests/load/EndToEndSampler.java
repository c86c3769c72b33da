package gov.suggestions.systemtests.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import gov.suggestions.testsupport.TestTokens;

/**
 * While a load step runs, registers and assigns one suggestion at a time and polls (every 5 ms) until its case is
 * readable in workflow-service ({@code GET /api/v1/cases?suggestionId=}) and counted in reporting-service's ledger
 * ({@code GET /api/v1/ledger?number=}). Times are taken from the moment the assignment was acknowledged (its event is
 * in the outbox) and from the start of the registration.
 */
final class EndToEndSampler implements Runnable {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final String OFFICE = TestTokens.role("congress-office").congressBody("shenzhen-npc").sign();
    private static final String SUPERVISOR = TestTokens.role("gov-supervisor").sign();
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern ONE_CASE = Pattern.compile("\"total\"\\s*:\\s*1\\b");
    private static final long POLL_NANOS = 5_000_000;
    private static final long GIVE_UP_NANOS = 30_000_000_000L;

    /** One sample, in ms: assignment acknowledged → workflow case / ledger row; registration sent → the same. */
    record Sample(double assignedToWorkflow, double assignedToLedger, double registeredToWorkflow, double registeredToLedger) {
    }

    private final String suggestionUri;
    private final String workflowUri;
    private final String reportingUri;
    private final String unitCode;
    private final String prefix;
    private final List<Sample> samples = new ArrayList<>();
    private volatile boolean running = true;
    private int lost;
    private int sequence;

    EndToEndSampler(String suggestionUri, String workflowUri, String reportingUri, String unitCode, String prefix) {
        this.suggestionUri = suggestionUri;
        this.workflowUri = workflowUri;
        this.reportingUri = reportingUri;
        this.unitCode = unitCode;
        this.prefix = prefix;
    }

    void stop() {
        running = false;
    }

    synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    synchronized int lost() {
        return lost;
    }

    @Override
    public void run() {
        while (running) {
            try {
                Sample sample = sampleOnce(prefix + "-E" + (++sequence));
                synchronized (this) {
                    if (sample == null) {
                        lost++;
                    } else {
                        samples.add(sample);
                    }
                }
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                synchronized (this) {
                    lost++;
                }
            }
        }
    }

    private Sample sampleOnce(String number) throws Exception {
        long registered = System.nanoTime();
        HttpResponse<String> registration = HTTP.send(HttpRequest.newBuilder(URI.create(suggestionUri + "/api/v1/suggestions"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + OFFICE).header("Content-Type", "application/json")
                .header("Idempotency-Key", number)
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"congressBody":"shenzhen-npc","number":"%s","kind":"SUGGESTION",
                         "title":"关于完善端到端办理时限监测的建议","body":"建议对交办到承办单位接收的各环节进行时限监测。",
                         "leadDeputy":{"id":"D-0001","name":"代表甲","delegation":"福田代表团"},
                         "term":6,"session":8,"year":2026,"submittedOn":"2026-01-10"}""".formatted(number)))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (registration.statusCode() != 201) {
            return null;
        }
        Matcher id = ID.matcher(registration.body());
        if (!id.find()) {
            return null;
        }
        String suggestionId = id.group(1);
        String etag = registration.headers().firstValue("ETag").orElse("\"0\"");
        HttpResponse<String> assignment = HTTP.send(HttpRequest.newBuilder(URI.create(suggestionUri + "/api/v1/suggestions/" + suggestionId + "/assignment"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + OFFICE).header("Content-Type", "application/json").header("If-Match", etag)
                .POST(HttpRequest.BodyPublishers.ofString("{\"units\":[{\"unitCode\":\"%s\",\"role\":\"LEAD\"}]}".formatted(unitCode)))
                .build(), HttpResponse.BodyHandlers.ofString());
        long assigned = System.nanoTime();
        if (assignment.statusCode() != 200) {
            return null;
        }
        HttpRequest cases = HttpRequest.newBuilder(URI.create(workflowUri + "/api/v1/cases?suggestionId=" + suggestionId))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + SUPERVISOR).build();
        HttpRequest ledger = HttpRequest.newBuilder(URI.create(reportingUri + "/api/v1/ledger?number=" + number))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + SUPERVISOR).build();
        Pattern ledgerCase = Pattern.compile("\"unitCode\"\\s*:\\s*\"" + Pattern.quote(unitCode) + "\"");
        long inWorkflow = -1;
        long inLedger = -1;
        while ((inWorkflow < 0 || inLedger < 0) && System.nanoTime() - assigned < GIVE_UP_NANOS) {
            if (inWorkflow < 0 && ONE_CASE.matcher(HTTP.send(cases, HttpResponse.BodyHandlers.ofString()).body()).find()) {
                inWorkflow = System.nanoTime();
            }
            if (inLedger < 0 && ledgerCase.matcher(HTTP.send(ledger, HttpResponse.BodyHandlers.ofString()).body()).find()) {
                inLedger = System.nanoTime();
            }
            Thread.sleep(POLL_NANOS / 1_000_000);
        }
        if (inWorkflow < 0 || inLedger < 0) {
            return null;
        }
        return new Sample(ms(inWorkflow - assigned), ms(inLedger - assigned), ms(inWorkflow - registered), ms(inLedger - registered));
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
