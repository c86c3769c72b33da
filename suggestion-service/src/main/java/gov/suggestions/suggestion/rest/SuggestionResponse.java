package gov.suggestions.suggestion.rest;

import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import gov.suggestions.suggestion.domain.CaseProgress;
import gov.suggestions.suggestion.domain.Priority;
import gov.suggestions.suggestion.domain.Suggestion;
import gov.suggestions.suggestion.domain.SuggestionKind;
import gov.suggestions.suggestion.domain.SuggestionState;
import gov.suggestions.suggestion.domain.SupervisionLevel;
import gov.suggestions.suggestion.domain.UnitAssignment;
import gov.suggestions.suggestion.domain.UnitRole;
import gov.suggestions.suggestion.repository.SimilarityRepository;

@Schema(name = "Suggestion")
public record SuggestionResponse(
        UUID id,
        String congressBody,
        String number,
        SuggestionKind kind,
        String title,
        String body,
        List<String> topics,
        String subjectCategory,
        DeputyReference leadDeputy,
        @Schema(description = "Co-signers (附议)") List<DeputyReference> coSigners,
        int term,
        int session,
        int year,
        LocalDate submittedOn,
        SupervisionLevel supervisionLevel,
        Priority priority,
        SuggestionState state,
        @Schema(description = "Date of assignment (交办), once assigned") LocalDate assignedOn,
        @Schema(description = "Handling units with role and deadline, once assigned") List<AssignedUnit> units,
        @Schema(description = "When it was registered, Asia/Shanghai") OffsetDateTime registeredAt,
        @Schema(description = "Each unit's case as workflow-service last reported it") List<CaseState> caseProgress,
        @Schema(description = "Suggestions linked to this one to be handled together (并案)") List<LinkedSuggestion> linkedSuggestions,
        @Schema(description = "On registration only: the most similar earlier suggestions of the congress body (this and the previous year), best first")
        List<SimilarSuggestion> similar,
        @Schema(description = "Version for optimistic concurrency; also sent as the ETag") long version) {

    @Schema(name = "CaseProgress", description = "One unit's case on the suggestion")
    public record CaseState(UUID caseId, String unitCode, String role,
            @Schema(description = "ASSIGNED, DISTRIBUTED, COMMUNICATING, DRAFTING, UNDER_REVIEW, REPLIED, EVALUATED, REHANDLING, "
                    + "OPINION_SENT, CONCLUDED, CLOSED_BY_REASSIGNMENT") String state,
            OffsetDateTime since) {

        static CaseState of(CaseProgress p) {
            return new CaseState(p.caseId, p.unitCode, p.role, p.state, p.occurredAt.atZone(ZONE).toOffsetDateTime());
        }
    }

    @Schema(name = "LinkedSuggestion")
    public record LinkedSuggestion(UUID id, String number, String title) {
    }

    @Schema(name = "SimilarSuggestion")
    public record SimilarSuggestion(UUID id, String number, String title, int year,
            @Schema(description = "ts_rank score; higher is more similar") double score) {

        static SimilarSuggestion of(SimilarityRepository.Similar s) {
            return new SimilarSuggestion(s.id(), s.number(), s.title(), s.year(), s.score());
        }
    }

    /** Without case progress nor links: as answered by the state changes of the intake. */
    public static SuggestionResponse of(Suggestion s) {
        return of(s, List.of(), List.of(), null);
    }

    public static SuggestionResponse of(Suggestion s, List<CaseProgress> progress, List<SimilarityRepository.Linked> links,
            List<SimilarityRepository.Similar> similar) {
        return build(s, progress, links.stream().filter(l -> l.suggestionId().equals(s.id))
                .map(l -> new LinkedSuggestion(l.linkedId(), l.number(), l.title())).toList(),
                similar == null ? null : similar.stream().map(SimilarSuggestion::of).toList());
    }

    @Schema(name = "AssignedUnit")
    public record AssignedUnit(String unitCode, String unitName, UnitRole role, LocalDate assignedOn,
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
                progress.stream().filter(p -> p.suggestionId.equals(s.id)).map(CaseState::of).toList(), linked, similar, s.version);
    }
}
