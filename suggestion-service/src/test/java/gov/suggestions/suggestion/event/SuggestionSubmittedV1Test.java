package gov.suggestions.suggestion.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import gov.suggestions.testsupport.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Pins the published shape of suggestion.submitted.v1: consumers rely on it; a change needs a v2. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class SuggestionSubmittedV1Test {

    @Inject
    ObjectMapper objectMapper;

    @Test
    void dataMatchesTheGoldenFile() throws IOException {
        SuggestionSubmittedV1 event = new SuggestionSubmittedV1(
                UUID.fromString("0b5d1f0e-6a43-4c55-9d2e-1c9f3a7b8e21"), "shenzhen-npc", "20200055", "SUGGESTION",
                "关于加快推进政务数据共享的建议", new SuggestionSubmittedV1.Deputy("D-0117", "王某某", "福田代表团"),
                6, 8, 2020, LocalDate.of(2020, 5, 10), Instant.parse("2020-05-12T01:30:00Z"), null); // live: no imported flag

        JsonNode written = objectMapper.readTree(objectMapper.writeValueAsString(event));
        try (InputStream golden = getClass().getResourceAsStream("/events/suggestion.submitted.v1.json")) {
            assertEquals(objectMapper.readTree(golden), written);
        }
    }
}
