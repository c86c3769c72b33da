package gov.suggestions.workflow.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.suggestions.workflow.service.CaseService;
import gov.suggestions.workflow.domain.Limits;
import gov.suggestions.workflow.service.PublicReplies;

/**
 * 办理结果公开: the replies units marked PUBLIC, for anyone, without a token (a token of any role works too). Answers
 * are cacheable: a strong ETag per publication version and representation, {@code Cache-Control: public, max-age=300}
 * (instead of the {@code no-store} every other API answer carries), 304 for a matching {@code If-None-Match}.
 */
@Path("/api/v1/public/replies")
@Tag(name = "Public replies", description = "办理结果公开: published reply letters, readable without a token")
@PermitAll
@SecurityRequirementsSet({})
public class PublicReplyResource {

    /** How long a shared cache may keep a public answer: a withdrawal is seen everywhere within this. */
    static final String CACHE_CONTROL = "public, max-age=300";
    static final int MAX_HTML = 200_000;

    static final String REPLY_EXAMPLE = """
            { "id": "3f0c9a8e-2b1d-4c5e-9f7a-6b5c4d3e2f10", "indexNumber": "11440300MB2C92413C/2020-00001", "classification": "建议提案办理",
              "publisher": "深圳市政务服务数据管理局", "writtenOn": "2020-07-20", "name": "关于市人大七届二次会议第20200001号代表建议答复的函",
              "documentNumber": "深政数函〔2020〕1号", "publishedOn": "2020-07-21", "subjectWords": "建议提案办理",
              "content": "王某某代表:您提出的关于加快推进政务数据共享的建议收悉,现答复如下……" }""";

    private final PublicReplies replies;

    public PublicReplyResource(PublicReplies replies) {
        this.replies = replies;
    }

    @Schema(name = "PublicReply", description = "A published reply letter: the disclosure header and the letter's text as issued")
    public record PublicReply(UUID id, @Schema(description = "索引号", maxLength = 80) String indexNumber,
            @Schema(description = "分类", maxLength = 50) String classification, @Schema(description = "发布机构", maxLength = Limits.UNIT_NAME) String publisher,
            @Schema(description = "成文日期 (the letter's issuedOn)") LocalDate writtenOn, @Schema(description = "名称", maxLength = 300) String name,
            @Schema(description = "文号", maxLength = Limits.DOCUMENT_NUMBER) String documentNumber,
            @Schema(description = "发布日期") LocalDate publishedOn, @Schema(description = "主题词", maxLength = 200) String subjectWords,
            @Schema(description = "The letter's text as issued", maxLength = Limits.CONTENT) String content) {
        static PublicReply of(PublicReplies.Published p) {
            PublicReplies.Header h = p.header();
            return new PublicReply(p.id(), h.indexNumber(), h.category(), h.publisher(), h.writtenOn(), h.title(), h.documentNumber(),
                    h.publishedOn(), h.keywords(), p.content());
        }
    }

    @Schema(name = "PublicReplySummary", description = "A published reply letter's header")
    public record Summary(UUID id, @Schema(description = "索引号", maxLength = 80) String indexNumber,
            @Schema(description = "发布机构", maxLength = Limits.UNIT_NAME) String publisher, @Schema(description = "成文日期") LocalDate writtenOn,
            @Schema(description = "名称", maxLength = 300) String name, @Schema(description = "文号", maxLength = Limits.DOCUMENT_NUMBER) String documentNumber,
            @Schema(description = "发布日期") LocalDate publishedOn) {
        static Summary of(PublicReplies.Published p) {
            PublicReplies.Header h = p.header();
            return new Summary(p.id(), h.indexNumber(), h.publisher(), h.writtenOn(), h.title(), h.documentNumber(), h.publishedOn());
        }
    }

