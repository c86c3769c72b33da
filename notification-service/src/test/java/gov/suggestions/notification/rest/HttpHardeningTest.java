package gov.suggestions.notification.rest;

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

import gov.suggestions.notification.support.GreenMailResource;
import gov.suggestions.notification.support.WireMockResource;
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
@WithTestResource(GreenMailResource.class)
@WithTestResource(WireMockResource.class)
class HttpHardeningTest {

    /** A valid body of POST /api/v1/notification-rules (a rule). */
    private static final String BODY = """
            {
              "eventType": "case.overdue.v1",
              "audience": "UNIT_OFFICE",
              "channels": ["EMAIL", "INBOX"],
              "template": "staff-overdue",
              "enabled": true
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
        checks = new HttpLayerChecks(port, reader().sign(), "/api/v1/inbox");
    }

    static Stream<Arguments> lenientBodies() {
        return Stream.of(
                Arguments.of("enum by ordinal", (UnaryOperator<String>) json -> json.replace("\"UNIT_OFFICE\"", "2"), "audience"),
                Arguments.of("enum by ordinal in a list", (UnaryOperator<String>) json -> json.replace("\"EMAIL\"", "0"), "channels[0]"),
                Arguments.of("number for a boolean", (UnaryOperator<String>) json -> json.replace("\"enabled\": true", "\"enabled\": 1"), "enabled"),
                Arguments.of("string for a boolean", (UnaryOperator<String>) json -> json.replace("\"enabled\": true", "\"enabled\": \"true\""), "enabled"),
                Arguments.of("number for a string", (UnaryOperator<String>) json -> json.replace("\"staff-overdue\"", "7"), "template"),
                Arguments.of("NUL in text", (UnaryOperator<String>) json -> json.replace("staff-overdue", "staff\\u0000overdue"), "template"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lenientBodies")
    void aLenientBodyIsRefusedNamingTheField(String name, UnaryOperator<String> edit, String field) {
        given().header("Authorization", "Bearer " + writer().sign()).contentType(ContentType.JSON)
                .body(edit.apply(BODY))
                .when().request("POST", "/api/v1/notification-rules")
                .then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("violations.field", hasItem(field));
    }

    @Test
    void trailingTokensAndDuplicateKeysAreRefused() {
        given().header("Authorization", "Bearer " + writer().sign()).contentType(ContentType.JSON)
                .body(BODY + " {\"x\": 1}").when().request("POST", "/api/v1/notification-rules")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        given().header("Authorization", "Bearer " + writer().sign()).contentType(ContentType.JSON)
                .body(BODY.replaceFirst("\\{", "{ \"enabled\": false,")).when().request("POST", "/api/v1/notification-rules")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void aBodyWithoutContentTypeIs415() {
        checks.bodyWithoutContentTypeIs415("POST", "/api/v1/notification-rules", BODY);
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
        checks.httpServerRefusalsAreProblems("/api/v1/notification-rules", 1024L * 1024);
    }

    @Test
    void malformedStandardHeadersAreNot5xx() {
        checks.malformedHeadersAreNot5xx("POST", "/api/v1/notification-rules", BODY);
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

    /** A caller who may read /api/v1/inbox. */
    private static TestTokens reader() {
        return TestTokens.role("unit-office").unit("U-HARDENING").subject("hardening-office");
    }

    /** A caller who may send the body. */
    private static TestTokens writer() {
        return TestTokens.role("system");
    }
}
