package gov.suggestions.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.suggestions.reporting.rest.PublicationDtos.PublishedResponse;
import gov.suggestions.reporting.rest.PublicationDtos.WithdrawalRequest;
import gov.suggestions.reporting.rest.PublicationDtos.WithdrawalResponse;
import gov.suggestions.reporting.service.Caller;
import gov.suggestions.reporting.service.Limits;
import gov.suggestions.reporting.service.PublicationService;
import gov.suggestions.reporting.service.PublicationService.Published;

/** The unit office publishes its annual summary (办理结果公开) and withdraws it. */
@Path("/api/v1/annual-summaries/{unit}/{year}/publication")
@Tag(name = "Annual work summary", description = "年度建议办理工作总结 of a unit: the office's draft (header and narratives) and its renders, "
        + "figures recomputed from events on every render")
public class PublicationResource {

    static final String CONFLICT_NO_DRAFT = """
            { "type": "urn:gov-suggestions:problem:no-draft", "title": "没有总结草稿", "status": 409,
              "detail": "公开前须先建立该年度的总结草稿(索引号、发布机构等公开属性)", "instance": "/api/v1/annual-summaries/sz-zsj/2020/publication" }""";
    static final String CONFLICT_NOT_PUBLISHED = """
            { "type": "urn:gov-suggestions:problem:not-published", "title": "总结未公开", "status": 409,
              "detail": "该单位该年度的总结没有处于公开状态,无需撤回", "instance": "/api/v1/annual-summaries/sz-zsj/2020/publication/withdrawal" }""";

    private final PublicationService publications;
    private final CallerFactory callers;

    public PublicationResource(PublicationService publications, CallerFactory callers) {
        this.publications = publications;
        this.callers = callers;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.UNIT_OFFICE)
    @Operation(operationId = "publishAnnualSummary", summary = "Publish the annual summary (办理结果公开)",
            description = "The unit's own office publishes its summary for the year: the summary is rendered as it is now (figures, "
                    + "narratives and the draft's disclosure header) and frozen as the public version, which anyone reads without a token at "
                    + "`/api/v1/public/annual-summaries/{unit}/{year}`. Publishing again replaces it with a new version (a new ETag); later "
                    + "edits of the draft change nothing public until then. Needs the draft (409 without). Another unit's summary answers 404, "
                    + "a unit office token without the unit claim 403, every other role 403.")
    @APIResponse(responseCode = "200", description = "Published: the version the public now reads",
            headers = @Header(name = "ETag", description = "The public JSON version's entity tag", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, maxLength = 32, pattern = PublicSummaryResource.ETAG_PATTERN)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PublishedResponse.class),
                    examples = @ExampleObject(name = "published", value = PublicationDtos.PUBLISHED_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Unit code or year out of range, or a summary larger than a published version may be",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = ProblemExamples.VALIDATION)))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", description = "Another unit's summary",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = ProblemExamples.DRAFT_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "No draft (the disclosure header) for the year, or no handling to summarise",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "no draft", value = CONFLICT_NO_DRAFT)))
    public Response publish(
            @Parameter(description = "Unit code", example = "sz-zsj") @PathParam("unit") @Pattern(regexp = StatisticsResource.CODE) @Size(max = Limits.CODE) String unit,
            @Parameter(description = "Year", example = "2020") @PathParam("year") @Min(1949) @Max(2100) int year) {
        Published published = publications.publish(callers.current(), unit, year);
        return Response.ok(PublishedResponse.of(published)).tag(PublicSummaryResource.jsonTag(published.publication().version)).build();
    }

    @POST
    @Path("withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.UNIT_OFFICE)
    @Operation(operationId = "withdrawAnnualSummaryPublication", summary = "Withdraw the published annual summary",
            description = "The unit's own office takes its published summary off the public pages, giving the reason; afterwards the public "
                    + "answers 404 and the list no longer shows it. Withdrawing what is not published answers 409. Publishing again makes a "
                    + "new version public.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WithdrawalRequest.class), examples = @ExampleObject(name = "reason", value = "{ \"reason\": \"附件数据有误,更正后重新公开\" }")))
    @APIResponse(responseCode = "200", description = "Withdrawn",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WithdrawalResponse.class),
                    examples = @ExampleObject(name = "withdrawn", value = PublicationDtos.WITHDRAWN_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Reason missing, blank or too long; unit code or year out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = ProblemExamples.VALIDATION)))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", description = "Another unit's summary",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = ProblemExamples.DRAFT_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "The summary is not published (never, or already withdrawn)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not published", value = CONFLICT_NOT_PUBLISHED)))
    public WithdrawalResponse withdraw(
            @Parameter(description = "Unit code", example = "sz-zsj") @PathParam("unit") @Pattern(regexp = StatisticsResource.CODE) @Size(max = Limits.CODE) String unit,
            @Parameter(description = "Year", example = "2020") @PathParam("year") @Min(1949) @Max(2100) int year,
            @NotNull @Valid WithdrawalRequest request) {
        return WithdrawalResponse.of(publications.withdraw(callers.current(), unit, year, request.reason()));
    }
}
