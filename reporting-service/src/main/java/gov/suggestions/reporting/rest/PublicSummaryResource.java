package gov.suggestions.reporting.rest;

import java.util.List;
import java.util.Map;

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
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.suggestions.reporting.config.PublicationConfig;
import gov.suggestions.reporting.domain.AnnualSummaryPublication;
import gov.suggestions.reporting.rest.PublicationDtos.ItemResponse;
import gov.suggestions.reporting.rest.PublicationDtos.PageResponse;
import gov.suggestions.reporting.rest.PublicationDtos.PublishedResponse;
import gov.suggestions.reporting.service.Limits;
import gov.suggestions.reporting.service.PublicationService;
import gov.suggestions.reporting.service.PublicationService.Published;

/**
 * The public pages of the published annual summaries (办理结果公开): read-only, no token, cacheable. Only a snapshot a unit
 * office published and did not withdraw is reachable; anything else answers 404 like an unknown unit.
 */
@Path("/api/v1/public/annual-summaries")
@Tag(name = "Published annual summaries", description = "办理结果公开: the annual work summaries the units' offices published, readable by "
        + "anyone without a token")
@PermitAll
public class PublicSummaryResource {

    static final String CACHE_CONTROL = "Cache-Control";
    static final String VARY = "Vary";
    private static final String NOT_PUBLISHED = """
            { "type": "urn:gov-suggestions:problem:not-found", "title": "未找到", "status": 404,
              "detail": "没有已公开的该单位该年度建议办理工作总结", "instance": "/api/v1/public/annual-summaries/sz-zsj/2020" }""";
    private static final String DESCRIPTION = "The disclosure header (索引号, 分类, 发布机构, 成文日期, 名称, 文号, 发布日期, 主题词) and the "
            + "summary as the unit's office published it; no token needed. With `Accept: text/html` the same as a standalone page, the header "
            + "above the document, its charts as inline SVG. Never published, withdrawn and unknown all answer 404. Cacheable: ETag "
            + "(one per version and representation), If-None-Match → 304.";
    /** {@code "<version>.json"} or {@code "<version>.html"}. */
    static final String ETAG_PATTERN = "^\"[0-9]{1,19}\\.(json|html)\"$";
    private static final String ETAG_DESCRIPTION = "Strong entity tag of the published version and this representation; send it in "
            + "If-None-Match to get 304 while the version is unchanged";
    private static final String CACHE_DESCRIPTION = "`public, max-age=<reporting.publication.max-age in seconds>` (300 by default)";

    private final PublicationService publications;
    private final PublicationConfig config;

    public PublicSummaryResource(PublicationService publications, PublicationConfig config) {
        this.publications = publications;
        this.config = config;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirements
    @Operation(operationId = "listPublishedAnnualSummaries", summary = "The published annual summaries",
            description = "One page of the summaries the units' offices published and did not withdraw, newest publication first, "
                    + "optionally of one unit or one year; no token needed. Paged (page from 0, size 1–200, default 20) with the total.")
    @APIResponse(responseCode = "200", description = "One page of published summaries",
            headers = @Header(name = CACHE_CONTROL, description = CACHE_DESCRIPTION, schema = @Schema(type = SchemaType.STRING, maxLength = 40, pattern = "^public, max-age=[0-9]{1,10}$")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PageResponse.class),
                    examples = @ExampleObject(name = "page", value = PublicationDtos.PAGE_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A filter, page or size out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = ProblemExamples.VALIDATION)))
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Response list(
            @Parameter(description = "Unit code", example = "sz-zsj") @QueryParam("unit") @Pattern(regexp = StatisticsResource.CODE) @Size(max = Limits.CODE) String unit,
            @Parameter(description = "Year of the summaries", example = "2020") @QueryParam("year") @Min(1949) @Max(2100) Integer year,
            @Parameter(description = "Page from 0") @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page,
            @Parameter(description = "Page size") @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        Map.Entry<List<AnnualSummaryPublication>, Long> found = publications.list(unit, year, page, size);
        PageResponse body = new PageResponse(found.getKey().stream().map(ItemResponse::of).toList(), found.getValue(), page, size);
        return Response.ok(body).header(CACHE_CONTROL, cacheControl()).build();
    }

