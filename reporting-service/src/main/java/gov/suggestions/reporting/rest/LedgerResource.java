package gov.suggestions.reporting.rest;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.suggestions.reporting.service.Caller;
import gov.suggestions.reporting.domain.InvalidFieldException;
import gov.suggestions.reporting.service.Limits;
import gov.suggestions.reporting.domain.Text;
import gov.suggestions.reporting.service.LedgerService;
import gov.suggestions.reporting.service.ReportScope;

@Path("/api/v1/ledger")
@Tag(name = "Ledger", description = "The handling ledger (台账): every suggestion and each of its cases")
public class LedgerResource {

    static final String STATE = "ASSIGNED|DISTRIBUTED|COMMUNICATING|DRAFTING|UNDER_REVIEW|REPLIED|EVALUATED|REHANDLING|CONCLUDED|OPINION_SENT";
    /** Longest value {@link #STATE} admits (COMMUNICATING). */
    static final int STATE_LENGTH = 13;
    static final String CATEGORY = "[ABCD]";
    static final String EVALUATION = "SATISFIED|BASICALLY_SATISFIED|UNSATISFIED";
    /** BASICALLY_SATISFIED */
    static final int EVALUATION_LENGTH = 19;
    static final String NUMBER = "[0-9A-Za-z-]{1,40}";
    static final String BOOLEAN = "true|false";

    private static final String ROW_EXAMPLE = """
            { "suggestionId": "0b5d1f0e-6a43-4c55-9d2e-1c9f3a7b8e21", "number": "20200055", "title": "关于先行先试加快区块链产业发展的建议",
              "congressBody": "shenzhen-npc", "year": 2020, "term": 6, "session": 8, "proposer": "王某某", "topics": "区块链",
              "supervisionLevel": "ORDINARY", "assignedOn": "2020-05-20", "withdrawn": false,
              "caseId": "7a1c2e4f-0b9d-4c1e-8f5a-2d3b4c5e6f70", "unitCode": "sz-zsj", "unitName": "深圳市政务服务数据管理局",
              "role": "LEAD", "state": "EVALUATED", "dueOn": "2020-08-20", "repliedOn": "2020-08-10", "replyOnTime": true,
              "resultCategory": "A", "evaluation": "SATISFIED", "communications": 2, "rehandled": false,
              "deputyNotifiedOfReplyAt": "2020-08-10T10:00:05+08:00", "failedNotices": 0 }""";

    static final String DATE = "[0-9]{4}-[0-9]{2}-[0-9]{2}";

    private final LedgerService ledger;
    private final CallerFactory callers;

    public LedgerResource(LedgerService ledger, CallerFactory callers) {
        this.ledger = ledger;
        this.callers = callers;
    }

