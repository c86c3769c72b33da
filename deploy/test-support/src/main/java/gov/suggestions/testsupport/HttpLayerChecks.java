package gov.suggestions.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * What every service's HTTP layer answers a hostile or careless client, checked the same way in each
 * service: problem details even from the HTTP server and CORS, no control characters in the path, query
 * or headers, a body only with its media type, answers kept out of caches and sniffers, tokens bounded in
 * time, and health and metrics only on the management port. Each service's test names its own paths.
 */
public final class HttpLayerChecks {

    public static final String PROBLEM = "application/problem+json";

    private final int port;
    private final String token;
    private final String listPath;

    /**
     * @param port the API's test port
     * @param token a valid token of a caller who may read {@code listPath}
     * @param listPath a GET operation that answers 200 to that caller
     */
    public HttpLayerChecks(int port, String token, String listPath) {
        this.port = port;
        this.token = token;
        this.listPath = listPath;
    }

    /** 414, 431 and 413 between the API's limits and the server's: problem details, not the server's empty answer. */
    public void httpServerRefusalsAreProblems(String postPath, long maxBodyBytes) {
        Raw tooLong = raw("GET " + listPath + "?q=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n", new byte[0]);
        assertEquals(414, tooLong.status(), tooLong.text());
        assertTrue(tooLong.isProblem(), tooLong.text());

        Raw bigHeaders = raw("GET " + listPath + " HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "a".repeat(40_000) + "\r\n\r\n", new byte[0]);
        assertEquals(431, bigHeaders.status(), bigHeaders.text());
        assertTrue(bigHeaders.isProblem(), bigHeaders.text());

        Response tooBig = given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(new byte[(int) maxBodyBytes + 1]).when().post(postPath);
        assertEquals(413, tooBig.statusCode(), tooBig.asString());
        assertEquals(PROBLEM, tooBig.contentType());
    }

    /** A path no operation serves, or a method an operation does not take: problem details like any other refusal. */
    public void unknownPathsAndMethodsAreProblems() {
        given().header("Authorization", "Bearer " + token).when().get("/api/v1/no-such-resource")
                .then().statusCode(404).contentType(PROBLEM);
        given().when().get("/no-such-page")
                .then().statusCode(404).contentType(PROBLEM);
        given().header("Authorization", "Bearer " + token).when().patch(listPath)
                .then().statusCode(405).contentType(PROBLEM);
    }

    /** Malformed standard headers: answered (a refusal or the page), never a 5xx. */
    public void malformedHeadersAreNot5xx(String method, String path, String body) {
        for (String language : List.of(";;;,,=q=abc", "en;q=2", "*;q=x", "zh-CN-" + "x".repeat(500))) {
            int status = given().header("Authorization", "Bearer " + token).header("Accept-Language", language).when().get(listPath).statusCode();
            assertTrue(status < 500, "Accept-Language " + language + " answered " + status);
        }
        for (String accept : List.of("garbage/", "*/*;q=abc", "application/xml")) {
            Response answer = given().header("Authorization", "Bearer " + token).header("Accept", accept).when().get(listPath);
            assertTrue(answer.statusCode() < 500, "Accept " + accept + " answered " + answer.statusCode());
        }
        for (String type : List.of("application/json; charset=nonsense", "application/json; charset=UTF-16", "text/plain", "application/xml")) {
            Response answer = given().header("Authorization", "Bearer " + token).contentType(type).body(body.getBytes(StandardCharsets.UTF_8))
                    .when().request(method, path);
            assertTrue(answer.statusCode() < 500, "Content-Type " + type + " answered " + answer.statusCode() + ": " + answer.asString());
            if (answer.statusCode() >= 400) {
                assertEquals(PROBLEM, answer.contentType(), "Content-Type " + type);
            }
        }
    }

    /**
     * With a bucket of {@code burst} requests (and hardly any refill), the caller of this checker's token gets 200 with
     * {@code RateLimit-*} headers that many times, then 429 problem details with {@code Retry-After}; the same subject in
     * another tenant, and another subject in the same tenant, are other callers and go on.
     */
    public void callerLimitHolds(int burst, TestTokens sameSubjectOtherTenant, TestTokens otherSubjectSameTenant) {
        for (int i = 0; i < burst; i++) {
            given().auth().oauth2(token).when().get(listPath)
                    .then().statusCode(200)
                    .header("RateLimit-Limit", Integer.toString(burst))
                    .header("RateLimit-Remaining", org.hamcrest.Matchers.notNullValue())
                    .header("RateLimit-Reset", org.hamcrest.Matchers.notNullValue());
        }
        given().auth().oauth2(token).when().get(listPath)
                .then().statusCode(429)
                .contentType(PROBLEM)
                .body("status", equalTo(429))
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .header("RateLimit-Remaining", "0");
        given().auth().oauth2(sameSubjectOtherTenant.sign()).when().get(listPath).then().statusCode(200);
        given().auth().oauth2(otherSubjectSameTenant.sign()).when().get(listPath).then().statusCode(200);
    }

    /** A browser request from an origin the deployment does not allow: 403 as problem details, also for a preflight. */
    public void disallowedOriginIsAProblem() {
        given().header("Authorization", "Bearer " + token).header("Origin", "https://attacker.example")
                .when().get(listPath)
                .then().statusCode(403).contentType(PROBLEM).body("status", equalTo(403));
        given().header("Origin", "https://attacker.example").header("Access-Control-Request-Method", "POST")
                .when().options(listPath)
                .then().statusCode(403).contentType(PROBLEM);
    }

    /** NUL and other controls in a path segment, a query parameter's name or value, or a header: 400 naming it. */
    public void controlCharactersAreRefused() {
        given().header("Authorization", "Bearer " + token).urlEncodingEnabled(false)
                .when().get(listPath + "?q=a%00b")
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("q"));
        given().header("Authorization", "Bearer " + token).urlEncodingEnabled(false)
                .when().get(listPath + "?q%01=x")
                .then().statusCode(400).contentType(PROBLEM);
        given().header("Authorization", "Bearer " + token).urlEncodingEnabled(false)
                .when().get(listPath + "/a%00b")
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("path"));
        // the HTTP codec refuses C0 controls and DEL in headers itself; a C1 control reaches the service
        Raw header = raw("GET " + listPath + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                + "\r\nX-Client-Note: a\u0085b\r\n\r\n", new byte[0]);
        assertEquals(400, header.status(), header.text());
        assertTrue(header.isProblem() && header.text().contains("\"X-Client-Note\""), header.text());
    }

    /** A body sent without Content-Type is not guessed to be JSON. */
    public void bodyWithoutContentTypeIs415(String method, String path, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Raw answer = raw(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                + "\r\nContent-Length: " + bytes.length + "\r\n\r\n", bytes);
        assertEquals(415, answer.status(), answer.text());
        assertTrue(answer.isProblem() && answer.text().contains("\"Content-Type\""), answer.text());
    }

    /** Answers with case content or personal data, and refusals, are neither cached nor sniffed. */
    public void answersAreNotCachedNorSniffed() {
        given().header("Authorization", "Bearer " + token).when().get(listPath)
                .then().statusCode(200).header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff");
        given().when().get(listPath)
                .then().statusCode(401).contentType(PROBLEM).header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff");
    }

    /** A token valid for a century, or issued tomorrow, is refused like an expired one. */
    public void tokensBoundedInTime(TestTokens longLived, TestTokens fromTomorrow) {
        given().header("Authorization", "Bearer " + longLived.validForSeconds(100L * 365 * 24 * 3600).sign())
                .when().get(listPath).then().statusCode(401).contentType(PROBLEM);
        given().header("Authorization", "Bearer " + fromTomorrow.issuedAt(Instant.now().plusSeconds(24 * 3600)).sign())
                .when().get(listPath).then().statusCode(401).contentType(PROBLEM);
    }

    /** Health details and metrics only on the management port; the contract and Swagger UI stay on the API port. */
    public void operationsDataOnlyOnTheManagementPort(int managementPort) {
        given().when().get("/q/metrics").then().statusCode(404);
        given().when().get("/q/health/ready").then().statusCode(404);
        given().port(managementPort).when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().port(managementPort).when().get("/q/metrics").then().statusCode(200).body(startsWith("#"));
        given().when().get("/q/openapi").then().statusCode(200);
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    public record Raw(int status, String text) {

        public boolean isProblem() {
            return text.toLowerCase(java.util.Locale.ROOT).contains("content-type: " + PROBLEM);
        }
    }

    /** A request written byte for byte, for what an HTTP client library would refuse to send. */
    public Raw raw(String head, byte[] body) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int read;
            try {
                while ((read = in.read(buffer)) > 0) {
                    answer.write(buffer, 0, read);
                    String sofar = answer.toString(StandardCharsets.UTF_8);
                    if (sofar.contains("\r\n\r\n") && (sofar.endsWith("}") || sofar.contains("content-length: 0"))) {
                        break;
                    }
                }
            } catch (SocketTimeoutException | SocketException e) {
                // the server may close the connection after answering
            }
            String text = answer.toString(StandardCharsets.UTF_8);
            int status = text.matches("(?s)HTTP/1\\.[01] \\d{3}.*") ? Integer.parseInt(text.substring(9, 12)) : -1;
            return new Raw(status, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
