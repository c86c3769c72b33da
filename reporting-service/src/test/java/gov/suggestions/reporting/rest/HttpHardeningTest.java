package gov.suggestions.reporting.rest;

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

    /** A valid body of PUT /api/v1/annual-summaries/U-HARDENING/2020 (the draft's header). */
    private static final String BODY = """
            {
              "creditCode": "11440300MB2C92413C",
              "organisationName": "深圳市政务服务数据管理局",
              "classification": "综合政务"
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
        checks = new HttpLayerChecks(port, reader().sign(), "/api/v1/statistics");
    }

    static Stream<Arguments> lenientBodies() {
        return Stream.of(
                Arguments.of("number for a string", (UnaryOperator<String>) json -> json.replace("\"深圳市政务服务数据管理局\"", "12345"), "organisationName"),
                Arguments.of("boolean for a string", (UnaryOperator<String>) json -> json.replace("\"综合政务\"", "false"), "classification"),
                Arguments.of("NUL in text", (UnaryOperator<String>) json -> json.replace("政务服务", "政务\\u0000服务"), "organisationName"),
                Arguments.of("bell in text", (UnaryOperator<String>) json -> json.replace("综合政务", "综合\\u0007政务"), "classification"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lenientBodies")
    void aLenientBodyIsRefusedNamingTheField(String name, UnaryOperator<String> edit, String field) {
        given().header("Authorization", "Bearer " + writer().sign()).contentType(ContentType.JSON)
                .body(edit.apply(BODY))
                .when().request("PUT", "/api/v1/annual-summaries/U-HARDENING/2020")
                .then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("violations.field", hasItem(field));
    }

    @Test
    void trailingTokensAndDuplicateKeysAreRefused() {
        given().header("Authorization", "Bearer " + writer().sign()).contentType(ContentType.JSON)
                .body(BODY + " {\"x\": 1}").when().request("PUT", "/api/v1/annual-summaries/U-HARDENING/2020")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        given().header("Authorization", "Bearer " + writer().sign()).contentType(ContentType.JSON)
                .body(BODY.replaceFirst("\\{", "{ \"classification\": \"x\",")).when().request("PUT", "/api/v1/annual-summaries/U-HARDENING/2020")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void aBodyWithoutContentTypeIs415() {
        checks.bodyWithoutContentTypeIs415("PUT", "/api/v1/annual-summaries/U-HARDENING/2020", BODY);
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
        checks.httpServerRefusalsAreProblems("/api/v1/annual-summaries/U-HARDENING/2020", 1024L * 1024);
    }

    @Test
    void malformedStandardHeadersAreNot5xx() {
        checks.malformedHeadersAreNot5xx("PUT", "/api/v1/annual-summaries/U-HARDENING/2020", BODY);
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

    /** A caller who may read /api/v1/statistics. */
    private static TestTokens reader() {
        return TestTokens.role("congress-office").congressBody("shenzhen-npc");
    }

    /** A caller who may send the body. */
    private static TestTokens writer() {
        return TestTokens.role("unit-office").unit("U-HARDENING");
    }
}
