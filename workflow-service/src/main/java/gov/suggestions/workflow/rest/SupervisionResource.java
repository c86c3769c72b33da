package gov.suggestions.workflow.rest;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.suggestions.workflow.domain.CalendarDate;
import gov.suggestions.workflow.domain.HandlingCase;
import gov.suggestions.workflow.service.Caller;
import gov.suggestions.workflow.domain.Limits;
import gov.suggestions.workflow.service.Supervision;

@Path("/api/v1/supervision")
@Tag(name = "Supervision", description = "督办、催办: lists for supervisors and chasing a case by hand; reminders and overdue marks are sent by a scheduled job")
@Produces(MediaType.APPLICATION_JSON)
public class SupervisionResource {

    @Schema(name = "ExtensionRequestCreate", description = "延期申请: a later deadline and why")
    public record ExtensionCreate(@NotNull @gov.suggestions.workflow.domain.CalendarDate @Schema(examples = "2020-09-20") LocalDate requestedDueOn,
            @NotBlank @Size(max = Limits.TEXT) @Schema(examples = "需等待市级数据共享平台升级完成") String reason) {
    }

    @Schema(name = "ExtensionDecision", description = "The congress office's decision on an extension request")
    public record ExtensionDecision(@NotNull @Pattern(regexp = "APPROVE|REJECT") @Schema(examples = "APPROVE", enumeration = { "APPROVE", "REJECT" }) String decision,
            @Size(max = Limits.TEXT) @Schema(examples = "同意延期") String comment) {
    }

    @Schema(name = "ExtensionRequest")
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record ExtensionView(UUID id, UUID caseId, LocalDate currentDueOn, LocalDate requestedDueOn,
            @Schema(maxLength = Limits.TEXT) String reason,
            @Schema(enumeration = { gov.suggestions.workflow.domain.ExtensionRequest.PENDING, gov.suggestions.workflow.domain.ExtensionRequest.APPROVED,
                    gov.suggestions.workflow.domain.ExtensionRequest.REJECTED }) String status,
            @Schema(maxLength = Limits.SUBJECT) String requestedBy, java.time.OffsetDateTime requestedAt,
            @Schema(maxLength = Limits.SUBJECT) String decidedBy, @Schema(maxLength = Limits.TEXT) String decisionComment) {
        static ExtensionView of(gov.suggestions.workflow.domain.ExtensionRequest r) {
            return new ExtensionView(r.id, r.caseId, r.currentDueOn, r.requestedDueOn, r.reason, r.status, r.requestedBy,
                    CaseResponses.at(r.requestedAt), r.decidedBy, r.decisionComment);
        }
    }

    @Schema(name = "Chase", description = "催办: a request to the unit to move on with the case")
    public record ChaseRequest(@NotBlank @Size(max = Limits.TEXT) @Schema(examples = "请于本周内报送答复稿") String comment) {
    }

    static final int DUE_SOON_DAYS = 15;

    private final Supervision supervision;
    private final CallerFactory callers;

    public SupervisionResource(Supervision supervision, CallerFactory callers) {
        this.supervision = supervision;
        this.callers = callers;
    }

    @GET
    @Path("cases")
    @RolesAllowed({ Caller.CONGRESS_OFFICE, Caller.GOV_SUPERVISOR, Caller.UNIT_OFFICE, Caller.UNIT_LEADER })
    @Operation(summary = "Supervision lists", description = "Cases due within 15 days, overdue, returned in review, or awaiting the deputy's evaluation; by unit and by leader in charge (name or person id). Narrowed to the caller's congress body or unit.")
    @APIResponse(responseCode = "200", description = "A page of cases", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CaseResponses.CasePage.class), examples = @ExampleObject(name = "overdue", value = """
                    { "items": [ { "id": "7a1c2e4f-0b9d-4c1e-8f5a-2d3b4c5e6f70", "suggestionId": "0b5d1f0e-6a43-4c55-9d2e-1c9f3a7b8e21",
                      "number": "20200055", "title": "关于加快推进政务数据共享的建议", "unitCode": "sz-zsj", "role": "SOLE",
                      "state": "DRAFTING", "dueOn": "2020-08-20", "round": 1 } ], "total": 1, "page": 0, "size": 20 }""")))
    @APIResponse(responseCode = "400", description = "Unknown view or bad paging", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "bad view", value = """
                    { "type": "urn:gov-suggestions:problem:validation", "title": "请求数据无效", "status": 400,
                      "detail": "view: 必须匹配 DUE_SOON|OVERDUE|RETURNED|AWAITING_EVALUATION", "instance": "/api/v1/supervision/cases" }""")))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unauthenticated", value = ReceivedSuggestionResource.UNAUTHENTICATED)))
    @APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "forbidden", value = ReceivedSuggestionResource.FORBIDDEN)))
    public CaseResponses.CasePage list(
            @Parameter(description = "Which list", example = "OVERDUE", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                    enumeration = { "DUE_SOON", "OVERDUE", "RETURNED", "AWAITING_EVALUATION" }))
            @QueryParam("view") @NotNull @Pattern(regexp = "DUE_SOON|OVERDUE|RETURNED|AWAITING_EVALUATION") String view,
            @Parameter(description = "Only this unit", example = "sz-zsj") @QueryParam("unitCode") @Size(max = Limits.UNIT_CODE)
            @Pattern(regexp = Limits.UNIT_CODE_PATTERN) String unitCode,
            @Parameter(description = "Only this leader in charge", example = "王副局长") @QueryParam("leaderInCharge") @Size(max = Limits.PERSON_NAME) String leaderInCharge,
            @Parameter(description = "Only the cases whose leader in charge is this person (the leaderInChargeId named at distribution)", example = "wang-fujuzhang")
            @QueryParam("leaderInChargeId") @Size(max = Limits.SUBJECT) @Pattern(regexp = "[\\x21-\\x7e]+") String leaderInChargeId,
            @Parameter(description = "Page, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Limits.MAX_PAGE) int page,
            @Parameter(description = "Page size, at most " + Limits.PAGE_SIZE) @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Limits.PAGE_SIZE) int size) {
        var result = supervision.list(callers.current(), view, DUE_SOON_DAYS, unitCode, leaderInCharge, leaderInChargeId, page, size);
        return new CaseResponses.CasePage(result.items().stream().map(CaseResponses.CaseSummary::of).toList(), result.total(), page, size);
    }

}
