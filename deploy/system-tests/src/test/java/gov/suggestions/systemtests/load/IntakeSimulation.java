package gov.suggestions.systemtests.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.HdrHistogram.Histogram;

import gov.suggestions.testsupport.TestTokens;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * Registrations (POST /api/v1/suggestions) arriving at a fixed rate whatever the responses take (open model), as
 * other systems send them: a congress office's token, a unique number, an Idempotency-Key, pooled keep-alive
 * connections. Run by {@link LoadBenchmark} once per step with {@code -Dbench.rate}, {@code -Dbench.seconds},
 * {@code -Dbench.suggestionUrl} and {@code -Dbench.run} (a prefix that keeps numbers unique across runs).
 * <p>
 * Every {@code bench.assignEvery}-th registration is then assigned to the unit {@code bench.unit}, as the congress office
 * would: those are the end-to-end samples, whose arrival in workflow- and reporting-service LoadBenchmark reads afterwards
 * from the services' own records (nothing polls during the step). The registrations' own figures (count, failures,
 * percentiles, rate) are printed at the end as one {@code [intake] register} line, apart from the assignments, which
 * Gatling's global summary would mix in.
 */
public class IntakeSimulation extends Simulation {

    /** Titles of one session's themes: realistic, varied text for the tokens every registration stores for the similarity search. */
    private static final String[] THEMES = {
        "关于推进审批服务便民化的建议", "关于加快推进政务数据共享的建议", "关于以区块链技术推动行政执法数据公示的建议",
        "关于完善社区养老服务设施的建议", "关于缓解中小学周边交通拥堵的建议", "关于加强城中村消防安全管理的建议",
        "关于支持专精特新中小企业融资的建议", "关于推进垃圾分类精细化管理的建议", "关于扩大公办幼儿园学位供给的建议",
        "关于优化地铁接驳公交线路的建议", "关于加强河道水环境综合治理的建议", "关于提升基层医疗机构服务能力的建议"};

    private final double rate = Double.parseDouble(System.getProperty("bench.rate", "10"));
    private final int seconds = Integer.getInteger("bench.seconds", 15);
    private final int rampSeconds = Integer.getInteger("bench.rampSeconds", 2);
    private final String run = System.getProperty("bench.run", "LB");
    private final String unit = System.getProperty("bench.unit", "");
    private final long assignEvery = Long.getLong("bench.assignEvery", 0);
    private final AtomicLong sequence = new AtomicLong();
    private final RequestFigures registrations = new RequestFigures("register");
    private final RequestFigures assignments = new RequestFigures("assign");

    /** One request's figures over a run: OK response times (ms), attempts and failures, and the span they took. */
    static final class RequestFigures {
        private final String name;
        private final Histogram okMillis = new Histogram(60_000, 3);
        private long attempts;
        private long firstSent = Long.MAX_VALUE;
        private long lastDone;

        RequestFigures(String name) {
            this.name = name;
        }

        synchronized Session sent(Session session) {
            attempts++;
            firstSent = Math.min(firstSent, System.currentTimeMillis());
            return session;
        }

        synchronized Session done(Session session) {
            lastDone = System.currentTimeMillis();
            if (!session.isFailed()) {
                okMillis.recordValue(Math.min(60_000, Math.max(0, session.getInt(name + "Ms"))));
            }
            return session;
        }

        synchronized String line() {
            long ok = okMillis.getTotalCount();
            double seconds = attempts == 0 ? 1 : Math.max(0.001, (lastDone - firstSent) / 1000.0);
            return String.format(Locale.ROOT, "[intake] %s requests=%d ok=%d failed=%d okPerSecond=%.2f p50=%d p95=%d p99=%d max=%d",
                    name, attempts, ok, attempts - ok, ok / seconds, okMillis.getValueAtPercentile(50),
                    okMillis.getValueAtPercentile(95), okMillis.getValueAtPercentile(99), okMillis.getMaxValue());
        }
    }

    private final Iterator<Map<String, Object>> registrationData = Stream.generate(this::nextRegistration).iterator();

    private Map<String, Object> nextRegistration() {
        long n = sequence.incrementAndGet();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return Map.of("number", run + "-" + n, "assign", !unit.isEmpty() && assignEvery > 0 && n % assignEvery == 0,
                "title", THEMES[random.nextInt(THEMES.length)],
                "deputy", "D-" + random.nextInt(1, 600),
                "year", 2000 + (int) (n % 26));
    }

    private final HttpProtocolBuilder protocol = http
            .baseUrl(System.getProperty("bench.suggestionUrl", "http://localhost:8081"))
            .authorizationHeader("Bearer " + TestTokens.role("congress-office").congressBody("shenzhen-npc").sign())
            .contentTypeHeader("application/json")
            .acceptHeader("application/json")
            // calling systems keep a pool of keep-alive connections; one new connection per request would measure TCP set-up
            .shareConnections();

    private final ScenarioBuilder intake = scenario("intake")
            .feed(registrationData)
            .exec(registrations::sent)
            .exec(http("register").post("/api/v1/suggestions")
                    .header("Idempotency-Key", "#{number}")
                    .body(StringBody("""
                            {"congressBody":"shenzhen-npc","number":"#{number}","kind":"SUGGESTION",
                             "title":"#{title}","body":"建议进一步完善相关制度,明确责任单位和完成时限,定期向代表反馈办理进展。",
                             "leadDeputy":{"id":"#{deputy}","name":"代表#{deputy}","delegation":"南山代表团"},
                             "topics":["政务服务"],"term":6,"session":8,"year":#{year},"submittedOn":"#{year}-05-10"}"""))
                    .check(responseTimeInMillis().saveAs("registerMs"), status().is(201), jsonPath("$.id").saveAs("id"),
                            header("ETag").saveAs("etag")))
            .exec(registrations::done)
            .exitHereIfFailed()
            .doIf("#{assign}").then(exec(assignments::sent)
                    .exec(http("assign").post("/api/v1/suggestions/#{id}/assignment")
                            .header("If-Match", "#{etag}")
                            .body(StringBody("{\"units\":[{\"unitCode\":\"" + unit + "\",\"role\":\"LEAD\"}]}"))
                            .check(responseTimeInMillis().saveAs("assignMs"), status().is(200)))
                    .exec(assignments::done));

    @Override
    public void after() {
        System.out.println(registrations.line());
        System.out.println(assignments.line());
    }

    {
        setUp(intake.injectOpen(
                rampUsersPerSec(Math.max(1, rate / 10)).to(rate).during(rampSeconds),
                constantUsersPerSec(rate).during(seconds)))
                .protocols(protocol);
    }
}
