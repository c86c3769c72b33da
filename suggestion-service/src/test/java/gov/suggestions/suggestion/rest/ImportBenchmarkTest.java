package gov.suggestions.suggestion.rest;

import static gov.suggestions.suggestion.rest.SuggestionRequests.BODY;
import static gov.suggestions.suggestion.rest.SuggestionRequests.asOffice;
import static gov.suggestions.suggestion.rest.SuggestionRequests.freshNumber;
import static gov.suggestions.suggestion.rest.SuggestionRequests.registration;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Prints how long 10,000 rows take to import (aim: under 10 s on the 2-core machine). No timed assertion. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@Tag("benchmark")
class ImportBenchmarkTest {

    @Test
    void tenThousandRows() {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            rows.add(registration(freshNumber(), "D-BENCH"));
        }
        String batch = ImportTest.batch(rows);
        String token = TestTokens.role("congress-office").congressBody(BODY).sign();
        long start = System.nanoTime();
        String location = asOffice().body(batch).when().post("/api/v1/suggestion-imports").then().statusCode(202).extract().header("Location");
        await().pollInterval(Duration.ofMillis(100)).atMost(Duration.ofMinutes(3)).untilAsserted(() -> given()
                .header("Authorization", "Bearer " + token).when().get(location).then().statusCode(200).body("state", equalTo("COMPLETED")));
        long millis = (System.nanoTime() - start) / 1_000_000;
        given().header("Authorization", "Bearer " + token).when().get(location).then().body("accepted", equalTo(10_000));
        System.out.printf("BENCHMARK import: 10000 rows (JSON batch, request to job COMPLETED) in %d ms (%.0f rows/s)%n",
                millis, 10_000 * 1000.0 / millis);
    }
}
