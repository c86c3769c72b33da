package gov.suggestions.systemtests;

import static gov.suggestions.systemtests.SuiteDatabases.emptyDatabase;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import gov.suggestions.systemtests.demo.SeedYearLoader;
import gov.suggestions.testsupport.InProcessKafka;
import gov.suggestions.testsupport.TestTokens;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * The packaged suggestion-service and workflow-service as separate processes, each with its own
 * PostgreSQL database, talking only through a real Kafka broker that this test can stop and restart.
 */
class SuiteIT {

    private static InProcessKafka kafka;
    private static ServiceProcess suggestionService;
    private static ServiceProcess workflowService;
    private static ServiceProcess reportingService;
    private static final String TOKEN = TestTokens.role("congress-office").congressBody("shenzhen-npc").sign();

    @BeforeAll
    static void startSuite() throws Exception {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        Path root = Path.of(System.getProperty("suite.root", "../..")).toAbsolutePath().normalize();
        kafka = InProcessKafka.start();
        emptyDatabase("suggestion_it", "suggestion");
        emptyDatabase("workflow_it", "workflow");
        emptyDatabase("reporting_it", "reporting");
        suggestionService = ServiceProcess.start(root, "suggestion-service", "suggestion_it", "suggestion", kafka.bootstrapServers());
        workflowService = ServiceProcess.start(root, "workflow-service", "workflow_it", "workflow", kafka.bootstrapServers());
        reportingService = ServiceProcess.start(root, "reporting-service", "reporting_it", "reporting", kafka.bootstrapServers());
        suggestionService.awaitReady(Duration.ofSeconds(120));
        workflowService.awaitReady(Duration.ofSeconds(120));
        reportingService.awaitReady(Duration.ofSeconds(120));
        Thread.sleep(3000); // let start-up settle before reading idle memory
        for (ServiceProcess service : List.of(suggestionService, workflowService, reportingService)) {
            System.out.printf("[figures] %s ready after %d ms (started together with the other services), RSS %d MiB%n",
                    service.name, service.readyAfterMillis(), service.rssMiB());
        }
    }

