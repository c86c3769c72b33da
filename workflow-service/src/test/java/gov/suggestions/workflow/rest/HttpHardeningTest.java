package gov.suggestions.workflow.rest;

import static io.restassured.RestAssured.given;
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
import io.restassured.http.ContentType;

/**
 * What the HTTP layer answers a hostile or careless client: strict JSON with the field at fault named, no
 * control characters, problem details even from the HTTP server and CORS, answers kept out of caches,
 * tokens bounded in time, operations data only on the management port.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class HttpHardeningTest {

    /** A valid body of POST /api/v1/communications (a symposium for one case). */
    private static final String BODY = """
            {
              "caseIds": ["5b1c6a43-5cf5-4c41-9a8e-8a1d2a3b4c5d"],
              "kind": "SYMPOSIUM",
              "occurredAt": "2020-08-20T15:00:00+08:00",
              "participants": [ { "name": "张某", "title": "副局长", "leader": true } ],
              "summary": "召开座谈会,逐件沟通办理思路",
              "deputyViews": "希望加快进度"
            }
            """;

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
        checks = new HttpLayerChecks(port, reader().sign(), "/api/v1/cases");
    }

    static Stream<Arguments> lenientBodies() {
        return Stream.of(
                Arguments.of("enum by ordinal", (UnaryOperator<String>) json -> json.replace("\"SYMPOSIUM\"", "3"), "kind"),
                Arguments.of("number for a string", (UnaryOperator<String>) json -> json.replace("\"召开座谈会,逐件沟通办理思路\"", "42"), "summary"),
                Arguments.of("number for a boolean", (UnaryOperator<String>) json -> json.replace("\"leader\": true", "\"leader\": 1"), "participants[0].leader"),
                Arguments.of("NUL in text", (UnaryOperator<String>) json -> json.replace("召开座谈会", "召开\\u0000座谈会"), "summary"),
                Arguments.of("NUL in a nested field", (UnaryOperator<String>) json -> json.replace("张某", "张\\u0000某"), "participants[0].name"),
                Arguments.of("escape in text", (UnaryOperator<String>) json -> json.replace("希望加快", "希望\\u001b[31m加快"), "deputyViews"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lenientBodies")
    void aLenientBodyIsRefusedNamingTheField(String name, UnaryOperator<String> edit, String field) {
        given().header("Authorization", "Bearer " + writer().sign()).contentType(ContentType.JSON)
                .body(edit.apply(BODY))
                .when().request("POST", "/api/v1/communications")
                .then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("violations.field", hasItem(field));
    }

    @Test
    void trailingTokensAndDuplicateKeysAreRefused() {
        given().header("Authorization", "Bearer " + writer().sign()).contentType(ContentType.JSON)
                .body(BODY + " {\"x\": 1}").when().request("POST", "/api/v1/communications")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        given().header("Authorization", "Bearer " + writer().sign()).contentType(ContentType.JSON)
                .body(BODY.replaceFirst("\\{", "{ \"kind\": \"PHONE\",")).when().request("POST", "/api/v1/communications")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void aBodyWithoutContentTypeIs415() {
        checks.bodyWithoutContentTypeIs415("POST", "/api/v1/communications", BODY);
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
        checks.httpServerRefusalsAreProblems("/api/v1/communications", 1024L * 1024);
    }

    @Test
    void malformedStandardHeadersAreNot5xx() {
        checks.malformedHeadersAreNot5xx("POST", "/api/v1/communications", BODY);
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
        checks.tokensBoundedInTime(reader(), reader());
    }

    @Test
    void metricsAndHealthDetailsLiveOnTheManagementPortOnly() {
        checks.operationsDataOnlyOnTheManagementPort(managementPort);
    }

    /** A caller who may read /api/v1/cases. */
    private static TestTokens reader() {
        return TestTokens.role("unit-office").unit("U-HARDENING");
    }

    /** A caller who may send the body. */
    private static TestTokens writer() {
        return TestTokens.role("unit-office").unit("U-HARDENING");
    }
}
