package gov.suggestions.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.suggestions.reporting.service.AnnualSummaryService;
import gov.suggestions.reporting.service.Caller;
import gov.suggestions.reporting.service.SummaryRenderer;

@Path("/api/v1/annual-summaries/{unit}/{year}")
@Tag(name = "Annual work summary", description = "年度建议办理工作总结 of a unit, figures recomputed from events on every render")
public class AnnualSummaryResource {

    static final String MARKDOWN = "text/markdown;charset=UTF-8";
    static final String HTML = "text/html;charset=UTF-8";

    private static final String SENTENCE = "(一)办理数量及主要内容。今年,我局共办理市人大代表建议30件。其中主办、承办、分办7件,"
            + "6件已收到人大代表“满意”评价,1件尚未评价;汇办23件,汇办意见全部按时反馈主办单位。内容主要涉及智慧城市、数据立法、政务数据共享等。";

    private final AnnualSummaryService summaries;
    private final CallerFactory callers;

    public AnnualSummaryResource(AnnualSummaryService summaries, CallerFactory callers) {
        this.summaries = summaries;
        this.callers = callers;
    }

    @GET
    @Produces(MARKDOWN)
    @RolesAllowed({ Caller.CONGRESS_OFFICE, Caller.GOV_SUPERVISOR, Caller.UNIT_OFFICE, Caller.UNIT_LEADER })
    @Operation(summary = "The annual work summary as Markdown",
            description = "Section 一、基本情况 with the unit's figures for the year (cases by role, evaluation results, joint opinions' "
                    + "timeliness, main topics), worded as the seed's report. A unit's office and leaders read only their own unit, a "
                    + "congress office the cases of its congress body, a supervisor all; otherwise 404. Ask with `Accept: text/html` for HTML.")
    @APIResponse(responseCode = "200", description = "The summary",
            content = @Content(mediaType = MARKDOWN, examples = @ExampleObject(name = "summary",
                    value = "# 深圳市政务服务数据管理局2020年度人大代表建议办理工作总结\n\n## 一、基本情况\n\n" + SENTENCE + "\n")))
    @APIResponse(responseCode = "400", description = "Unit code or year out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = ProblemExamples.VALIDATION)))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", description = "No handling of that unit in that year visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = ProblemExamples.NOT_FOUND)))
    public String markdown(
            @Parameter(description = "Unit code", example = "sz-zsj") @PathParam("unit") @Pattern(regexp = StatisticsResource.CODE) String unit,
            @Parameter(description = "Year", example = "2020") @PathParam("year") @Min(1949) @Max(2100) int year) {
        return SummaryRenderer.markdown(summaries.summary(callers.current(), unit, year));
    }

    @GET
    @Produces(HTML)
    @RolesAllowed({ Caller.CONGRESS_OFFICE, Caller.GOV_SUPERVISOR, Caller.UNIT_OFFICE, Caller.UNIT_LEADER })
    @Operation(summary = "The annual work summary as HTML", description = "The same content as the Markdown, as a standalone HTML page.")
    @APIResponse(responseCode = "200", description = "The summary",
            content = @Content(mediaType = HTML, examples = @ExampleObject(name = "summary",
                    value = "<!DOCTYPE html>\n<html lang=\"zh-CN\">…<h2>一、基本情况</h2>\n<p>" + SENTENCE + "</p>…")))
    @APIResponse(responseCode = "400", description = "Unit code or year out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = ProblemExamples.VALIDATION)))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", description = "No handling of that unit in that year visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = ProblemExamples.NOT_FOUND)))
    public String html(
            @Parameter(description = "Unit code", example = "sz-zsj") @PathParam("unit") @Pattern(regexp = StatisticsResource.CODE) String unit,
            @Parameter(description = "Year", example = "2020") @PathParam("year") @Min(1949) @Max(2100) int year) {
        return SummaryRenderer.html(summaries.summary(callers.current(), unit, year));
    }
}
