package gov.suggestions.suggestion.rest;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import gov.suggestions.suggestion.domain.CoSigner;
import gov.suggestions.suggestion.domain.Limits;
import gov.suggestions.suggestion.domain.Priority;
import gov.suggestions.suggestion.domain.SuggestionKind;
import gov.suggestions.suggestion.domain.SupervisionLevel;
import gov.suggestions.suggestion.service.RegisterSuggestion;

@Schema(name = "RegisterSuggestionRequest", description = "A suggestion (建议) or proposal (提案) as submitted in a session")
public record RegisterSuggestionRequest(
        @Schema(description = "Code of the congress body (or CPPCC committee) the suggestion was submitted to", examples = "shenzhen-npc")
        @NotBlank @Size(max = Limits.CODE) @Pattern(regexp = "[a-z0-9][a-z0-9-]*") String congressBody,
        @Schema(description = "Number, unique within the congress body", examples = "20200041")
        @NotBlank @Size(max = Limits.NUMBER) @Pattern(regexp = "[0-9A-Za-z-]+") String number,
        @Schema(description = "SUGGESTION (代表建议) or PROPOSAL (政协提案)") @NotNull SuggestionKind kind,
        @Schema(examples = "关于推进政务数据共享的建议") @NotBlank @Size(max = Limits.TITLE) String title,
        @Schema(description = "Full text") @NotBlank @Size(max = Limits.BODY) String body,
        @Schema(description = "The lead deputy (领衔代表)") @NotNull @Valid DeputyReference leadDeputy,
        @Schema(description = "Term of the congress (第六届 → 6)", examples = "6") @NotNull @Min(1) @Max(Limits.TERM) Integer term,
        @Schema(description = "Session within the term (第八次会议 → 8)", examples = "8") @NotNull @Min(1) @Max(Limits.TERM) Integer session,
        @Schema(examples = "2020") @NotNull @Min(Limits.FIRST_YEAR) @Max(Limits.LAST_YEAR) Integer year,
        @Schema(description = "Submission date; today (Asia/Shanghai) when omitted", examples = "2020-05-10") @PastOrPresent LocalDate submittedOn,
        @Schema(description = "Topics / keywords (主题词)", examples = "[\"数字政府\", \"政务数据共享\"]")
        @Size(max = Limits.TOPICS) List<@NotBlank @Size(max = Limits.TOPIC) String> topics,
        @Schema(description = "Subject category (分类)", examples = "政务服务") @Size(max = Limits.SUBJECT_CATEGORY) String subjectCategory,
        @Schema(description = "Co-signers (附议代表)") @Size(max = Limits.CO_SIGNERS) List<@NotNull @Valid DeputyReference> coSigners,
        @Schema(description = "ORDINARY when omitted; key supervised (重点督办) by the standing committee or the government")
        SupervisionLevel supervisionLevel,
        @Schema(description = "ORDINARY when omitted") Priority priority) {

    public RegisterSuggestion toCommand(LocalDate today) {
        return new RegisterSuggestion(congressBody, number, kind, title, body, leadDeputy.id(), leadDeputy.name(),
                leadDeputy.delegation(), term, session, year, submittedOn == null ? today : submittedOn,
                topics == null ? List.of() : List.copyOf(topics), subjectCategory,
                coSigners == null ? List.of() : coSigners.stream().map(d -> new CoSigner(d.id(), d.name(), d.delegation())).toList(),
                supervisionLevel == null ? SupervisionLevel.ORDINARY : supervisionLevel,
                priority == null ? Priority.ORDINARY : priority);
    }
}