    @AfterAll
    static void stopSuite() throws InterruptedException {
        if (suggestionService != null) {
            suggestionService.close();
        }
        if (workflowService != null) {
            workflowService.close();
        }
        if (reportingService != null) {
            reportingService.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @AfterEach
    void brokerBack() {
        kafka.restart();
    }

    @Test
    void registeredSuggestionCrossesTheBrokerIntoWorkflowServicesDatabase() {
        String number = freshNumber();
        long start = System.nanoTime();
        String id = register(number);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> given()
                .baseUri(workflowService.baseUri()).auth().oauth2(TOKEN)
                .when().get("/api/v1/received-suggestions/" + id)
                .then().statusCode(200)
                .body("number", equalTo(number))
                .body("congressBody", equalTo("shenzhen-npc")));
        System.out.printf("[figures] registration to visible in workflow-service: %d ms%n", (System.nanoTime() - start) / 1_000_000);
    }

    @Test
    void withTheBrokerDownRegistrationStillSucceedsAndEveryEventArrivesWhenItReturns() {
        kafka.stop();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(register(freshNumber()));
        }
        for (String id : ids) {
            given().baseUri(workflowService.baseUri()).auth().oauth2(TOKEN)
                    .when().get("/api/v1/received-suggestions/" + id)
                    .then().statusCode(404);
        }

        kafka.restart();
        long back = System.nanoTime();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            for (String id : ids) {
                given().baseUri(workflowService.baseUri()).auth().oauth2(TOKEN)
                        .when().get("/api/v1/received-suggestions/" + id)
                        .then().statusCode(200);
            }
        });
        System.out.printf("[figures] after the broker returned, all %d waiting events arrived within %d ms%n",
                ids.size(), (System.nanoTime() - back) / 1_000_000);
    }

    @Test
    void assignmentOpensOneCasePerUnitInWorkflowServiceAndTheirProgressComesBack() {
        String system = TestTokens.role("system").sign();
        String lead = createUnit(system, "牵头单位");
        String joint = createUnit(system, "会办单位");
        String number = freshNumber();
        String id = register(number);
        String etag = given().baseUri(suggestionService.baseUri()).auth().oauth2(TOKEN)
                .when().get("/api/v1/suggestions/" + id).then().statusCode(200).extract().header("ETag");

        given().baseUri(suggestionService.baseUri()).auth().oauth2(TOKEN).contentType(ContentType.JSON).header("If-Match", etag)
                .body("""
                        {"units":[{"unitCode":"%s","role":"LEAD"},{"unitCode":"%s","role":"JOINT"}]}""".formatted(lead, joint))
                .when().post("/api/v1/suggestions/" + id + "/assignment")
                .then().statusCode(200);

        // suggestion.assigned.v1 crosses to workflow-service, which opens a case per unit ...
        String supervisor = TestTokens.role("gov-supervisor").sign();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> given()
                .baseUri(workflowService.baseUri()).auth().oauth2(supervisor).queryParam("suggestionId", id)
                .when().get("/api/v1/cases")
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.find { it.unitCode == '%s' }.role".formatted(lead), equalTo("LEAD"))
                .body("items.find { it.unitCode == '%s' }.role".formatted(joint), equalTo("JOINT")));
        // ... and each case.opened.v1 crosses back on the cases topic into the suggestion's progress
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> given()
                .baseUri(suggestionService.baseUri()).auth().oauth2(TOKEN)
                .when().get("/api/v1/suggestions/" + id)
                .then().statusCode(200)
                .body("caseProgress.size()", equalTo(2))
                .body("caseProgress.state", everyItem(equalTo("ASSIGNED"))));
        // ... and reporting-service's ledger, built only from the two topics, lists both cases
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> given()
                .baseUri(reportingService.baseUri()).auth().oauth2(supervisor).queryParam("number", number)
                .when().get("/api/v1/ledger")
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.find { it.unitCode == '%s' }.role".formatted(lead), equalTo("LEAD"))
                .body("items.find { it.unitCode == '%s' }.state".formatted(joint), equalTo("ASSIGNED"))
                .body("items.title", everyItem(equalTo("关于推进审批服务便民化的建议"))));
    }

    @Test
    void theSeedsYearLoadedThroughThePublicApisGivesTheSeedsBasicSituation() throws Exception {
        Path root = Path.of(System.getProperty("suite.root", "../..")).toAbsolutePath().normalize();
        long start = System.nanoTime();
        SeedYearLoader.Loaded loaded = new SeedYearLoader(root.resolve("deploy/local/demo/seed-year-2020.json"),
                suggestionService.baseUri(), workflowService.baseUri(), reportingService.baseUri()).load();
        System.out.printf("[figures] the seed's year (%d suggestions, %d cases of %s) loaded through the APIs in %d ms%n",
                loaded.suggestions(), loaded.casesAdvanced(), loaded.unit(), (System.nanoTime() - start) / 1_000_000);

        String unitOffice = TestTokens.role("unit-office").unit("sz-zsj").subject("office-sz-zsj").sign();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> given()
                .baseUri(reportingService.baseUri()).auth().oauth2(unitOffice).accept("text/markdown")
                .when().get("/api/v1/annual-summaries/sz-zsj/2020")
                .then().statusCode(200)
                .body(containsString("(一)办理数量及主要内容。今年,我局共办理市人大代表建议30件。其中主办、承办、分办7件,"
                        + "6件已收到人大代表“满意”评价,1件尚未评价;汇办23件,汇办意见全部按时反馈主办单位。"
                        + "内容主要涉及智慧城市和“数字政府”建设、审批服务便民化、数据立法、政务数据共享等。"))
                .body(containsString("| 索引号 | 11440300MB2C92413C/2020-00001 |"))
                // section 三: the five replies with measures, in number order, each with its measures
                .body(containsString("### (一)第20200041号《关于以“区块链”技术推动建立行政执法管理数据网络及公示的建议》。\n\n1.支持开展区块链试点应用。"))
                .body(containsString("### (二)第20200055号《关于先行先试加快区块链产业发展的建议》。"))
                .body(containsString("### (三)第20200101号《关于推进审批服务便民化的建议》。"))
                .body(containsString("### (四)第20200226号《关于先行先试加快区块链产业发展的建议》。\n\n1.推动《深圳经济特区数据条例》立法工作。"))
                .body(containsString("### (五)第20200267号《关于进一步打破数据壁垒加快政务数据共享应用的建议》。"))
                .body(not(containsString("第20200130号"))));

        // loading again changes nothing: registrations replay, cases are past their steps
        new SeedYearLoader(root.resolve("deploy/local/demo/seed-year-2020.json"), suggestionService.baseUri(),
                workflowService.baseUri(), reportingService.baseUri()).load();
        given().baseUri(suggestionService.baseUri()).auth().oauth2(TOKEN).queryParam("unit", "sz-zsj").queryParam("size", 100)
                .when().get("/api/v1/suggestions")
                .then().statusCode(200).body("total", equalTo(30));
    }

    private static String createUnit(String systemToken, String name) {
        String code = "it-" + UUID.randomUUID().toString().substring(0, 8);
        String allowed = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder credit = new StringBuilder("91440300");
        java.util.Random random = new java.util.Random();
        for (int i = 0; i < 10; i++) {
            credit.append(allowed.charAt(random.nextInt(allowed.length())));
        }
        given().baseUri(suggestionService.baseUri()).auth().oauth2(systemToken).contentType(ContentType.JSON)
                .body("""
                        {"code":"%s","name":"%s","unifiedSocialCreditCode":"%s"}""".formatted(code, name + code, credit))
                .when().post("/api/v1/units")
                .then().statusCode(201);
        return code;
    }

    private static String register(String number) {
        return given().baseUri(suggestionService.baseUri()).auth().oauth2(TOKEN).contentType(ContentType.JSON)
                .body("""
                        {"congressBody":"shenzhen-npc","number":"%s","kind":"SUGGESTION",
                         "title":"关于推进审批服务便民化的建议","body":"建议推行一网通办。",
                         "leadDeputy":{"id":"D-0420","name":"张某某","delegation":"南山代表团"},
                         "term":6,"session":8,"year":2020,"submittedOn":"2020-05-10"}""".formatted(number))
                .when().post("/api/v1/suggestions")
                .then().statusCode(201)
                .extract().path("id");
    }

    private static String freshNumber() {
        return "IT" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