    @Schema(name = "LedgerPage", description = "One page of the ledger with the total")
    public record LedgerPage(
            @Schema(maxItems = Limits.PAGE_SIZE) List<LedgerService.Row> items,
            @Schema(description = "Rows in scope that match the filters", minimum = "0", maximum = Limits.LONG_MAX) long total,
            @Schema(description = "Page from 0", minimum = "0", maximum = "" + Limits.PAGE_MAX) int page,
            @Schema(description = "Page size", minimum = "1", maximum = "" + Limits.PAGE_SIZE) int size) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Caller.CONGRESS_OFFICE, Caller.GOV_SUPERVISOR, Caller.UNIT_OFFICE, Caller.UNIT_LEADER })
    @Operation(summary = "The ledger",
            description = "One row per case with its suggestion (a suggestion not yet assigned has one row without a case); cases of "
                    + "units reassigned away are left out. Filters combine with AND. A congress office sees its own congress body, a "
                    + "supervisor everything, a unit's office and leaders only their own unit's cases. Ordered by year, number and unit; "
                    + "paged (page from 0, size 1–200, default 20) with the total.")
    @APIResponse(responseCode = "200", description = "One page of the ledger",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LedgerPage.class),
                    examples = @ExampleObject(name = "page", value = "{ \"items\": [" + ROW_EXAMPLE + "], \"total\": 1, \"page\": 0, \"size\": 20 }")))
    @APIResponse(responseCode = "400", description = "A filter, page or size out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = ProblemExamples.VALIDATION)))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public LedgerPage list(
            @Parameter(description = "Congress body code", example = "shenzhen-npc") @QueryParam("congressBody") @Pattern(regexp = StatisticsResource.CODE) @Size(max = Limits.CODE) String congressBody,
            @Parameter(description = "Year", example = "2020") @QueryParam("year") @Min(1949) @Max(2100) Integer year,
            @Parameter(description = "Unit code", example = "sz-zsj") @QueryParam("unit") @Pattern(regexp = StatisticsResource.CODE) @Size(max = Limits.CODE) String unit,
            @Parameter(description = "Role of the unit", example = "LEAD") @QueryParam("role") @Pattern(regexp = StatisticsResource.ROLE) @Size(max = StatisticsResource.ROLE_LENGTH) String role,
            @Parameter(description = "Case state", example = "REPLIED") @QueryParam("state") @Pattern(regexp = STATE) @Size(max = STATE_LENGTH) String state,
            @Parameter(description = "Result category", example = "A") @QueryParam("category") @Pattern(regexp = CATEGORY) @Size(max = 1) String category,
            @Parameter(description = "Evaluation", example = "SATISFIED") @QueryParam("evaluation") @Pattern(regexp = EVALUATION) @Size(max = EVALUATION_LENGTH) String evaluation,
            @Parameter(description = "Suggestion number", example = "20200055") @QueryParam("number") @Pattern(regexp = NUMBER) @Size(max = Limits.NUMBER) String number,
            @Parameter(description = "Only cases past their reply or joint-opinion deadline with no reply or opinion yet") @QueryParam("overdueOnly") @Pattern(regexp = BOOLEAN) @Size(max = 5) String overdueOnly,
            @Parameter(description = "Deadline in force on or after (ISO date)", example = "2020-08-01") @QueryParam("dueFrom") @Pattern(regexp = DATE) @Size(max = Limits.DATE) String dueFrom,
            @Parameter(description = "Deadline in force on or before (ISO date)", example = "2020-08-31") @QueryParam("dueTo") @Pattern(regexp = DATE) @Size(max = Limits.DATE) String dueTo,
            @Parameter(description = "Words in the title or the number", example = "区块链") @QueryParam("text") @Size(min = 1, max = 100) String text,
            @Parameter(description = "Page from 0") @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Limits.PAGE_MAX) int page,
            @Parameter(description = "Page size") @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Limits.PAGE_SIZE) int size) {
        var result = ledger.page(ReportScope.of(callers.current(), congressBody, year, unit, role),
                filter(state, category, evaluation, number, overdueOnly, dueFrom, dueTo, text), page, size);
        return new LedgerPage(result.items(), result.total(), result.page(), result.size());
    }

    @GET
    @Path("export")
    @Produces(LedgerSpreadsheet.MEDIA_TYPE)
    @RolesAllowed({ Caller.CONGRESS_OFFICE, Caller.GOV_SUPERVISOR, Caller.UNIT_OFFICE, Caller.UNIT_LEADER })
    @Operation(summary = "The ledger as .xlsx",
            description = "The same rows, scope and filters as the list, all of them (up to `reporting.ledger.export-max-rows`, "
                    + "beyond which the answer is 400 and the filters must be narrowed), in one sheet 台账 with Chinese headings. "
                    + "A workbook larger than " + Limits.EXPORT_BYTES + " bytes is not sent either (400 too-large).")
    @APIResponse(responseCode = "200", description = "The workbook",
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=ledger.xlsx"),
            content = @Content(mediaType = LedgerSpreadsheet.MEDIA_TYPE,
                    schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = Limits.EXPORT_BYTES)))
    @APIResponse(responseCode = "400", description = "A filter out of range, or more rows or bytes than one export may hold",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = { @ExampleObject(name = "too many rows", value = """
                            { "type": "urn:gov-suggestions:problem:too-many-rows", "title": "导出行数过多", "status": 400,
                              "detail": "共 150000 行,超过单次导出上限 100000 行,请缩小筛选范围", "instance": "/api/v1/ledger/export" }"""),
                        @ExampleObject(name = "too large", value = """
                            { "type": "urn:gov-suggestions:problem:too-large", "title": "导出文件过大", "status": 400,
                              "detail": "导出文件超过 104857600 字节,请缩小筛选范围", "instance": "/api/v1/ledger/export" }""") }))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Response export(
            @Parameter(description = "Congress body code", example = "shenzhen-npc") @QueryParam("congressBody") @Pattern(regexp = StatisticsResource.CODE) @Size(max = Limits.CODE) String congressBody,
            @Parameter(description = "Year", example = "2020") @QueryParam("year") @Min(1949) @Max(2100) Integer year,
            @Parameter(description = "Unit code", example = "sz-zsj") @QueryParam("unit") @Pattern(regexp = StatisticsResource.CODE) @Size(max = Limits.CODE) String unit,
            @Parameter(description = "Role of the unit", example = "LEAD") @QueryParam("role") @Pattern(regexp = StatisticsResource.ROLE) @Size(max = StatisticsResource.ROLE_LENGTH) String role,
            @Parameter(description = "Case state", example = "REPLIED") @QueryParam("state") @Pattern(regexp = STATE) @Size(max = STATE_LENGTH) String state,
            @Parameter(description = "Result category", example = "A") @QueryParam("category") @Pattern(regexp = CATEGORY) @Size(max = 1) String category,
            @Parameter(description = "Evaluation", example = "SATISFIED") @QueryParam("evaluation") @Pattern(regexp = EVALUATION) @Size(max = EVALUATION_LENGTH) String evaluation,
            @Parameter(description = "Suggestion number", example = "20200055") @QueryParam("number") @Pattern(regexp = NUMBER) @Size(max = Limits.NUMBER) String number,
            @Parameter(description = "Only cases past their reply or joint-opinion deadline with no reply or opinion yet") @QueryParam("overdueOnly") @Pattern(regexp = BOOLEAN) @Size(max = 5) String overdueOnly,
            @Parameter(description = "Deadline in force on or after (ISO date)", example = "2020-08-01") @QueryParam("dueFrom") @Pattern(regexp = DATE) @Size(max = Limits.DATE) String dueFrom,
            @Parameter(description = "Deadline in force on or before (ISO date)", example = "2020-08-31") @QueryParam("dueTo") @Pattern(regexp = DATE) @Size(max = Limits.DATE) String dueTo,
            @Parameter(description = "Words in the title or the number", example = "区块链") @QueryParam("text") @Size(min = 1, max = 100) String text) {
        List<LedgerService.Row> rows = ledger.all(ReportScope.of(callers.current(), congressBody, year, unit, role),
                filter(state, category, evaluation, number, overdueOnly, dueFrom, dueTo, text));
        // written in full first, so that a workbook over the limit is refused with a problem instead of being cut off mid-way
        java.nio.file.Path file = LedgerSpreadsheet.writeCapped(rows, Limits.EXPORT_BYTES);
        StreamingOutput body = out -> {
            try {
                Files.copy(file, out);
            } finally {
                Files.deleteIfExists(file);
            }
        };
        return Response.ok(body, LedgerSpreadsheet.MEDIA_TYPE).header("Content-Disposition", "attachment; filename=ledger.xlsx")
                .header("Content-Length", fileSize(file)).build();
    }

    private static long fileSize(java.nio.file.Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static LedgerService.Filter filter(String state, String category, String evaluation, String number, String overdueOnly,
            String dueFrom, String dueTo, String text) {
        LocalDate from = date("dueFrom", dueFrom);
        LocalDate to = date("dueTo", dueTo);
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidFieldException("dueTo", Text.of("不能早于 dueFrom", "must not be before dueFrom"));
        }
        return new LedgerService.Filter(state, category, evaluation, number, "true".equals(overdueOnly), from, to,
                text == null || text.isBlank() ? null : text.strip());
    }

    private static LocalDate date(String field, String value) {
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidFieldException(field, Text.of("不是有效的日期", "is not a valid date"));
        }
    }
}