    @Schema(name = "PublicReplyPage")
    public record SummaryPage(@Schema(maxItems = Limits.PAGE_SIZE) List<Summary> items,
            @Schema(minimum = "0", maximum = Limits.LONG_MAX) long total,
            @Schema(minimum = "0", maximum = "" + Limits.MAX_PAGE) int page, @Schema(minimum = "1", maximum = "" + Limits.PAGE_SIZE) int size) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listPublicReplies", summary = "List published replies (no token)",
            description = "Reply letters the units marked PUBLIC and have not withdrawn, newest publication first. No token needed.")
    @APIResponse(responseCode = "200", description = "A page of published replies",
            headers = @Header(name = "Cache-Control", description = CACHE_CONTROL, schema = @Schema(type = SchemaType.STRING, maxLength = 40)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SummaryPage.class),
                    examples = @ExampleObject(name = "page", value = """
                            { "items": [ { "id": "3f0c9a8e-2b1d-4c5e-9f7a-6b5c4d3e2f10", "indexNumber": "11440300MB2C92413C/2020-00001",
                              "publisher": "深圳市政务服务数据管理局", "writtenOn": "2020-07-20", "title": "关于市人大七届二次会议第20200001号代表建议答复的函",
                              "documentNumber": "深政数函〔2020〕1号", "publishedOn": "2020-07-21" } ], "total": 1, "page": 0, "size": 20 }""")))
    @APIResponse(responseCode = "400", description = "A query parameter is not valid (named in violations)", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(ref = "#/components/schemas/Problem")))
    public Response list(
            @Parameter(description = "Only this unit's replies", example = "sz-zsj") @QueryParam("unit") @Size(max = Limits.UNIT_CODE) @Pattern(regexp = Limits.UNIT_CODE_PATTERN) String unit,
            @Parameter(description = "Only the replies written (成文) in this year") @QueryParam("year") @Min(Limits.MIN_YEAR) @Max(Limits.MAX_YEAR) Integer year,
            @Parameter(description = "Page, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Limits.MAX_PAGE) int page,
            @Parameter(description = "Page size, at most " + Limits.PAGE_SIZE) @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Limits.PAGE_SIZE) int size) {
        CaseService.Page<PublicReplies.Published> result = replies.list(unit, year, page, size);
        return Response.ok(new SummaryPage(result.items().stream().map(Summary::of).toList(), result.total(), page, size))
                .cacheControl(CacheControl.valueOf(CACHE_CONTROL)).build();
    }

    @GET
    @Path("{id}")
    @Produces({ MediaType.APPLICATION_JSON, MediaType.TEXT_HTML })
    @Operation(operationId = "getPublicReply", summary = "Read a published reply (no token)",
            description = "The disclosure header (索引号, 分类, 发布机构, 成文日期, 名称, 文号, 发布日期, 主题词) and the letter's text as issued, as JSON or as an HTML page (Accept: text/html). "
                    + "Cacheable: strong ETag, Cache-Control public, max-age=300; If-None-Match with the current ETag answers 304. "
                    + "A letter not published (ON_REQUEST, NOT_DISCLOSED, not issued) or withdrawn answers 404 as an unknown id does.")
    @APIResponse(responseCode = "200", description = "The published reply",
            headers = { @Header(name = "ETag", description = "Strong; changes with the publication's version and differs between JSON and HTML",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 40)),
                    @Header(name = "Cache-Control", description = CACHE_CONTROL, schema = @Schema(type = SchemaType.STRING, maxLength = 40)) },
            content = { @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PublicReply.class),
                    examples = @ExampleObject(name = "reply", value = REPLY_EXAMPLE)),
                    @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING, maxLength = MAX_HTML),
                            examples = @ExampleObject(name = "page", value = "<!DOCTYPE html><html lang=\"zh-CN\">…</html>")) })
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match names the current ETag",
            headers = { @Header(name = "ETag", description = "The current ETag", schema = @Schema(type = SchemaType.STRING, maxLength = 40)),
                    @Header(name = "Cache-Control", description = CACHE_CONTROL, schema = @Schema(type = SchemaType.STRING, maxLength = 40)),
                    @Header(name = "Access-Control-Allow-Origin", ref = "Access-Control-Allow-Origin") })
    @APIResponse(responseCode = "404", description = "No published reply with this id (unknown, not public, or withdrawn)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "#/components/schemas/Problem"),
                    examples = @ExampleObject(name = "not found", value = """
                            { "type": "urn:gov-suggestions:problem:not-found", "title": "未找到", "status": 404,
                              "detail": "没有公开的答复 3f0c9a8e-2b1d-4c5e-9f7a-6b5c4d3e2f10", "instance": "/api/v1/public/replies/3f0c9a8e-2b1d-4c5e-9f7a-6b5c4d3e2f10" }""")))
    public Response get(@Parameter(description = "The publication's id (not the case's)", schema = @Schema(type = SchemaType.STRING, format = "uuid",
            pattern = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", maxLength = 36)) @PathParam("id") UUID id,
            @Parameter(description = "ETags the caller holds", schema = @Schema(type = SchemaType.STRING, maxLength = Limits.IF_MATCH))
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) @Size(max = Limits.IF_MATCH) String ifNoneMatch,
            @Context HttpHeaders headers) {
        PublicReplies.Published published = replies.get(id);
        boolean html = wantsHtml(headers);
        EntityTag tag = new EntityTag(published.version() + (html ? "-html" : "-json"));
        CacheControl cache = CacheControl.valueOf(CACHE_CONTROL);
        if (matches(ifNoneMatch, tag)) {
            return Response.notModified(tag).cacheControl(cache).build();
        }
        Response.ResponseBuilder ok = html ? Response.ok(PublicReplyPage.render(published), MediaType.TEXT_HTML + ";charset=UTF-8")
                : Response.ok(PublicReply.of(published), MediaType.APPLICATION_JSON);
        return ok.tag(tag).cacheControl(cache).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
    }

    /** HTML when the caller prefers it to JSON (a browser); JSON otherwise. */
    private static boolean wantsHtml(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardType()) {
                return false;
            }
            if (type.isCompatible(MediaType.TEXT_HTML_TYPE) && !type.isWildcardType()) {
                return true;
            }
        }
        return false;
    }

    /** If-None-Match: {@code *} or a list of tags, compared weakly as RFC 9110 asks for this header. */
    static boolean matches(String ifNoneMatch, EntityTag current) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String t = candidate.trim();
            if (t.equals("*")) {
                return true;
            }
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals("\"" + current.getValue() + "\"")) {
                return true;
            }
        }
        return false;
    }
}
