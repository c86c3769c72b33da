package gov.suggestions.suggestion.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import gov.suggestions.testsupport.HostileInputs;
import gov.suggestions.testsupport.KafkaBrokerResource;
import gov.suggestions.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every operation of the document, attacked in every parameter and body field: nothing answers 5xx, every error is a problem. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class HostileInputTest {

    @Test
    void noHostileInputGets5xxAndEveryErrorIsAProblem() {
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("system", TestTokens.role("system").sign());
        callers.put("congress-office", TestTokens.role("congress-office").congressBody(SuggestionRequests.BODY).sign());
        callers.put("deputy", TestTokens.role("deputy").congressBody(SuggestionRequests.BODY).deputy("D-0117").sign());
        callers.put("unit-office", TestTokens.role("unit-office").unit("sz-zsj").sign());
        HostileInputs.Figures figures = new HostileInputs("suggestion-service", callers).run();
        assertTrue(figures.requests() >= 300, "at least 300 hostile requests, sent " + figures.requests());
        assertEquals(java.util.List.of(), figures.failures());
    }
}
