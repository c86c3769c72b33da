package gov.suggestions.suggestion.rest;

import static gov.suggestions.suggestion.rest.SuggestionRequests.asOffice;
import static gov.suggestions.suggestion.rest.SuggestionRequests.freshNumber;
import static gov.suggestions.suggestion.rest.SuggestionRequests.registration;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import gov.suggestions.testsupport.HttpLayerChecks;
import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * What the HTTP layer answers a hostile or careless client: strict JSON with the field at fault named, no
 * control characters, problem details even from the HTTP server and CORS, answers kept out of caches,
 * tokens bounded in time, operations data only on the management port.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class HttpHardeningTest {

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @ConfigProperty(name = "quarkus.management.test-port")
    int managementPort;

    HttpLayerChecks checks;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeEach
    void checks() {
        checks = new HttpLayerChecks(port, office().sign(), "/api/v1/suggestions");
    }

    static Stream<Arguments> lenientBodies() {
        return Stream.of(
                Arguments.of("enum by ordinal", (UnaryOperator<String>) json -> json.replace("\"SUGGESTION\"", "1"), "kind"),
                Arguments.of("fraction for an integer", (UnaryOperator<String>) json -> json.replace("\"term\": 6", "\"term\": 6.5"), "term"),
                Arguments.of("string for an integer", (UnaryOperator<String>) json -> json.replace("\"term\": 6", "\"term\": \"6\""), "term"),
                Arguments.of("number for a string", (UnaryOperator<String>) json -> json.replace("\"关于加快推进政务数据共享的建议\"", "12345"), "title"),
                Arguments.of("boolean for a string", (UnaryOperator<String>) json -> json.replace("\"关于加快推进政务数据共享的建议\"", "true"), "title"),
                Arguments.of("NUL in text", (UnaryOperator<String>) json -> json.replace("关于加快", "关于\\u0000加快"), "title"),
                Arguments.of("bell in text", (UnaryOperator<String>) json -> json.replace("关于加快", "关于\\u0007加快"), "title"),
                Arguments.of("NUL in a nested field", (UnaryOperator<String>) json -> json.replace("王某某", "王\\u0000某"), "leadDeputy.name"),
                Arguments.of("C1 control in text", (UnaryOperator<String>) json -> json.replace("关于加快", "关于\\u0085加快"), "title"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lenientBodies")
    void aLenientBodyIsRefusedNamingTheField(String name, UnaryOperator<String> edit, String field) {
        asOffice().body(edit.apply(registration(freshNumber(), "D-0117")))
                .when().post("/api/v1/suggestions")
                .then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(400))
                .body("violations.field", hasItem(field));
    }

    @Test
    void lineBreaksAndTabsInTextAreKept() {
        asOffice().body(registration(freshNumber(), "D-0117").replace("推动政务数据", "推动\\n\\t政务数据"))
                .when().post("/api/v1/suggestions")
                .then().statusCode(201)
                .body("body", equalTo("建议进一步打通部门间数据壁垒,推动\n\t政务数据按需共享。"));
    }

    @Test
    void trailingTokensAndDuplicateKeysAreRefused() {
        String body = registration(freshNumber(), "D-0117");
        asOffice().body(body + " {\"x\": 1}").when().post("/api/v1/suggestions")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        asOffice().body(body.replace("\"term\": 6,", "\"term\": 6, \"term\": 7,")).when().post("/api/v1/suggestions")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void aBodyWithoutContentTypeIs415() {
        checks.bodyWithoutContentTypeIs415("POST", "/api/v1/suggestions", registration(freshNumber(), "D-0117"));
    }

    @Test
    void controlCharactersInPathQueryAndHeadersAre400() {
        checks.controlCharactersAreRefused();
    }

    @Test
    void answersCarryNoStoreAndNosniff() {
        checks.answersAreNotCachedNorSniffed();
    }

    @Test
    void theHttpServersOwnRefusalsAreProblemDetails() {
        checks.httpServerRefusalsAreProblems("/api/v1/suggestions", 16L * 1024 * 1024);
    }

    @Test
    void malformedStandardHeadersAreNot5xx() {
        checks.malformedHeadersAreNot5xx("POST", "/api/v1/suggestions", registration(freshNumber(), "D-0117"));
    }

    @Test
    void unknownPathsAndMethodsAreProblemDetails() {
        checks.unknownPathsAndMethodsAreProblems();
    }

    @Test
    void aCorsRequestFromAnOriginNotAllowedIsAProblem() {
        checks.disallowedOriginIsAProblem();
    }

    @Test
    void tokensValidTooLongOrIssuedInTheFutureAreRefused() {
        checks.tokensBoundedInTime(office(), office());
    }

    @Test
    void metricsAndHealthDetailsLiveOnTheManagementPortOnly() {
        checks.operationsDataOnlyOnTheManagementPort(managementPort);
    }

    private static TestTokens office() {
        return TestTokens.role("congress-office").congressBody(SuggestionRequests.BODY);
    }
}
