package gov.suggestions.suggestion.rest;

import static gov.suggestions.suggestion.rest.SuggestionRequests.BODY;
import static gov.suggestions.suggestion.rest.SuggestionRequests.as;
import static gov.suggestions.suggestion.rest.SuggestionRequests.asOffice;
import static gov.suggestions.suggestion.rest.SuggestionRequests.freshNumber;
import static gov.suggestions.suggestion.rest.SuggestionRequests.registration;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import gov.suggestions.suggestion.repository.SuggestionRepository;
import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** Bad input and bad callers: each gets a problem response naming what is wrong, and nothing is stored. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class SuggestionInputTest {

    @Inject
    SuggestionRepository suggestions;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Inject
    jakarta.validation.ValidatorFactory validation;

    @Test
    void aSubmissionDateIsCheckedAgainstTodayInChinaNotTheServersZone() {
        // from midnight to 08:00 in China the server's UTC day is still yesterday: the office's today must be taken
        java.time.ZoneId china = java.time.ZoneId.of("Asia/Shanghai");
        // (the tests' JVM runs in Asia/Shanghai, production containers in UTC: the validator must use the service's clock)
        org.junit.jupiter.api.Assertions.assertInstanceOf(gov.suggestions.suggestion.config.ValidationClock.class, validation.getClockProvider());
        assertEquals(china, validation.getClockProvider().getClock().getZone());
        java.time.LocalDate today = java.time.LocalDate.now(china);
        asOffice().body(registration(freshNumber(), "D-0117").replace("2020-05-10", today.toString()))
                .when().post("/api/v1/suggestions").then().statusCode(201).body("submittedOn", equalTo(today.toString()));
        asOffice().body(registration(freshNumber(), "D-0117").replace("2020-05-10", today.plusDays(1).toString()))
                .when().post("/api/v1/suggestions").then().statusCode(400).body("violations.field", hasItem("submittedOn"));
    }

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                Arguments.of("missing title", (Edit) json -> json.replace("\"title\": \"关于加快推进政务数据共享的建议\",", ""), "title"),
                Arguments.of("blank title", (Edit) json -> json.replace("关于加快推进政务数据共享的建议", "  "), "title"),
                Arguments.of("over-long title", (Edit) json -> json.replace("关于加快推进政务数据共享的建议", "长".repeat(201)), "title"),
                Arguments.of("over-long body", (Edit) json -> json.replace("建议进一步打通部门间数据壁垒,推动政务数据按需共享。", "字".repeat(20001)), "body"),
                Arguments.of("missing lead deputy name", (Edit) json -> json.replace("\"name\": \"王某某\",", ""), "leadDeputy.name"),
                Arguments.of("missing kind", (Edit) json -> json.replace("\"kind\": \"SUGGESTION\",", ""), "kind"),
                Arguments.of("term out of range", (Edit) json -> json.replace("\"term\": 6", "\"term\": 0"), "term"),
                Arguments.of("number with spaces", (Edit) json -> json.replaceFirst("\"number\": \"([^\"]+)\"", "\"number\": \"20 20\""), "number"),
                Arguments.of("submission in the future", (Edit) json -> json.replace("2020-05-10", "2999-01-01"), "submittedOn"),
                Arguments.of("unknown field", (Edit) json -> json.replace("\"term\": 6,", "\"term\": 6, \"urgency\": \"KEY\","), "urgency"),
                Arguments.of("wrong type", (Edit) json -> json.replace("\"term\": 6", "\"term\": \"第六届\""), "term"),
                Arguments.of("unknown enum value", (Edit) json -> json.replace("\"SUGGESTION\"", "\"PETITION\""), "kind"),
                Arguments.of("bad date", (Edit) json -> json.replace("2020-05-10", "2020-13-45"), "submittedOn"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidBodies")
    void invalidBodyIsRejectedNamingTheFieldAndNothingIsStored(String description, Edit edit, String field) {
        String number = freshNumber();
        String body = edit.apply(registration(number, "D-0117"));

        asOffice().body(body)
                .when().post("/api/v1/suggestions")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("type", containsString("problem"))
                .body("violations.field", hasItem(field))
                .body(not(containsString("Exception")))
                .body(not(containsString("gov.suggestions")));
        assertEquals(0, storedWithNumber(number));
    }

    @Test
    void violationMessagesAreChineseByDefaultAndEnglishOnRequest() {
        String body = registration(freshNumber(), "D-0117").replace("关于加快推进政务数据共享的建议", "");
        asOffice().body(body)
                .when().post("/api/v1/suggestions")
                .then().statusCode(400)
                .body("title", equalTo("请求数据无效"))
                .body("violations.find { it.field == 'title' }.message", equalTo("不能为空"));
        asOffice().header("Accept-Language", "en").body(body)
                .when().post("/api/v1/suggestions")
                .then().statusCode(400)
                .body("title", equalTo("The request is not valid"))
                .body("violations.find { it.field == 'title' }.message", equalTo("must not be blank"));
    }

    @Test
    void malformedJsonIsAProblem() {
        asOffice().body("{\"congressBody\": \"shenzhen-npc\", \"number\": ")
                .when().post("/api/v1/suggestions")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("请求体不是有效的 JSON"))
                .body(not(containsString("Exception")));
    }

    @Test
    void missingBodyIsAProblem() {
        asOffice().when().post("/api/v1/suggestions")
                .then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void invalidIdempotencyKeyIsRejected() {
        String number = freshNumber();
        asOffice().header("Idempotency-Key", "short").body(registration(number, "D-0117"))
                .when().post("/api/v1/suggestions")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("Idempotency-Key"));
        assertEquals(0, storedWithNumber(number));
    }

    @Test
    void noTokenIs401WithBearerChallenge() {
        String number = freshNumber();
        given().contentType(ContentType.JSON).body(registration(number, "D-0117"))
                .when().post("/api/v1/suggestions")
                .then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .contentType("application/problem+json");
        assertEquals(0, storedWithNumber(number));
    }

    @Test
    void expiredTokenIs401() {
        String number = freshNumber();
        as(TestTokens.role("congress-office").congressBody(BODY).expired().sign()).body(registration(number, "D-0117"))
                .when().post("/api/v1/suggestions")
                .then().statusCode(401);
        assertEquals(0, storedWithNumber(number));
    }

    @Test
    void tokenSignedByAnotherKeyIs401() {
        String number = freshNumber();
        as(TestTokens.role("congress-office").congressBody(BODY).signedByUnknownKey().sign()).body(registration(number, "D-0117"))
                .when().post("/api/v1/suggestions")
                .then().statusCode(401);
        assertEquals(0, storedWithNumber(number));
    }

    @Test
    void wrongRoleIs403() {
        String number = freshNumber();
        for (String role : new String[] { "handler", "unit-office", "deputy", "gov-supervisor" }) {
            as(TestTokens.role(role).congressBody(BODY).deputy("D-0117").sign()).body(registration(number, "D-0117"))
                    .when().post("/api/v1/suggestions")
                    .then().statusCode(403)
                    .contentType("application/problem+json");
        }
        // unit staff may read, but only what was assigned to their unit
        as(TestTokens.role("handler").unit("U-1").sign()).when().get("/api/v1/suggestions/00000000-0000-0000-0000-000000000000")
                .then().statusCode(404);
        assertEquals(0, storedWithNumber(number));
    }

    @Test
    void unknownPathIsAProblem404() {
        asOffice().when().get("/api/v1/nothing-here")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    private long storedWithNumber(String number) {
        return QuarkusTransaction.requiringNew().call(() -> suggestions.count("congressBody = ?1 and number = ?2", BODY, number));
    }

    @FunctionalInterface
    interface Edit extends java.util.function.UnaryOperator<String> {
    }
}
