package gov.suggestions.suggestion.rest;

import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import gov.suggestions.suggestion.domain.CaseProgress;
import gov.suggestions.suggestion.domain.Limits;
import gov.suggestions.suggestion.domain.Priority;
import gov.suggestions.suggestion.domain.RankedSuggestion;
import gov.suggestions.suggestion.domain.Suggestion;
import gov.suggestions.suggestion.domain.SuggestionLink;
import gov.suggestions.suggestion.domain.SuggestionKind;
import gov.suggestions.suggestion.domain.SuggestionState;
import gov.suggestions.suggestion.domain.SupervisionLevel;
import gov.suggestions.suggestion.domain.UnitAssignment;
import gov.suggestions.suggestion.domain.UnitRole;

@Schema(name = "Suggestion")
public record SuggestionResponse(
        UUID id,
        @Schema(maxLength = Limits.CODE) String congressBody,
        @Schema(maxLength = Limits.NUMBER) String number,
        SuggestionKind kind,
        @Schema(maxLength = Limits.TITLE) String title,
        @Schema(maxLength = Limits.BODY) String body,
        // the type-use @Size only documents the items' bound (the registration validated it); answers are not validated
        @Schema(maxItems = Limits.TOPICS) List<@Size(max = Limits.TOPIC) String> topics,
        @Schema(maxLength = Limits.SUBJECT_CATEGORY) String subjectCategory,
        DeputyReference leadDeputy,
        @Schema(description = "Co-signers (附议)", maxItems = Limits.CO_SIGNERS) List<DeputyReference> coSigners,
        @Schema(minimum = "1", maximum = "" + Limits.TERM) int term,
        @Schema(minimum = "1", maximum = "" + Limits.TERM) int session,
        @Schema(minimum = "" + Limits.FIRST_YEAR, maximum = "" + Limits.LAST_YEAR) int year,
        LocalDate submittedOn,
        SupervisionLevel supervisionLevel,
        Priority priority,
        SuggestionState state,
        @Schema(description = "Date of assignment (交办), once assigned") LocalDate assignedOn,
        @Schema(description = "Handling units with role and deadline, once assigned", maxItems = Limits.UNITS) List<AssignedUnit> units,
        @Schema(description = "When it was registered, Asia/Shanghai") OffsetDateTime registeredAt,
        @Schema(description = "Each unit's case as workflow-service last reported it (at most " + Limits.CASES + ", by unit code)",
                maxItems = Limits.CASES) List<CaseState> caseProgress,
        @Schema(description = "Suggestions linked to this one to be handled together (并案)", maxItems = Limits.LINKS)
        List<LinkedSuggestion> linkedSuggestions,
        @Schema(description = "On registration only: the most similar earlier suggestions of the congress body (this and the previous year), best first",
                maxItems = Limits.SIMILAR_ON_REGISTRATION)
        List<SimilarSuggestion> similar,
        @Schema(description = "Version for optimistic concurrency; also sent as the ETag", minimum = "0", maximum = Limits.LONG_MAX) long version) {

    @Schema(name = "CaseProgress", description = "One unit's case on the suggestion")
    public record CaseState(UUID caseId,
            @Schema(maxLength = Limits.CODE) String unitCode,
            @Schema(description = "The unit's role as workflow-service reports it (SOLE, LEAD, SEPARATE, JOINT)", maxLength = Limits.CASE_ROLE)
            String role,
            @Schema(description = "ASSIGNED, DISTRIBUTED, COMMUNICATING, DRAFTING, UNDER_REVIEW, REPLIED, EVALUATED, REHANDLING, "
                    + "OPINION_SENT, CONCLUDED, CLOSED_BY_REASSIGNMENT", maxLength = Limits.CASE_STATE) String state,
            OffsetDateTime since) {

        static CaseState of(CaseProgress p) {
            return new CaseState(p.caseId, p.unitCode, p.role, p.state, p.occurredAt.atZone(ZONE).toOffsetDateTime());
        }
    }

    @Schema(name = "LinkedSuggestion")
    public record LinkedSuggestion(UUID id, @Schema(maxLength = Limits.NUMBER) String number, @Schema(maxLength = Limits.TITLE) String title) {
    }

    @Schema(name = "SimilarSuggestion")
    public record SimilarSuggestion(UUID id, @Schema(maxLength = Limits.NUMBER) String number, @Schema(maxLength = Limits.TITLE) String title,
            @Schema(minimum = "" + Limits.FIRST_YEAR, maximum = "" + Limits.LAST_YEAR) int year,
            @Schema(description = "ts_rank score; higher is more similar") double score) {

        static SimilarSuggestion of(RankedSuggestion s) {
            return new SimilarSuggestion(s.id(), s.number(), s.title(), s.year(), s.score());
        }
    }

    /** Without case progress nor links: as answered by the state changes of the intake. */
    public static SuggestionResponse of(Suggestion s) {
        return of(s, List.of(), List.of(), null);
    }

    public static SuggestionResponse of(Suggestion s, List<CaseProgress> progress, List<SuggestionLink> links,
            List<RankedSuggestion> similar) {
        return build(s, progress, links.stream().filter(l -> l.suggestionId().equals(s.id)).limit(Limits.LINKS)
                .map(l -> new LinkedSuggestion(l.linkedId(), l.number(), l.title())).toList(),
                similar == null ? null : similar.stream().map(SimilarSuggestion::of).toList());
    }

    @Schema(name = "AssignedUnit")
    public record AssignedUnit(@Schema(maxLength = Limits.CODE) String unitCode, @Schema(maxLength = Limits.NAME) String unitName,
            UnitRole role, LocalDate assignedOn,
            @Schema(description = "For SOLE, LEAD, SEPARATE") LocalDate replyDue,
            @Schema(description = "For JOINT") LocalDate jointOpinionDue) {

        static AssignedUnit of(UnitAssignment u) {
            return new AssignedUnit(u.unitCode, u.unitName, u.role, u.assignedOn, u.replyDue, u.jointOpinionDue);
        }
    }

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static SuggestionResponse build(Suggestion s, List<CaseProgress> progress, List<LinkedSuggestion> linked,
            List<SimilarSuggestion> similar) {
        return new SuggestionResponse(s.id, s.congressBody, s.number, s.kind, s.title, s.body,
                List.copyOf(s.topics), s.subjectCategory,
                new DeputyReference(s.leadDeputyId, s.leadDeputyName, s.leadDeputyDelegation),
                s.coSigners.stream().map(c -> new DeputyReference(c.deputyId, c.name, c.delegation)).toList(),
                s.term, s.session, s.year, s.submittedOn, s.supervisionLevel, s.priority, s.state,
                s.assignedOn, s.units.stream().map(AssignedUnit::of).toList(),
                s.registeredAt.atZone(ZONE).toOffsetDateTime(),
                progress.stream().filter(p -> p.suggestionId.equals(s.id)).limit(Limits.CASES).map(CaseState::of).toList(), linked, similar,
                s.version);
    }
}
