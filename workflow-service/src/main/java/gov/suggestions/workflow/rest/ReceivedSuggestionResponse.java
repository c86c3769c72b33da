package gov.suggestions.workflow.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import gov.suggestions.workflow.domain.ReceivedSuggestion;

@Schema(name = "ReceivedSuggestion", description = "A suggestion as workflow-service received it from suggestion-service's events")
public record ReceivedSuggestionResponse(
        UUID suggestionId,
        String congressBody,
        String number,
        String kind,
        String title,
        Deputy leadDeputy,
        int term,
        int session,
        int year,
        LocalDate submittedOn,
        @Schema(description = "CloudEvent id of suggestion.submitted.v1 that brought it") String sourceEventId,
        @Schema(description = "When this service processed that event, Asia/Shanghai") OffsetDateTime receivedAt) {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Schema(name = "ReceivedDeputy")
    public record Deputy(String id, String name) {
    }

    public static ReceivedSuggestionResponse of(ReceivedSuggestion s) {
        return new ReceivedSuggestionResponse(s.suggestionId, s.congressBody, s.number, s.kind, s.title,
                new Deputy(s.leadDeputyId, s.leadDeputyName), s.term, s.session, s.year, s.submittedOn,
                s.sourceEventId, s.receivedAt.atZone(ZONE).toOffsetDateTime());
    }
}
