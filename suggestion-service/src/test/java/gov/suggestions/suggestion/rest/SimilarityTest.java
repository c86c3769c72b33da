package gov.suggestions.suggestion.rest;

import static gov.suggestions.suggestion.rest.SuggestionRequests.as;
import static gov.suggestions.suggestion.rest.SuggestionRequests.asDeputy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import gov.suggestions.suggestion.domain.Limits;
import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.testsupport.TestTokens;
import gov.suggestions.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/** The seed's 20200055 and 20200226 share a title (关于先行先试加快区块链产业发展的建议): each must find the other first. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class SimilarityTest {

    private static final String BLOCKCHAIN = "关于先行先试加快区块链产业发展的建议";

    private static final List<String> OTHER_TOPICS = List.of("智慧城市", "数字政府", "审批服务便民化", "数据立法", "政务数据共享", "自助服务终端",
            "电子证照", "一网通办", "政务服务大厅", "社保服务", "学前教育", "消防监督", "房屋租赁", "营商环境", "人才引进", "公共交通", "垃圾分类",
            "医疗卫生", "养老服务", "住房保障", "环境保护", "水务管理", "食品安全", "城市更新", "科技创新", "金融服务", "文化旅游", "体育设施",
            "交通拥堵治理", "停车管理", "5G网络建设", "大数据中心", "网络安全", "社会信用体系", "公共法律服务", "社区治理", "应急管理", "防灾减灾",
            "海洋经济", "跨境贸易", "物流枢纽", "新能源汽车", "充电设施", "无障碍环境", "残疾人保障", "青少年教育", "职业培训", "就业服务",
            "农民工权益保护", "知识产权保护", "人工智能产业发展", "集成电路产业发展", "生物医药产业发展");

    @Inject
    ObjectMapper objectMapper;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static String register(RequestSpecification office, String body, String number, String title, String text, String topic) {
        return office.body("""
                { "congressBody": "%s", "number": "%s", "kind": "SUGGESTION", "title": "%s", "body": "%s",
                  "leadDeputy": { "id": "D-0117", "name": "王某某", "delegation": "福田代表团" }, "topics": ["%s"],
                  "term": 6, "session": 8, "year": 2020, "submittedOn": "2020-05-10" }""".formatted(body, number, title, text, topic))
                .when().post("/api/v1/suggestions").then().statusCode(201).extract().asString();
    }

    /** Registers as an office's front end does when it shows possible duplicates at once. */
    private static String registerAskingForSimilar(RequestSpecification office, String body, String number, String title, String text,
            String topic) {
        return register(office.queryParam("includeSimilar", true), body, number, title, text, topic);
    }

    @Test
    void theSeedsTwoBlockchainSuggestionsFindEachOtherFirstAndAreLinked() throws Exception {
        String body = "sim-" + UUID.randomUUID().toString().substring(0, 8);
        String token = TestTokens.role("congress-office").congressBody(body).sign();
        RequestSpecification office = as(token);

        register(as(token), body, "20200041", "关于以区块链技术推动建立行政执法管理数据网络及公示的建议",
                "建议以区块链技术推动建立行政执法管理数据网络,实现行政执法信息统一公示。", "行政执法");
        int n = 0;
        for (String topic : OTHER_TOPICS) {
            register(as(token), body, "2020" + (1000 + n++), "关于加快推进" + topic + "的建议",
                    "建议进一步加强" + topic + "工作,完善" + topic + "相关制度,提升服务水平,推动高质量发展。", topic);
        }
        var firstJson = objectMapper.readTree(register(as(token), body, "20200055", BLOCKCHAIN,
                "建议我市先行先试,加快区块链产业发展,推动区块链在政务服务、身份认证中的应用,建设政务区块链基础平台。", "区块链"));
        // not asked for: the registration answer leaves the ranking out
        assertTrue(firstJson.path("similar").isMissingNode() || firstJson.get("similar").isNull(), "similar without includeSimilar: " + firstJson);
        String first = firstJson.get("id").asText();
        String secondJson = registerAskingForSimilar(as(token), body, "20200226", BLOCKCHAIN,
                "建议出台区块链产业扶持政策,鼓励企业先行先试,支持区块链技术在金融、政务等领域的创新应用。", "区块链");
        String second = objectMapper.readTree(secondJson).get("id").asText();

        // on registration: the earlier one with the same title comes first, with a score
        assertEquals("20200055", objectMapper.readTree(secondJson).get("similar").get(0).get("number").asText());
        office.when().get("/api/v1/suggestions/" + first + "/similar").then().statusCode(200)
                .body("[0].id", equalTo(second)).body("[0].score", greaterThan(0f)).body("size()", greaterThan(1));
        as(token).queryParam("limit", 3).when().get("/api/v1/suggestions/" + second + "/similar").then().statusCode(200)
                .body("[0].id", equalTo(first)).body("size()", equalTo(3));
        // free-text search ranks the two titles that carry the words first
        as(token).queryParam("q", "区块链产业发展").when().get("/api/v1/suggestions/search").then().statusCode(200)
                .body("number.take(2)", org.hamcrest.Matchers.containsInAnyOrder("20200055", "20200226"));
        as(token).when().get("/api/v1/suggestions/search").then().statusCode(400);
        asDeputy("D-0117").queryParam("q", "区块链").when().get("/api/v1/suggestions/search").then().statusCode(403);
        // other congress bodies' suggestions are never similar
        as(TestTokens.role("congress-office").congressBody("other-" + body).sign()).when().get("/api/v1/suggestions/" + first + "/similar")
                .then().statusCode(404);

        asDeputy("D-0117").body("{ \"suggestionId\": \"" + second + "\" }").when().post("/api/v1/suggestions/" + first + "/links")
                .then().statusCode(403);
        as(token).body("{ \"suggestionId\": \"" + first + "\" }").when().post("/api/v1/suggestions/" + first + "/links").then().statusCode(409);
        as(token).body("{ \"suggestionId\": \"" + second + "\" }").when().post("/api/v1/suggestions/" + first + "/links")
                .then().statusCode(201).body("id", contains(second));
        as(token).body("{ \"suggestionId\": \"" + first + "\" }").when().post("/api/v1/suggestions/" + second + "/links")
                .then().statusCode(200).body("id", contains(first));
        as(token).when().get("/api/v1/suggestions/" + second).then().statusCode(200)
                .body("linkedSuggestions.number", contains("20200055")).body("similar", equalTo(null));
        as(token).when().get("/api/v1/suggestions/" + first + "/history").then().body("action", hasItem("LINKED"));

        List<ConsumerRecord<String, String>> records = TopicReader.readUntil(bootstrapServers, "suggestions",
                read -> read.stream().anyMatch(r -> second.equals(r.key()) && "suggestion.linked.v1".equals(TopicReader.header(r, "ce_type"))),
                Duration.ofSeconds(30));
        var linked = objectMapper.readTree(records.stream()
                .filter(r -> second.equals(r.key()) && "suggestion.linked.v1".equals(TopicReader.header(r, "ce_type"))).findFirst().orElseThrow().value());
        assertEquals(first, linked.get("linkedSuggestionId").asText());
        assertEquals("20200055", linked.get("linkedNumber").asText());
    }

    @Test
    void aWithdrawnSuggestionIsNotSimilar() throws Exception {
        String body = "sim-" + UUID.randomUUID().toString().substring(0, 8);
        String token = TestTokens.role("congress-office").congressBody(body).sign();
        String id = objectMapper.readTree(register(as(token), body, "20200001", BLOCKCHAIN, "建议加快区块链产业发展。", "区块链")).get("id").asText();
        as(token).header("If-Match", "\"0\"").body("{ \"reason\": \"撤回\" }").when().post("/api/v1/suggestions/" + id + "/withdrawal")
                .then().statusCode(200);
        var later = objectMapper.readTree(registerAskingForSimilar(as(token), body, "20200002", BLOCKCHAIN, "建议加快区块链产业发展。", "区块链"));
        assertEquals(0, later.get("similar").size());
        as(token).when().get("/api/v1/suggestions/" + later.get("id").asText() + "/similar").then().statusCode(200)
                .body("id", not(hasItem(id)));
    }

    @Test
    void aSuggestionIsLinkedToAtMostFiftyOthers() throws Exception {
        String body = "sim-" + UUID.randomUUID().toString().substring(0, 8);
        String token = TestTokens.role("congress-office").congressBody(body).sign();
        String first = objectMapper.readTree(register(as(token), body, "20209000", BLOCKCHAIN, "建议加快区块链产业发展。", "区块链")).get("id").asText();
        for (int i = 0; i <= Limits.LINKS; i++) {
            String other = objectMapper.readTree(register(as(token), body, "2020" + (9001 + i), BLOCKCHAIN, "建议加快区块链产业发展。", "区块链"))
                    .get("id").asText();
            var answer = as(token).header("Accept-Language", "en").body("{ \"suggestionId\": \"" + other + "\" }")
                    .when().post("/api/v1/suggestions/" + first + "/links").then();
            if (i < Limits.LINKS) {
                answer.statusCode(201).body("size()", equalTo(i + 1));
            } else {
                answer.statusCode(409).contentType("application/problem+json")
                        .body("detail", org.hamcrest.Matchers.containsString("linked to 50 suggestions already"))
                        .body("violations[0].field", equalTo("suggestionId"));
                // from the other side too: the full one takes no more
                as(token).body("{ \"suggestionId\": \"" + first + "\" }").when().post("/api/v1/suggestions/" + other + "/links")
                        .then().statusCode(409);
            }
        }
        as(token).when().get("/api/v1/suggestions/" + first).then().statusCode(200).body("linkedSuggestions.size()", equalTo(Limits.LINKS));
    }
}
