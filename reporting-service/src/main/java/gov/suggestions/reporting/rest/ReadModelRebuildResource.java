package gov.suggestions.reporting.rest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.suggestions.reporting.domain.ReadModelRebuild;
import gov.suggestions.reporting.service.Caller;
import gov.suggestions.reporting.service.Limits;
import gov.suggestions.reporting.service.NotFoundException;
import gov.suggestions.reporting.service.ReadModelRebuilder;
import gov.suggestions.reporting.domain.Text;

@Path(ReadModelRebuildResource.PATH)
@Tag(name = "Read model", description = "Operator commands on the read model")
public class ReadModelRebuildResource {

    static final String PATH = "/api/v1/read-model/rebuilds";
    private static final String BASE = PATH + "/";
    /** The Location: the path and a uuid. */
    static final int LOCATION_LENGTH = 28 + 36;

    private static final String JOB_EXAMPLE = """
            { "id": "5b0c7e2a-1f4d-4c8e-9a3b-2d1e0f9c8b7a", "state": "RUNNING", "requestedBy": "ops-user",
              "requestedAt": "2026-11-27T22:00:00Z", "eventsToRead": 1000000, "eventsRead": 420000, "eventsSkipped": 0,
              "progress": 0.42 }""";

    private final ReadModelRebuilder rebuilder;
    private final CallerFactory callers;

    public ReadModelRebuildResource(ReadModelRebuilder rebuilder, CallerFactory callers) {
        this.rebuilder = rebuilder;
        this.callers = callers;
    }

    @Schema(name = "RebuildJob", description = "A rebuild of the read model and how far it got")
    public record RebuildJob(
            UUID id,
            @Schema(description = "RUNNING: replaying into fresh tables; SWITCHING: the last events, then the fresh tables replace the live ones; SUCCEEDED; FAILED",
                    enumeration = { "RUNNING", "SWITCHING", "SUCCEEDED", "FAILED" }) String state,
            @Schema(description = "Who started it (the token's subject)", maxLength = Limits.PERSON) String requestedBy,
            Instant requestedAt,
            Instant finishedAt,
            @Schema(description = "Events on the topics when the job started", minimum = "0", maximum = Limits.LONG_MAX) long eventsToRead,
            @Schema(description = "Events replayed so far (events that arrived meanwhile included)", minimum = "0", maximum = Limits.LONG_MAX)
            long eventsRead,
            @Schema(description = "Messages that cannot be processed (they went to the dead-letter topics when first consumed)", minimum = "0",
                    maximum = Limits.LONG_MAX) long eventsSkipped,
            @Schema(description = "eventsRead / eventsToRead, at most 1") BigDecimal progress,
            @Schema(description = "Why it failed", maxLength = Limits.REBUILD_ERROR) String error) {

        static RebuildJob of(ReadModelRebuild job) {
            BigDecimal progress = job.eventsToRead == 0 ? (job.state == ReadModelRebuild.State.SUCCEEDED ? BigDecimal.ONE : BigDecimal.ZERO)
                    : BigDecimal.valueOf(Math.min(job.eventsRead, job.eventsToRead)).divide(BigDecimal.valueOf(job.eventsToRead), 4, RoundingMode.DOWN);
            return new RebuildJob(job.id, job.state.name(), job.requestedBy, job.requestedAt, job.finishedAt, job.eventsToRead, job.eventsRead,
                    job.eventsSkipped, progress, job.error);
        }
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.SYSTEM)
    @Operation(summary = "Rebuild the read model from the topics",
            description = "Replays every consumed topic (suggestions, cases) from its beginning into fresh tables with a consumer of its "
                    + "own, while the service keeps answering from the live tables; once caught up, the live tables are locked for the "
                    + "last events and the fresh ones take their place in one transaction. Annual summary drafts and other data that do "
                    + "not come from events are kept. One rebuild at a time. Follow the job at the Location.")
    @APIResponse(responseCode = "202", description = "Started",
            headers = @Header(name = "Location", description = "The job, as a path on this service: " + BASE + "{id}",
                    schema = @Schema(type = SchemaType.STRING, format = "uri-reference", maxLength = LOCATION_LENGTH)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RebuildJob.class),
                    examples = @ExampleObject(name = "started", value = JOB_EXAMPLE)))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", description = "A rebuild is running",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "running", value = """
                            { "type": "urn:gov-suggestions:problem:rebuild-running", "title": "读模型正在重建", "status": 409,
                              "detail": "重建 5b0c7e2a-1f4d-4c8e-9a3b-2d1e0f9c8b7a 尚未完成", "instance": "/api/v1/read-model/rebuilds" }""")))
    public Response start() {
        ReadModelRebuild job = rebuilder.start(Limits.cut(callers.current().subject(), Limits.PERSON));
        // a path reference (RFC 9110 allows one): its length is fixed, and it stays right behind the Ingress
        return Response.accepted(RebuildJob.of(job)).header(HttpHeaders.LOCATION, BASE + job.id).build();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.SYSTEM)
    @Operation(summary = "A rebuild job", description = "Its state and progress.")
    @APIResponse(responseCode = "200", description = "The job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RebuildJob.class),
                    examples = @ExampleObject(name = "running", value = JOB_EXAMPLE)))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", description = "No such job",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = ProblemExamples.NOT_FOUND)))
    public RebuildJob get(@PathParam("id") UUID id) {
        return rebuilder.find(id).map(RebuildJob::of)
                .orElseThrow(() -> new NotFoundException(Text.of("没有这个重建任务", "No such rebuild job")));
    }
}
