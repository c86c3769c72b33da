package gov.suggestions.reporting.rest;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.suggestions.reporting.config.DocumentConfig;
import gov.suggestions.reporting.rest.SummaryDraftDtos.DraftRequest;
import gov.suggestions.reporting.rest.SummaryDraftDtos.DraftResponse;
import gov.suggestions.reporting.rest.SummaryDraftDtos.SectionEdit;
import gov.suggestions.reporting.rest.SummaryDraftDtos.SectionResponse;
import gov.suggestions.reporting.service.AnnualSummaryService;
import gov.suggestions.reporting.service.Caller;
import gov.suggestions.reporting.service.Limits;
import gov.suggestions.reporting.service.PreconditionFailedException;
import gov.suggestions.reporting.service.SummaryDocx;
import gov.suggestions.reporting.service.SummaryDraftService;
import gov.suggestions.reporting.service.SummaryDraftService.DraftState;
import gov.suggestions.reporting.service.SummaryRenderer;
import gov.suggestions.reporting.service.SummarySections;
import gov.suggestions.reporting.domain.Text;
import gov.suggestions.reporting.service.TooLargeException;

@Path("/api/v1/annual-summaries/{unit}/{year}")
@Tag(name = "Annual work summary", description = "年度建议办理工作总结 of a unit: the office's draft (header and narratives) and its renders, "
        + "figures recomputed from events on every render")
public class AnnualSummaryResource {

    static final String MARKDOWN = "text/markdown;charset=UTF-8";
    static final String HTML = "text/html;charset=UTF-8";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";
    /**
     * The HTML summary is a static document: one {@code <style>} element and the charts as inline SVG, whose shapes carry
     * their colours in {@code style} attributes; no script, no image, font, frame or form, nothing loaded from anywhere.
     * So everything is denied but inline styles, and the page runs sandboxed (a unique origin, no scripts even if some
     * text escaped the escaping), cannot be framed, and cannot change its base URL or send a form.
     */
    static final String HTML_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'; sandbox";

    private static final String SENTENCE = "(一)办理数量及主要内容。今年,我局共办理市人大代表建议30件。其中主办、承办、分办7件,"
            + "6件已收到人大代表“满意”评价,1件尚未评价;汇办23件,汇办意见全部按时反馈主办单位。内容主要涉及智慧城市、数据立法、政务数据共享等。";
    private static final String READERS = "A unit's office and leaders read only their own unit, a congress office the units with cases of its "
            + "congress body, a supervisor all; otherwise 404.";

    private final AnnualSummaryService summaries;
    private final SummaryDraftService drafts;
    private final CallerFactory callers;
    private final DocumentConfig documents;
    private final IfMatch preconditions;

    public AnnualSummaryResource(AnnualSummaryService summaries, SummaryDraftService drafts, CallerFactory callers, DocumentConfig documents,
            IfMatch preconditions) {
        this.preconditions = preconditions;
        this.documents = documents;
        this.summaries = summaries;
        this.drafts = drafts;
        this.callers = callers;
    }

