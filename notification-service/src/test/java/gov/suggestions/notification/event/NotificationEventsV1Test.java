package gov.suggestions.notification.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import gov.suggestions.notification.support.GreenMailResource;
import gov.suggestions.notification.support.WireMockResource;
import gov.suggestions.testsupport.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Pins the published shapes of notification.sent.v1 and notification.failed.v1: a change needs a v2. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(GreenMailResource.class)
@WithTestResource(WireMockResource.class)
class NotificationEventsV1Test {

    private static final UUID NOTICE = UUID.fromString("3f7e9a52-5d0c-4b8e-8a55-2a4c3c1f9e01");
    private static final UUID SUGGESTION = UUID.fromString("0b5d1f0e-6a43-4c55-9d2e-1c9f3a7b8e21");

    @Inject
    ObjectMapper objectMapper;

    private void assertGolden(String file, Object event) throws IOException {
        try (InputStream golden = getClass().getResourceAsStream("/events/" + file)) {
            assertEquals(objectMapper.readTree(golden), objectMapper.readTree(objectMapper.writeValueAsString(event)));
        }
    }

    @Test
    void sentMatchesTheGoldenFile() throws IOException {
        assertGolden("notification.sent.v1.json", new NotificationSentV1(NOTICE, "8d2c7b1a-0f3e-4e5d-9c6b-5a4f3e2d1c0b",
                "case.overdue.v1", SUGGESTION, UUID.fromString("6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"), "shenzhen-npc", "sz-zsj",
                "STAFF", "7c1d2c7e-2b7a-4e59-9d0a-0e9a5d2f4b11", "EMAIL", 2, Instant.parse("2020-08-21T01:00:05Z")));
    }

    @Test
    void failedMatchesTheGoldenFile() throws IOException {
        assertGolden("notification.failed.v1.json", new NotificationFailedV1(NOTICE, "8d2c7b1a-0f3e-4e5d-9c6b-5a4f3e2d1c0b",
                "suggestion.assigned.v1", SUGGESTION, null, "shenzhen-npc", null, "DEPUTY", "D-0117", "SMS", 6,
                "gave up after 6 attempts: IllegalStateException: SMS gateway answered HTTP 503", Instant.parse("2020-05-20T03:10:00Z")));
    }
}
