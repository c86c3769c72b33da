package gov.suggestions.suggestion.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.suggestions.suggestion.domain.Limits;
import gov.suggestions.suggestion.rest.SuggestionResponse.LinkedSuggestion;
import gov.suggestions.suggestion.rest.SuggestionResponse.SimilarSuggestion;
import gov.suggestions.suggestion.service.Caller;
import gov.suggestions.suggestion.service.SimilarityService;

@Path("/api/v1/suggestions")
@Tag(name = "Similar suggestions", description = "Chinese full-text similarity and linking suggestions to be handled together (并案)")
@Produces(MediaType.APPLICATION_JSON)
public class SimilarityResource {

    static final String SIMILAR_EXAMPLE = """
            [ { "id": "3e9a0c52-7d41-4f0b-8a6e-5c2d1b0a9f87", "number": "20200226", "title": "关于先行先试加快区块链产业发展的建议",
                "year": 2020, "score": 0.4512 } ]""";

    static final String LINKS_EXAMPLE = """
            [ { "id": "3e9a0c52-7d41-4f0b-8a6e-5c2d1b0a9f87", "number": "20200226", "title": "关于先行先试加快区块链产业发展的建议" } ]""";

    @Schema(name = "LinkRequest")
    public record LinkRequest(@Schema(description = "The suggestion to handle together with this one") @NotNull UUID suggestionId) {
    }

    private final SimilarityService service;
    private final CallerFactory callers;

    public SimilarityResource(SimilarityService service, CallerFactory callers) {
        this.service = service;
        this.callers = callers;
    }

    @GET
    @Path("search")
    @RolesAllowed({ Caller.CONGRESS_OFFICE, Caller.GOV_SUPERVISOR, Caller.SYSTEM })
    @Operation(summary = "Search suggestions (Chinese full text)",
            description = "Words of `q` (tokenised by the smart Chinese analyser) matched against title, topics and body, ranked with ts_rank "
                    + "(title weighs most). A congress office searches its own congress body (an office token without `congress_body` finds nothing); others may name one with `congressBody`.")
    @APIResponse(responseCode = "200", description = "Best first", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = SimilarSuggestion.class, maxItems = Limits.SIMILAR),
            examples = @ExampleObject(name = "found", value = SIMILAR_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "q missing or too long, limit out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = ProblemExamples.VALIDATION)))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public List<SimilarSuggestion> search(
            @Parameter(description = "Words to look for", example = "区块链产业") @QueryParam("q") @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = Limits.QUERY) String q,
            @Parameter(description = "Congress body (an office searches its own; naming another finds nothing)", example = "shenzhen-npc") @QueryParam("congressBody") @jakarta.validation.constraints.Size(max = Limits.CODE) String congressBody,
            @Parameter(description = "How many, 1–50") @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(Limits.SIMILAR) int limit) {
        return service.search(q, congressBody, callers.current(), limit).stream().map(SimilarSuggestion::of).toList();
    }

    @GET
    @Path("{id}/similar")
    @RolesAllowed({ Caller.CONGRESS_OFFICE, Caller.GOV_SUPERVISOR, Caller.SYSTEM })
    @Operation(summary = "Find similar suggestions",
            description = "The suggestions of the same congress body, of this suggestion's year and the previous one, that share words "
                    + "with its title, topics and body (Lucene smart Chinese analyser, PostgreSQL ts_rank; title weighs most), best first. "
                    + "Withdrawn ones are left out.")
    @APIResponse(responseCode = "200", description = "Best first", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = SimilarSuggestion.class, maxItems = Limits.SIMILAR),
            examples = @ExampleObject(name = "similar", value = SIMILAR_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "limit out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = ProblemExamples.VALIDATION)))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "SuggestionNotFound")
    public List<SimilarSuggestion> similar(@Parameter(description = "Suggestion id") @PathParam("id") UUID id,
            @Parameter(description = "How many, 1–50") @QueryParam("limit") @DefaultValue("10") @Min(1) @Max(Limits.SIMILAR) int limit) {
        return service.similarTo(id, callers.current(), limit).stream().map(SimilarSuggestion::of).toList();
    }

    @POST
    @Path("{id}/links")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.CONGRESS_OFFICE)
    @Operation(summary = "Link two suggestions (并案)",
            description = "The two are handled together; each deputy still gets a reply. The link shows on both and "
                    + "`suggestion.linked.v1` is published for each. Linking again changes nothing (200). A suggestion is linked to at most "
                    + Limits.LINKS + " others.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LinkRequest.class),
            examples = @ExampleObject(name = "link", value = "{ \"suggestionId\": \"3e9a0c52-7d41-4f0b-8a6e-5c2d1b0a9f87\" }")))
    @APIResponse(responseCode = "201", description = "Linked; the suggestion's links", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = LinkedSuggestion.class, maxItems = Limits.LINKS),
            examples = @ExampleObject(name = "links", value = LINKS_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Linked before; the suggestion's links", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = LinkedSuggestion.class, maxItems = Limits.LINKS),
            examples = @ExampleObject(name = "links", value = LINKS_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "suggestionId missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = ProblemExamples.VALIDATION)))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", description = "Either suggestion is not in the office's congress body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = SuggestionResource.NOT_FOUND_PROBLEM)))
    @APIResponse(responseCode = "409", description = "A suggestion linked to itself, or either one linked to " + Limits.LINKS + " suggestions already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response link(@Parameter(description = "Suggestion id") @PathParam("id") UUID id, @NotNull @Valid LinkRequest request) {
        boolean created = service.link(id, request.suggestionId(), callers.current());
        List<LinkedSuggestion> links = service.linksOf(List.of(id)).stream().limit(Limits.LINKS)
                .map(l -> new LinkedSuggestion(l.linkedId(), l.number(), l.title())).toList();
        return Response.status(created ? 201 : 200).entity(links).build();
    }
}