    @GET
    @Produces(MARKDOWN)
    @RolesAllowed({ Caller.CONGRESS_OFFICE, Caller.GOV_SUPERVISOR, Caller.UNIT_OFFICE, Caller.UNIT_LEADER })
    @Operation(summary = "The annual work summary as Markdown",
            description = "The summary in the seed's structure: the draft's disclosure header (when the office has made a draft), 一、基本情况 "
                    + "with the unit's figures for the year worded as the seed's report, 二、主要工作措施 with the figures the system knows, "
                    + "三、将建议转化成实际的工作措施 with each replied suggestion's measures, 四、下一步工作思路, and the office's narratives. "
                    + READERS + " Ask with `Accept: text/html` for HTML with charts, or the Word media type for .docx.")
    @APIResponse(responseCode = "200", description = "The summary",
            content = @Content(mediaType = MARKDOWN, examples = @ExampleObject(name = "summary",
                    value = "# 深圳市政务服务数据管理局2020年度人大代表建议办理工作总结\n\n市人大常委会办公厅:\n\n…\n\n## 一、基本情况\n\n" + SENTENCE + "\n…")))
    @APIResponse(responseCode = "400", description = "Unit code or year out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = ProblemExamples.VALIDATION)))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", description = "No handling of that unit in that year visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = ProblemExamples.NOT_FOUND)))
    public String markdown(
            @Parameter(description = "Unit code", example = "sz-zsj") @PathParam("unit") @Pattern(regexp = StatisticsResource.CODE) @Size(max = Limits.CODE) String unit,
            @Parameter(description = "Year", example = "2020") @PathParam("year") @Min(1949) @Max(2100) int year) {
        return SummaryRenderer.markdown(summaries.summary(callers.current(), unit, year, false));
    }

    @GET
    @Produces(HTML)
    @RolesAllowed({ Caller.CONGRESS_OFFICE, Caller.GOV_SUPERVISOR, Caller.UNIT_OFFICE, Caller.UNIT_LEADER })
    @Operation(summary = "The annual work summary as HTML",
            description = "The same content as the Markdown as a standalone HTML page, with the charts (evaluation results, result categories, "
                    + "replies per month against deadlines, on-time rates by department) as inline SVG.")
    @APIResponse(responseCode = "200", description = "The summary",
            headers = @Header(name = "Content-Security-Policy", description = "The page's policy: only inline styles (the style element "
                    + "and the SVG charts' style attributes), sandboxed, not frameable", schema = @Schema(type = SchemaType.STRING,
                            enumeration = HTML_POLICY)),
            content = @Content(mediaType = HTML, examples = @ExampleObject(name = "summary",
                    value = "<!DOCTYPE html>\n<html lang=\"zh-CN\">…<h2>一、基本情况</h2>\n<p>" + SENTENCE + "</p>…<figure id=\"chart-evaluations\"><svg …")))
    @APIResponse(responseCode = "400", description = "Unit code or year out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = ProblemExamples.VALIDATION)))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", description = "No handling of that unit in that year visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = ProblemExamples.NOT_FOUND)))
    public Response html(
            @Parameter(description = "Unit code", example = "sz-zsj") @PathParam("unit") @Pattern(regexp = StatisticsResource.CODE) @Size(max = Limits.CODE) String unit,
            @Parameter(description = "Year", example = "2020") @PathParam("year") @Min(1949) @Max(2100) int year) {
        return Response.ok(SummaryRenderer.html(summaries.summary(callers.current(), unit, year)), HTML)
                .header(CONTENT_SECURITY_POLICY, HTML_POLICY).build();
    }

    @GET
    @Produces(DOCX)
    @RolesAllowed({ Caller.CONGRESS_OFFICE, Caller.GOV_SUPERVISOR, Caller.UNIT_OFFICE, Caller.UNIT_LEADER })
    @Operation(summary = "The annual work summary as a Word document (.docx)",
            description = "The same content as a .docx that Word and WPS open, laid out as GB/T 9704-2012 asks: A4 with its margins, "
                    + "22 lines of 28 characters, 仿宋_GB2312 三号 body, 方正小标宋简体 title, 黑体/楷体_GB2312 headings; the disclosure header as a "
                    + "table; the 版头 (the organ's mark in red, the document number, the red rule) and the 版记 (抄送, 印发机关 and date between "
                    + "rules) from the unit's reporting.documents settings or the header's publisher; page numbers; the charts as PNG pictures. "
                    + "A document larger than " + Limits.DOCX_BYTES
                    + " bytes is not sent (400 too-large).")
    @APIResponse(responseCode = "200", description = "The summary",
            headers = @Header(name = "Content-Disposition", description = "attachment; file name with unit and year"),
            content = @Content(mediaType = DOCX, schema = @Schema(type = SchemaType.STRING, format = "binary", maxLength = Limits.DOCX_BYTES)))
    @APIResponse(responseCode = "400", description = "Unit code or year out of range, or a document larger than the limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = ProblemExamples.VALIDATION)))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", description = "No handling of that unit in that year visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = ProblemExamples.NOT_FOUND)))
    public Response docx(
            @Parameter(description = "Unit code", example = "sz-zsj") @PathParam("unit") @Pattern(regexp = StatisticsResource.CODE) @Size(max = Limits.CODE) String unit,
            @Parameter(description = "Year", example = "2020") @PathParam("year") @Min(1949) @Max(2100) int year) {
        AnnualSummaryService.Summary summary = summaries.summary(callers.current(), unit, year);
        byte[] document = SummaryDocx.docx(summary, SummaryDocx.Letterhead.of(documents, unit, summary.header()));
        if (document.length > Limits.DOCX_BYTES) {
            throw new TooLargeException("too-large", Text.of("文档过大", "The document is too large"),
                    Text.of("文档超过 " + Limits.DOCX_BYTES + " 字节", "The document exceeds " + Limits.DOCX_BYTES + " bytes"));
        }
        return Response.ok(document, DOCX)
                .header("Content-Disposition", "attachment; filename=\"annual-summary-" + unit + "-" + year + ".docx\"").build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Caller.CONGRESS_OFFICE, Caller.GOV_SUPERVISOR, Caller.UNIT_OFFICE, Caller.UNIT_LEADER })
    @Operation(summary = "The office's draft", description = "Header, narrative sections (text in force, last editor) and the replied suggestions "
            + "of section 三 with the measures their replies reported. " + READERS)
    @APIResponse(responseCode = "200", description = "The draft", headers = @Header(name = "ETag", description = "Version"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DraftResponse.class),
                    examples = @ExampleObject(name = "draft", value = SummaryDraftDtos.DRAFT_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Unit code or year out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = ProblemExamples.VALIDATION)))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "DraftNotFound")
    public Response draft(
            @Parameter(description = "Unit code", example = "sz-zsj") @PathParam("unit") @Pattern(regexp = StatisticsResource.CODE) @Size(max = Limits.CODE) String unit,
            @Parameter(description = "Year", example = "2020") @PathParam("year") @Min(1949) @Max(2100) int year) {
        return withTag(drafts.get(callers.current(), unit, year), Response.ok());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.UNIT_OFFICE)
    @Operation(summary = "Create the draft or replace its header",
            description = "The unit's own office creates its draft for the year (201; the 索引号's yearly sequence is allocated per credit code "
                    + "and year) or, sending the draft's ETag in If-Match, replaces the header (200). Another unit's draft answers 404.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DraftRequest.class), examples = @ExampleObject(name = "header", value = SummaryDraftDtos.REQUEST_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Header replaced", headers = @Header(name = "ETag", description = "Version"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DraftResponse.class),
                    examples = @ExampleObject(name = "draft", value = SummaryDraftDtos.DRAFT_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Draft created", headers = @Header(name = "ETag", description = "Version"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DraftResponse.class),
                    examples = @ExampleObject(name = "draft", value = SummaryDraftDtos.DRAFT_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A header field is missing, too long or malformed (e.g. the credit code)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = ProblemExamples.VALIDATION)))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "DraftNotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response put(
            @Parameter(description = "Unit code", example = "sz-zsj") @PathParam("unit") @Pattern(regexp = StatisticsResource.CODE) @Size(max = Limits.CODE) String unit,
            @Parameter(description = "Year", example = "2020") @PathParam("year") @Min(1949) @Max(2100) int year,
            @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = "ETag of the draft (to replace its header)", example = "\"0\"")
            @HeaderParam("If-Match") @Size(max = Limits.IF_MATCH) String ifMatch,
            @NotNull @Valid DraftRequest request) {
        Caller caller = callers.current();
        // without If-Match the draft is created; with one, it must name the existing draft's version (412 when there is none)
        Long expected = ifMatch == null || ifMatch.isBlank() ? null : preconditions.expectedVersion(ifMatch, () -> {
            Long version = drafts.versionForChange(caller, unit, year, false);
            return version == null ? PreconditionFailedException.UNKNOWN : version;
        });
        Map.Entry<Boolean, DraftState> result = drafts.put(caller, unit, year, request.toData(), expected);
        return withTag(result.getValue(), result.getKey() ? Response.status(Response.Status.CREATED) : Response.ok());
    }

    @PUT
    @Path("sections/{section}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.UNIT_OFFICE)
    @Operation(summary = "Edit a narrative section",
            description = "Replaces the text of one narrative section, keeping the earlier revisions: `opening`, `basic-features` (一(二)), "
                    + "`measures-leadership`, `measures-mechanism`, `measures-communication` (二(一)–(三)), `conversion-<number>` (三, one per "
                    + "replied suggestion) and `next-steps` (四). Send the draft's ETag in If-Match. Figures are never edited: they are computed on render.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SectionEdit.class), examples = @ExampleObject(name = "edit", value = "{ \"text\": \"局领导班子高度重视建议办理工作。\" }")))
    @APIResponse(responseCode = "200", description = "The draft after the edit", headers = @Header(name = "ETag", description = "Version"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DraftResponse.class),
                    examples = @ExampleObject(name = "draft", value = SummaryDraftDtos.DRAFT_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Unknown section key, a suggestion the unit did not reply to that year, or text too long",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = ProblemExamples.SECTION_INVALID)))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "DraftNotFound")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response editSection(
            @Parameter(description = "Unit code", example = "sz-zsj") @PathParam("unit") @Pattern(regexp = StatisticsResource.CODE) @Size(max = Limits.CODE) String unit,
            @Parameter(description = "Year", example = "2020") @PathParam("year") @Min(1949) @Max(2100) int year,
            @Parameter(description = "Section key", example = "next-steps") @PathParam("section") @Pattern(regexp = SummarySections.KEY_PATTERN) @Size(max = SummarySections.KEY_LENGTH) String section,
            @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = "ETag of the draft", example = "\"0\"")
            @HeaderParam("If-Match") @Size(max = Limits.IF_MATCH) String ifMatch,
            @NotNull @Valid SectionEdit request) {
        Caller caller = callers.current();
        long expected = preconditions.expectedVersion(ifMatch, () -> drafts.versionForChange(caller, unit, year, true));
        return withTag(drafts.editSection(caller, unit, year, section, request.text(), expected), Response.ok());
    }

    @GET
    @Path("sections/{section}/revisions")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Caller.CONGRESS_OFFICE, Caller.GOV_SUPERVISOR, Caller.UNIT_OFFICE, Caller.UNIT_LEADER })
    @Operation(summary = "Every revision of a narrative section", description = "Newest first (the newest " + Limits.REVISIONS
            + " at most), with who edited it and when. " + READERS)
    @APIResponse(responseCode = "200", description = "The revisions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = SectionResponse.class, maxItems = Limits.REVISIONS),
                    examples = @ExampleObject(name = "revisions", value = "[ { \"key\": \"next-steps\", \"text\": \"…\", \"revision\": 2, "
                            + "\"editedBy\": \"office-sz-zsj\", \"editedAt\": \"2020-12-02T02:00:00Z\" } ]")))
    @APIResponse(responseCode = "400", description = "Unknown section key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = ProblemExamples.SECTION_INVALID)))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "DraftNotFound")
    public List<SectionResponse> revisions(
            @Parameter(description = "Unit code", example = "sz-zsj") @PathParam("unit") @Pattern(regexp = StatisticsResource.CODE) @Size(max = Limits.CODE) String unit,
            @Parameter(description = "Year", example = "2020") @PathParam("year") @Min(1949) @Max(2100) int year,
            @Parameter(description = "Section key", example = "next-steps") @PathParam("section") @Pattern(regexp = SummarySections.KEY_PATTERN) @Size(max = SummarySections.KEY_LENGTH) String section) {
        return drafts.revisions(callers.current(), unit, year, section).stream().map(SectionResponse::of).toList();
    }

    private static Response withTag(DraftState state, Response.ResponseBuilder response) {
        return response.tag(new EntityTag(Long.toString(state.draft().version))).entity(DraftResponse.of(state)).build();
    }
}
