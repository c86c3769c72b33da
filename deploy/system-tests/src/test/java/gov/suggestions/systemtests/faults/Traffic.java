package gov.suggestions.systemtests.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.restassured.path.json.JsonPath;

/**
 * A congress office's system as a client of suggestion-service: registers suggestions and assigns each to two
 * units, one after the other, for as long as it runs. Like a careful client it sends an Idempotency-Key with each
 * registration and, when a request fails or times out, sends the same request again (same key) until it is answered.
 */
final class Traffic implements Runnable {

    record Suggestion(String id, String number) {
    }

    /** Between two suggestions: a steady, moderate load, so that the checks afterwards stay short. */
    private static final Duration PAUSE = Duration.ofMillis(500);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String baseUri;
    private final String token;
    private final String deputyId;
    private final String leadUnit;
    private final String jointUnit;
    private final String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    private volatile boolean stopping;
    private volatile Throwable failure;
    private final Thread thread = new Thread(this, "faults-traffic");

    private final List<Suggestion> registered = new ArrayList<>();
    private final List<Suggestion> assigned = new ArrayList<>();
    private final AtomicInteger answered2xx = new AtomicInteger();
    private final AtomicInteger failedTries = new AtomicInteger();

    Traffic(String baseUri, String token, String deputyId, String leadUnit, String jointUnit) {
        this.baseUri = baseUri;
        this.token = token;
        this.deputyId = deputyId;
        this.leadUnit = leadUnit;
        this.jointUnit = jointUnit;
    }

    void start() {
        thread.start();
    }

    /** Finishes the suggestion in hand (registered and assigned), then stops. */
    void stop() throws InterruptedException {
        stopping = true;
        thread.join(Duration.ofMinutes(3).toMillis());
        if (thread.isAlive()) {
            throw new IllegalStateException("the traffic did not finish its last suggestion");
        }
        if (failure != null) {
            throw new AssertionError("the client met an answer no retry can mend", failure);
        }
    }

    synchronized List<Suggestion> registered() {
        return List.copyOf(registered);
    }

    synchronized List<Suggestion> assigned() {
        return List.copyOf(assigned);
    }

    synchronized int assignedCount() {
        return assigned.size();
    }

    int answered2xx() {
        return answered2xx.get();
    }

    /** Tries that were refused, failed (5xx, connection refused) or timed out, and were sent again. */
    int failedTries() {
        return failedTries.get();
    }

    @Override
    public void run() {
        try {
            for (int n = 1; !stopping; n++) {
                String number = "F" + run + String.format("%05d", n);
                HttpResponse<String> created = register(number);
                String location = created.headers().firstValue("Location").orElseThrow();
                Suggestion suggestion = new Suggestion(location.substring(location.lastIndexOf('/') + 1), number);
                synchronized (this) {
                    registered.add(suggestion);
                }
                assign(suggestion, created.headers().firstValue("ETag").orElseThrow());
                synchronized (this) {
                    assigned.add(suggestion);
                }
                Thread.sleep(PAUSE.toMillis());
            }
        } catch (Throwable e) {
            failure = e;
        }
    }

    private HttpResponse<String> register(String number) throws InterruptedException {
        String key = "faults-" + number;
        String body = """
                {"congressBody":"shenzhen-npc","number":"%s","kind":"SUGGESTION",
                 "title":"关于推进审批服务便民化的建议","body":"建议推行一网通办。",
                 "leadDeputy":{"id":"%s","name":"张某某","delegation":"南山代表团"},
                 "term":6,"session":8,"year":2020,"submittedOn":"2020-05-10"}""".formatted(number, deputyId);
        // 409 on a retry: the first try is still being committed (the number is taken, its key not yet readable)
        return untilAnswered(() -> post("/api/v1/suggestions", body).header("Idempotency-Key", key).build(), 201, Set.of(), Set.of(409));
    }

    private void assign(Suggestion suggestion, String etag) throws InterruptedException {
        String body = """
                {"units":[{"unitCode":"%s","role":"LEAD"},{"unitCode":"%s","role":"JOINT"}]}""".formatted(leadUnit, jointUnit);
        while (true) {
            String ifMatch = etag;
            HttpResponse<String> answer = untilAnswered(
                    () -> post("/api/v1/suggestions/" + suggestion.id() + "/assignment", body).header("If-Match", ifMatch).build(), 200,
                    Set.of(412, 409), Set.of());
            if (answer.statusCode() == 200) {
                return;
            }
            // 412/409 after a lost answer: the earlier try went through if the suggestion is assigned now
            HttpResponse<String> current = untilAnswered(() -> request("/api/v1/suggestions/" + suggestion.id()).GET().build(), 200,
                    Set.of(), Set.of());
            if ("ASSIGNED".equals(JsonPath.from(current.body()).getString("state"))) {
                return;
            }
            etag = current.headers().firstValue("ETag").orElseThrow();
        }
    }

    /**
     * Sends until the answer is {@code expected}, or after a failed try one of {@code answersAfterRetry}; after a failed
     * try, {@code retriesAfterRetry} are sent again too. Any other 4xx is a fault of the client, not of the suite:
     * the traffic stops with it.
     */
    private HttpResponse<String> untilAnswered(Supplier<HttpRequest> request, int expected, Set<Integer> answersAfterRetry,
            Set<Integer> retriesAfterRetry) throws InterruptedException {
        boolean retried = false;
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> answer = http.send(request.get(), HttpResponse.BodyHandlers.ofString());
                int status = answer.statusCode();
                if (status == expected) {
                    answered2xx.incrementAndGet();
                    return answer;
                }
                if (retried && answersAfterRetry.contains(status)) {
                    return answer;
                }
                boolean retryable = status >= 500 || status == 408 || status == 429 || retried && retriesAfterRetry.contains(status);
                if (!retryable) {
                    throw new IllegalStateException(request.get().method() + " " + request.get().uri() + " answered " + status + ": "
                            + answer.body());
                }
            } catch (IOException e) {
                // connection refused or timed out: the service is down or too slow; send the same request again
            }
            failedTries.incrementAndGet();
            retried = true;
            Thread.sleep(200);
        }
        throw new IllegalStateException("no answer within 3 minutes");
    }

    private HttpRequest.Builder post(String path, String json) {
        return request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUri + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token);
    }
}