    @GET
    @Path("{unit}/{year}")
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirements
    @Operation(operationId = "getPublishedAnnualSummary", summary = "A published annual summary (JSON or HTML page)",
            description = DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The published summary",
            headers = { @Header(name = "ETag", description = ETAG_DESCRIPTION, schema = @Schema(type = SchemaType.STRING, maxLength = 32, pattern = ETAG_PATTERN)),
                    @Header(name = CACHE_CONTROL, description = CACHE_DESCRIPTION, schema = @Schema(type = SchemaType.STRING, maxLength = 40, pattern = "^public, max-age=[0-9]{1,10}$")) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PublishedResponse.class),
                    examples = @ExampleObject(name = "published", value = PublicationDtos.PUBLISHED_EXAMPLE)))
    @APIResponse(responseCode = "304", description = "If-None-Match names the version in force: nothing has changed",
            headers = { @Header(name = "ETag", description = ETAG_DESCRIPTION, schema = @Schema(type = SchemaType.STRING, maxLength = 32, pattern = ETAG_PATTERN)),
                    @Header(name = CACHE_CONTROL, description = CACHE_DESCRIPTION, schema = @Schema(type = SchemaType.STRING, maxLength = 40, pattern = "^public, max-age=[0-9]{1,10}$")) })
    @APIResponse(responseCode = "400", description = "Unit code or year out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = ProblemExamples.VALIDATION)))
    @APIResponse(responseCode = "404", description = "Not published (never, or withdrawn), or no such unit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = NOT_PUBLISHED)))
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Response json(
            @Parameter(description = "Unit code", example = "sz-zsj") @PathParam("unit") @Pattern(regexp = StatisticsResource.CODE) @Size(max = Limits.CODE) String unit,
            @Parameter(description = "Year", example = "2020") @PathParam("year") @Min(1949) @Max(2100) int year,
            @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.IF_NONE_MATCH, description = "Entity tags the caller holds", example = "\"1.json\"")
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) @Size(max = Limits.IF_NONE_MATCH) String ifNoneMatch) {
        Published published = publications.published(unit, year);
        EntityTag tag = jsonTag(published.publication().version);
        if (matches(ifNoneMatch, tag)) {
            return notModified(tag);
        }
        return cacheable(Response.ok(PublishedResponse.of(published), MediaType.APPLICATION_JSON), tag).build();
    }

    @GET
    @Path("{unit}/{year}")
    @Produces(AnnualSummaryResource.HTML)
    @SecurityRequirements
    @Operation(operationId = "getPublishedAnnualSummary", summary = "A published annual summary (JSON or HTML page)",
            description = DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The published page",
            headers = { @Header(name = "ETag", description = ETAG_DESCRIPTION, schema = @Schema(type = SchemaType.STRING, maxLength = 32, pattern = ETAG_PATTERN)),
                    @Header(name = CACHE_CONTROL, description = CACHE_DESCRIPTION, schema = @Schema(type = SchemaType.STRING, maxLength = 40, pattern = "^public, max-age=[0-9]{1,10}$")),
                    @Header(name = AnnualSummaryResource.CONTENT_SECURITY_POLICY, description = "The page's policy, as the summary's",
                            schema = @Schema(type = SchemaType.STRING, enumeration = AnnualSummaryResource.HTML_POLICY)) },
            content = @Content(mediaType = AnnualSummaryResource.HTML, schema = @Schema(type = SchemaType.STRING, maxLength = Limits.PUBLISHED_HTML),
                    examples = @ExampleObject(name = "page", value = "<!DOCTYPE html>\n<html lang=\"zh-CN\">…<table class=\"header\">\n<tr><th>索引号</th>"
                            + "<td>11440300MB2C92413C/2020-00112</td><th>分类</th><td></td></tr>…<h1>市政务服务数据管理局关于报送2020年度人大代表建议办理工作总结的报告</h1>…")))
    @APIResponse(responseCode = "304", description = "If-None-Match names the version in force: nothing has changed",
            headers = { @Header(name = "ETag", description = ETAG_DESCRIPTION, schema = @Schema(type = SchemaType.STRING, maxLength = 32, pattern = ETAG_PATTERN)),
                    @Header(name = CACHE_CONTROL, description = CACHE_DESCRIPTION, schema = @Schema(type = SchemaType.STRING, maxLength = 40, pattern = "^public, max-age=[0-9]{1,10}$")) })
    @APIResponse(responseCode = "400", description = "Unit code or year out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = ProblemExamples.VALIDATION)))
    @APIResponse(responseCode = "404", description = "Not published (never, or withdrawn), or no such unit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = NOT_PUBLISHED)))
    @APIResponse(responseCode = "429", ref = "TooManyRequests")
    public Response html(
            @Parameter(description = "Unit code", example = "sz-zsj") @PathParam("unit") @Pattern(regexp = StatisticsResource.CODE) @Size(max = Limits.CODE) String unit,
            @Parameter(description = "Year", example = "2020") @PathParam("year") @Min(1949) @Max(2100) int year,
            @Parameter(in = ParameterIn.HEADER, name = HttpHeaders.IF_NONE_MATCH, description = "Entity tags the caller holds", example = "\"1.html\"")
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) @Size(max = Limits.IF_NONE_MATCH) String ifNoneMatch) {
        Published published = publications.published(unit, year);
        EntityTag tag = new EntityTag(published.publication().version + ".html");
        if (matches(ifNoneMatch, tag)) {
            return notModified(tag);
        }
        return cacheable(Response.ok(published.publication().html, AnnualSummaryResource.HTML), tag)
                .header(AnnualSummaryResource.CONTENT_SECURITY_POLICY, AnnualSummaryResource.HTML_POLICY).build();
    }

    /** The strong entity tag of a published version's JSON (the HTML page's ends in .html: another representation). */
    static EntityTag jsonTag(long version) {
        return new EntityTag(version + ".json");
    }

    private Response.ResponseBuilder cacheable(Response.ResponseBuilder response, EntityTag tag) {
        // the same URL answers JSON and HTML: shared caches keep one per Accept
        return response.tag(tag).header(CACHE_CONTROL, cacheControl()).header(VARY, HttpHeaders.ACCEPT);
    }

    private Response notModified(EntityTag tag) {
        return cacheable(Response.notModified(), tag).build();
    }

    private String cacheControl() {
        return "public, max-age=" + config.maxAge().toSeconds();
    }

    /**
     * If-None-Match as RFC 9110 reads it: {@code *}, or a list of entity tags compared weakly (a {@code W/} prefix is
     * ignored), so a cache that revalidates with the tag it holds gets 304 while the version is unchanged.
     */
    static boolean matches(String ifNoneMatch, EntityTag tag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String value = candidate.strip();
            if (value.equals("*")) {
                return true;
            }
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            if (value.equals("\"" + tag.getValue() + "\"")) {
                return true;
            }
        }
        return false;
    }
}
