package gov.suggestions.workflow.domain;


import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Value parts of a case kept as JSON lists; shared by requests, responses and storage. */
public final class CaseParts {

    private CaseParts() {
    }

    @Schema(name = "Participant", description = "Someone present at a communication; leaders are flagged (领导参与)")
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Participant(
            @NotBlank @Size(max = Limits.PERSON_NAME) @Schema(examples = "张某") String name,
            @Size(max = Limits.PERSON_TITLE) @Schema(examples = "副局长") String title,
            @com.fasterxml.jackson.databind.annotation.JsonDeserialize(using = StrictBoolean.class)
            @Schema(description = "A unit leader took part (JSON true or false only; absent is false)") boolean leader) {
    }

    @Schema(name = "Commitment", description = "A measure promised in the reply, with its owner and target date (category B)")
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Commitment(
            @NotBlank @Size(max = Limits.MEASURE) @Schema(examples = "年内上线政务数据共享平台二期") String measure,
            @NotBlank @Size(max = Limits.DEPARTMENT) @Schema(examples = "数据资源处") String owner,
            @NotNull @CalendarDate @Schema(examples = "2020-12-31") LocalDate targetDate) {
    }

    @Schema(name = "Contact", description = "A contact person told to the deputy (leader in charge, department head, staff)")
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Contact(
            @NotBlank @Size(max = Limits.PERSON_NAME) @Schema(examples = "李某") String name,
            @Size(max = Limits.PERSON_TITLE) @Schema(examples = "数据资源处处长") String title,
            @NotBlank @Size(max = Limits.PHONE) @Schema(examples = "0755-88100000") String phone) {
    }

    @Schema(name = "DraftChange", description = "One field that differs from the previous version of the draft")
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Change(@Schema(examples = "category", enumeration = { "category", "content", "commitments", "contacts" }) String field,
            Object before, Object after) {
    }
}
