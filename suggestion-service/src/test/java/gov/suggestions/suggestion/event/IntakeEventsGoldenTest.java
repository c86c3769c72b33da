package gov.suggestions.suggestion.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import gov.suggestions.testsupport.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Pins the published shapes of suggestion.withdrawn.v1, suggestion.linked.v1 and deputy.contact-updated.v1. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
class IntakeEventsGoldenTest {

    @Inject
    ObjectMapper objectMapper;

    @Test
    void withdrawnMatchesTheGoldenFile() throws IOException {
        assertGolden("suggestion.withdrawn.v1", new SuggestionWithdrawnV1(UUID.fromString("0b5d1f0e-6a43-4c55-9d2e-1c9f3a7b8e21"),
                "shenzhen-npc", "20200055", Instant.parse("2020-05-13T02:00:00Z"), "代表申请撤回"));
    }

    @Test
    void deputyContactsMatchTheGoldenFile() throws IOException {
        assertGolden("deputy.contact-updated.v1", new DeputyContactUpdatedV1("shenzhen-npc", "D-0117", "王某某", "福田代表团", "13800000000",
                "wang@example.org", false, Instant.parse("2020-05-12T01:30:00Z")));
    }

    @Test
    void linkedMatchesTheGoldenFile() throws IOException {
        assertGolden("suggestion.linked.v1", new SuggestionLinkedV1(UUID.fromString("0b5d1f0e-6a43-4c55-9d2e-1c9f3a7b8e21"), "shenzhen-npc",
                "20200055", UUID.fromString("3e9a0c52-7d41-4f0b-8a6e-5c2d1b0a9f87"), "20200226", Instant.parse("2020-05-20T02:00:00Z")));
    }

    private void assertGolden(String type, Object event) throws IOException {
        try (InputStream golden = getClass().getResourceAsStream("/events/" + type + ".json")) {
            assertEquals(objectMapper.readTree(golden), objectMapper.readTree(objectMapper.writeValueAsString(event)));
        }
    }
}
