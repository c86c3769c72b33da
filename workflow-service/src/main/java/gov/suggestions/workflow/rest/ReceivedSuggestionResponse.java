package gov.suggestions.workflow.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import gov.suggestions.workflow.domain.ReceivedSuggestion;
import gov.suggestions.workflow.domain.Limits;

@Schema(name = "ReceivedSuggestion", description = "A suggestion as workflow-service received it from suggestion-service's events")
public record ReceivedSuggestionResponse(
        UUID suggestionId,
        @Schema(maxLength = Limits.CONGRESS_BODY) String congressBody,
        @Schema(maxLength = Limits.NUMBER) String number,
        @Schema(maxLength = Limits.KIND) String kind,
        @Schema(maxLength = Limits.TITLE) String title,
        Deputy leadDeputy,
        @Schema(minimum = "" + Limits.MIN_TERM, maximum = "" + Limits.MAX_TERM) int term,
        @Schema(minimum = "" + Limits.MIN_TERM, maximum = "" + Limits.MAX_TERM) int session,
        @Schema(minimum = "" + Limits.MIN_YEAR, maximum = "" + Limits.MAX_YEAR) int year,
        LocalDate submittedOn,
        @Schema(description = "CloudEvent id of suggestion.submitted.v1 that brought it", maxLength = Limits.EVENT_ID) String sourceEventId,
        @Schema(description = "When this service processed that event, Asia/Shanghai") OffsetDateTime receivedAt) {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Schema(name = "ReceivedDeputy")
    public record Deputy(@Schema(maxLength = Limits.DEPUTY_ID) String id, @Schema(maxLength = Limits.DEPUTY_NAME) String name) {
    }

    public static ReceivedSuggestionResponse of(ReceivedSuggestion s) {
        return new ReceivedSuggestionResponse(s.suggestionId, s.congressBody, s.number, s.kind, s.title,
                new Deputy(s.leadDeputyId, s.leadDeputyName), s.term, s.session, s.year, s.submittedOn,
                s.sourceEventId, s.receivedAt.atZone(ZONE).toOffsetDateTime());
    }
}
