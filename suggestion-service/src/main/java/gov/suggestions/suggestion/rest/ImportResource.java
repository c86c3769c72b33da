package gov.suggestions.suggestion.rest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.suggestions.suggestion.domain.ImportJob;
import gov.suggestions.suggestion.domain.Limits;
import gov.suggestions.suggestion.service.Caller;
import gov.suggestions.suggestion.service.ImportService;
import gov.suggestions.suggestion.service.ImportedAssignment;
import gov.suggestions.suggestion.service.ImportService.ImportRow;
import gov.suggestions.suggestion.domain.Text;

/**
 * Bulk import: a JSON batch or a spreadsheet, validated row by row into one job. Kept whole: both forms map their
 * rows the same way (validated, migrated), and a third of the length is OpenAPI description.
 */
@Path("/api/v1/suggestion-imports")
@Tag(name = "Bulk import", description = "Batches and spreadsheets of suggestions, validated row by row, idempotent by congress body + number")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    static final String JOB_EXAMPLE = """
            { "id": "5d0c7a1e-2b3f-4a6d-9e8c-1f2a3b4c5d6e", "congressBody": "shenzhen-npc", "source": "XLSX", "state": "COMPLETED",
              "total": 3, "processed": 3, "accepted": 1, "unchanged": 1, "rejected": 1,
              "errors": [ { "row": 4, "number": "20200057", "reason": "title: 不能为空" } ],
              "createdAt": "2020-05-12T09:30:00+08:00", "finishedAt": "2020-05-12T09:30:01+08:00", "failure": null }""";

    @Schema(name = "ImportBatch", description = "Rows in the shape of a registration; each row is validated on its own")
    public record ImportBatch(
            @Schema(description = "The rows: 1 to suggestion-import.max-rows (" + Limits.IMPORT_ROWS + " by default, never more); "
                    + "fewer or more answer 400 naming rows",
                    type = SchemaType.ARRAY, implementation = ImportRowDocument.class, minItems = 1, maxItems = Limits.IMPORT_ROWS)
            @NotNull List<JsonNode> rows) {
    }

    /** The longest id of a record on the previous platform that an imported row may carry. */
    static final int SOURCE_RECORD = 200;

    /** What a row may add to a registration when it brings a suggestion over from the previous platform. */
    @Schema(name = "ImportRowMigration", description = "Optional: the assignment the suggestion already had, and its record on the previous platform")
    public record ImportRowMigration(
            @Schema(description = "The assignment as it was made (交办), with its real date (required here): the same rules as "
                    + "POST /api/v1/suggestions/{id}/assignment, and assignedOn not before submittedOn nor after today. "
                    + "A number the body has already is assigned now if it is still only registered, left alone if assigned the same "
                    + "way, and reported otherwise.") AssignmentDtos.AssignRequest assignment,
            @Schema(description = "The row's id on the previous platform, kept in the history entries the row writes",
                    maxLength = SOURCE_RECORD, examples = "old-platform:2020/0057") String sourceRecord) {
    }

    /** One row of a batch: a registration, optionally with the migration fields. */
    @Schema(name = "ImportRow", allOf = { RegisterSuggestionRequest.class, ImportRowMigration.class })
    interface ImportRowDocument {
    }

    @Schema(name = "ImportRowError")
    public record RowError(
            @Schema(description = "Row number: 1-based index in the batch, or the spreadsheet row", minimum = "1", maximum = "" + Limits.SHEET_ROWS)
            int row,
            @Schema(description = "The row's number, when it had one of at most " + Limits.IMPORT_ERROR_NUMBER + " characters",
                    maxLength = Limits.IMPORT_ERROR_NUMBER)
            String number,
            @Schema(description = "Why the row was refused, naming the field (longer reasons are cut)", maxLength = Limits.IMPORT_ERROR_REASON)
            String reason) {
    }

    @Schema(name = "ImportJob", description = "An import: RUNNING, COMPLETED or FAILED, with its progress and every rejected row so far")
    public record JobResponse(UUID id,
            @Schema(maxLength = Limits.CODE) String congressBody,
            @Schema(description = "JSON batch or XLSX spreadsheet", enumeration = { "JSON", "XLSX" }) String source,
            ImportJob.State state,
            @Schema(description = "Rows in the import", minimum = "0", maximum = "" + Limits.IMPORT_ROWS) int total,
            @Schema(description = "Rows handled so far", minimum = "0", maximum = "" + Limits.IMPORT_ROWS) int processed,
            @Schema(description = "Rows stored", minimum = "0", maximum = "" + Limits.IMPORT_ROWS) int accepted,
            @Schema(description = "Rows whose number the congress body already had: left as they are", minimum = "0",
                    maximum = "" + Limits.IMPORT_ROWS) int unchanged,
            @Schema(description = "Rows refused; each is listed in errors", minimum = "0", maximum = "" + Limits.IMPORT_ROWS) int rejected,
            @Schema(description = "Every rejected row so far, in row order", maxItems = Limits.IMPORT_ROWS) List<RowError> errors,
            OffsetDateTime createdAt, OffsetDateTime finishedAt,
            @Schema(description = "Why a FAILED import stopped", maxLength = Limits.IMPORT_FAILURE) String failure) {

        static JobResponse of(ImportService.JobView view) {
            ImportJob j = view.job();
            return new JobResponse(j.id, j.congressBody, j.source, j.state, j.total, j.processed, j.accepted, j.unchanged, j.rejected,
                    view.errors().stream().map(e -> new RowError(e.key.rowNumber, e.number, e.reason)).toList(),
                    j.createdAt.atZone(ZONE).toOffsetDateTime(), j.finishedAt == null ? null : j.finishedAt.atZone(ZONE).toOffsetDateTime(),
                    j.failure);
        }
    }

    private final ImportService service;
    private final CallerFactory callers;
    private final ObjectMapper objectMapper;
    private final Validator validator;

    public ImportResource(ImportService service, CallerFactory callers, StrictJson strictJson, Validator validator) {
        this.service = service;
        this.callers = callers;
        // each row is read with the same rules as a whole request body (enums by name, no coercion, no control characters)
        this.objectMapper = strictJson.mapper();
        this.validator = validator;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Caller.CONGRESS_OFFICE, Caller.SYSTEM })
    @Operation(summary = "Import a batch of suggestions (JSON)",
            description = "Each row has the shape of a registration and is validated on its own: the answer lists every rejected row with "
                    + "its reason; accepted rows are stored (each publishes `suggestion.submitted.v1`); a row whose number the congress body "
                    + "already has is left unchanged, so re-sending a batch changes nothing. Up to suggestion-import.sync-max-rows rows "
                    + "(200) are imported within the request (200 OK); larger batches run as a job (202 Accepted, Location of the job).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportBatch.class),
            examples = @ExampleObject(name = "batch", value = "{ \"rows\": [" + SuggestionResource.REGISTER_EXAMPLE + "] }")))
    @APIResponse(responseCode = "200", description = "Imported; the job is COMPLETED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobResponse.class),
                    examples = @ExampleObject(name = "completed", value = JOB_EXAMPLE)))
    @APIResponse(responseCode = "202", description = "A large batch: running as a job", headers = @Header(name = "Location", description = "URL of the job"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobResponse.class),
                    examples = @ExampleObject(name = "running", value = JOB_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Not a batch (rows missing, or more rows than allowed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = ProblemExamples.VALIDATION)))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Response importBatch(@NotNull ImportBatch batch) {
        ImportService.requireImporter(callers.current(), null);
        if (batch.rows() == null) {
            throw new BadImportException(Text.of("rows 不能为空", "rows must not be null"), "rows");
        }
        checkSize(batch.rows().size());
        List<ImportRow> rows = new ArrayList<>(batch.rows().size());
        for (int i = 0; i < batch.rows().size(); i++) {
            JsonNode node = batch.rows().get(i);
            String number = node != null && node.hasNonNull("number") ? node.get("number").asText() : null;
            JsonNode assignmentNode = null;
            JsonNode sourceNode = null;
            if (node instanceof ObjectNode object && (object.has("assignment") || object.has("sourceRecord"))) {
                ObjectNode registration = object.deepCopy();
                assignmentNode = registration.remove("assignment");
                sourceNode = registration.remove("sourceRecord");
                node = registration;
            }
            RegisterSuggestionRequest request;
            try {
                request = objectMapper.treeToValue(node, RegisterSuggestionRequest.class);
            } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
                rows.add(new ImportRow(i + 1, number, null, unreadable(e)));
                continue;
            } catch (IOException | IllegalArgumentException e) {
                rows.add(new ImportRow(i + 1, number, null, "行数据无法读取: " + firstLine(e.getMessage())));
                continue;
            }
            if (request == null) {
                rows.add(new ImportRow(i + 1, null, null, "行数据为空"));
                continue;
            }
            rows.add(migrated(validated(i + 1, number, request), assignmentNode, sourceNode));
        }
        return answer(service.start("JSON", null, rows, callers.current()));
    }

    @POST
    @Consumes(SuggestionSpreadsheet.MEDIA_TYPE)
    @RolesAllowed({ Caller.CONGRESS_OFFICE, Caller.SYSTEM })
    @Operation(summary = "Import the office's spreadsheet (.xlsx)",
            description = "Send the workbook as the request body. First sheet, header in row 1, one suggestion per row, columns A–P: "
                    + "编号 number, 类别 kind (建议/提案 or SUGGESTION/PROPOSAL), 标题 title, 正文 body, 领衔代表编号, 领衔代表姓名, 代表团, "
                    + "附议代表 (`id:姓名:代表团` separated by `;`), 主题词 (separated by `;` or `、`), 分类, 届 term, 次会议 session, 年度 year, "
                    + "提交日期 (date cell or yyyy-MM-dd), 督办级别 (ORDINARY/STANDING_COMMITTEE_KEY/GOVERNMENT_KEY), 优先级 (KEY/HOT/DIFFICULT/ORDINARY). "
                    + "GET the template for the exact layout. Rows are numbered as in the sheet. Same outcomes as the JSON batch.")
    @RequestBody(required = true, description = "The workbook; at most " + Limits.REQUEST_BODY_BYTES + " bytes (16 MiB; larger bodies answer 413)",
            content = @Content(mediaType = SuggestionSpreadsheet.MEDIA_TYPE,
            schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = Limits.REQUEST_BODY_BYTES)))
    @APIResponse(responseCode = "200", description = "Imported; the job is COMPLETED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobResponse.class),
                    examples = @ExampleObject(name = "completed", value = JOB_EXAMPLE)))
    @APIResponse(responseCode = "202", description = "A large sheet: running as a job", headers = @Header(name = "Location", description = "URL of the job"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobResponse.class),
                    examples = @ExampleObject(name = "running", value = JOB_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Not a readable .xlsx workbook, congress body missing, or too many rows",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = ProblemExamples.VALIDATION)))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Response importSpreadsheet(
            @Parameter(description = "Congress body of every row; an office's token names it already", example = "shenzhen-npc")
            @QueryParam("congressBody") @Size(max = 40) @Pattern(regexp = "[a-z0-9][a-z0-9-]*") String congressBody,
            InputStream workbook) {
        Caller caller = callers.current();
        ImportService.requireImporter(caller, congressBody);
        String body = congressBody != null ? congressBody : caller.congressBody();
        if (body == null) {
            throw new BadImportException(Text.of("请用 congressBody 参数指明人大(政协)机关", "Name the congress body with the congressBody parameter"), "congressBody");
        }
        List<SuggestionSpreadsheet.SheetRow> sheetRows;
        try {
            sheetRows = SuggestionSpreadsheet.read(workbook, body, service.maxRows());
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException && e.getMessage() != null && e.getMessage().startsWith("more than")) {
                checkSize(service.maxRows() + 1);
            }
            throw new BadImportException(Text.of("无法读取 .xlsx 工作簿", "The body is not a readable .xlsx workbook"));
        }
        List<ImportRow> rows = sheetRows.stream().map(r -> r.problem() != null
                ? new ImportRow(r.rowNumber(), r.number(), null, r.problem())
                : validated(r.rowNumber(), r.number(), r.request())).toList();
        return answer(service.start("XLSX", body, rows, caller));
    }

    @GET
    @Path("template")
    @Produces(SuggestionSpreadsheet.MEDIA_TYPE)
    @RolesAllowed({ Caller.CONGRESS_OFFICE, Caller.SYSTEM })
    @Operation(summary = "Download the spreadsheet template", description = "The header row and one example row, in the layout the upload reads.")
    @APIResponse(responseCode = "200", description = "The template (.xlsx), at most " + Limits.TEMPLATE_BYTES + " bytes",
            content = @Content(mediaType = SuggestionSpreadsheet.MEDIA_TYPE,
            schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = Limits.TEMPLATE_BYTES)))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Response template() {
        return Response.ok(SuggestionSpreadsheet.template())
                .header("Content-Disposition", "attachment; filename=\"suggestions-template.xlsx\"").build();
    }

    @GET
    @Path("{jobId}")
    @RolesAllowed({ Caller.CONGRESS_OFFICE, Caller.SYSTEM })
    @Operation(summary = "Read an import job", description = "Progress (processed of total), counts and every rejected row so far. "
            + "Visible to whoever started it and to the office of its congress body.")
    @APIResponse(responseCode = "200", description = "The job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = JobResponse.class),
                    examples = @ExampleObject(name = "job", value = JOB_EXAMPLE)))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", description = "No such job visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = ProblemExamples.NOT_FOUND)))
    public JobResponse job(@Parameter(description = "Job id") @PathParam("jobId") UUID jobId) {
        return JobResponse.of(service.view(jobId, callers.current()));
    }

    private Response answer(ImportJob job) {
        JobResponse body = JobResponse.of(service.view(job.id, callers.current()));
        if (job.state == ImportJob.State.RUNNING) {
            return Response.accepted(body).location(URI.create("/api/v1/suggestion-imports/" + job.id)).build();
        }
        return Response.ok(body).build();
    }

    private ImportRow validated(int rowNumber, String number, RegisterSuggestionRequest request) {
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            String reason = violations.stream().sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(ImportResource::describe).collect(Collectors.joining("; "));
            return new ImportRow(rowNumber, number, null, reason);
        }
        return new ImportRow(rowNumber, number, request.toCommand(SuggestionSpreadsheet.today()), null);
    }

    /** A row with the migration fields read and checked; a row that is wrong in them is rejected whole. */
    private ImportRow migrated(ImportRow row, JsonNode assignmentNode, JsonNode sourceNode) {
        if (row.rejection() != null || assignmentNode == null && sourceNode == null) {
            return row;
        }
        String source = null;
        if (sourceNode != null && !sourceNode.isNull()) {
            if (!sourceNode.isTextual() || sourceNode.asText().isBlank() || sourceNode.asText().length() > SOURCE_RECORD) {
                return rejected(row, "sourceRecord: 须为 1 至 " + SOURCE_RECORD + " 个字符的文本");
            }
            source = sourceNode.asText();
            if (StrictJson.forbiddenControlCharacter(source, false) >= 0) {
                return rejected(row, "sourceRecord: 含有控制字符");
            }
        }
        ImportedAssignment assignment = null;
        if (assignmentNode != null && !assignmentNode.isNull()) {
            AssignmentDtos.AssignRequest request;
            try {
                request = objectMapper.treeToValue(assignmentNode, AssignmentDtos.AssignRequest.class);
            } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
                return rejected(row, "assignment." + unreadable(e));
            } catch (IOException | IllegalArgumentException e) {
                return rejected(row, "assignment: 无法读取: " + firstLine(e.getMessage()));
            }
            var violations = validator.validate(request);
            if (!violations.isEmpty()) {
                return rejected(row, violations.stream().sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                        .map(v -> "assignment." + describe(v)).collect(Collectors.joining("; ")));
            }
            if (request.assignedOn() == null) {
                // an import brings what happened: the date it was assigned on, never "today"
                return rejected(row, "assignment.assignedOn: 导入的交办须注明交办日期");
            }
            assignment = new ImportedAssignment(request.assignedOn(),
                    request.units().stream().map(AssignmentDtos.UnitChoiceDto::toChoice).toList(), request.replyDue());
        }
        return new ImportRow(row.rowNumber(), row.number(), row.command(), null, assignment, source);
    }

    private static ImportRow rejected(ImportRow row, String reason) {
        return new ImportRow(row.rowNumber(), row.number(), null, reason);
    }

    private static String describe(ConstraintViolation<?> v) {
        return v.getPropertyPath() + ": " + v.getMessage();
    }

    private void checkSize(int rows) {
        if (rows == 0 || rows > service.maxRows()) {
            throw new BadImportException(Text.of("导入须有 1 至 " + service.maxRows() + " 行", "An import holds 1 to " + service.maxRows() + " rows"), "rows");
        }
    }

    /** Names the field at fault, like the registration endpoint does. */
    private static String unreadable(com.fasterxml.jackson.databind.JsonMappingException e) {
        String field = e.getPath().stream().map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException) {
            return field + ": 未知字段";
        }
        return field + ": 类型或格式不正确";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int end = message.indexOf('\n');
        String line = end < 0 ? message : message.substring(0, end);
        return line.length() > 300 ? line.substring(0, 300) : line;
    }
}
