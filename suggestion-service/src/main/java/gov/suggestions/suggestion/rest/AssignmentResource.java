package gov.suggestions.suggestion.rest;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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

import gov.suggestions.suggestion.domain.Limits;
import gov.suggestions.suggestion.domain.ReassignmentRequest;
import gov.suggestions.suggestion.domain.Suggestion;
import gov.suggestions.suggestion.rest.AssignmentDtos.Approval;
import gov.suggestions.suggestion.rest.AssignmentDtos.AssignRequest;
import gov.suggestions.suggestion.rest.AssignmentDtos.ReassignmentResponse;
import gov.suggestions.suggestion.rest.AssignmentDtos.Rejection;
import gov.suggestions.suggestion.rest.AssignmentDtos.RequestReassignment;
import gov.suggestions.suggestion.rest.AssignmentDtos.UnitChoiceDto;
import gov.suggestions.suggestion.service.AssignmentService;
import gov.suggestions.suggestion.service.Caller;
import gov.suggestions.suggestion.service.SuggestionService;

@Path("/api/v1/suggestions/{id}")
@Tag(name = "Assignment", description = "Assignment (交办) of suggestions to handling units and reassignment requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AssignmentResource {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    static final String ASSIGN_EXAMPLE = """
            { "assignedOn": "2020-05-20",
              "units": [ { "unitCode": "sz-zsj", "role": "LEAD" }, { "unitCode": "sz-fgw", "role": "JOINT" } ] }""";

    static final String REQUEST_EXAMPLE = """
            { "id": "6f1c2a8e-0d3b-4b7a-9a51-2f0e8c4d7b11", "suggestionId": "0b5d1f0e-6a43-4c55-9d2e-1c9f3a7b8e21",
              "unitCode": "sz-fgw", "reason": "不属于本单位职责", "state": "PENDING",
              "requestedAt": "2020-05-25T10:00:00+08:00", "decidedAt": null, "decisionComment": null }""";

    static final String COMBINATION_PROBLEM = """
            { "type": "urn:gov-suggestions:problem:conflict", "title": "与当前状态冲突", "status": 409,
              "detail": "会办单位需要一个主办单位", "violations": [ { "field": "units", "message": "会办单位需要一个主办单位" } ] }""";

    static final String WINDOW_PROBLEM = """
            { "type": "urn:gov-suggestions:problem:conflict", "title": "与当前状态冲突", "status": 409,
              "detail": "申请调整的期限已于 2020-05-30 届满" }""";

    private final AssignmentService service;
    private final SuggestionService suggestions;
    private final CallerFactory callers;
    private final IfMatch preconditions;

    public AssignmentResource(AssignmentService service, SuggestionService suggestions, CallerFactory callers, IfMatch preconditions) {
        this.preconditions = preconditions;
        this.service = service;
        this.suggestions = suggestions;
        this.callers = callers;
    }

    @POST
    @Path("assignment")
    @RolesAllowed(Caller.CONGRESS_OFFICE)
    @Operation(summary = "Assign a suggestion (交办)",
            description = "Assigns a registered suggestion to its handling units, each with a role, and publishes `suggestion.assigned.v1`. "
                    + "Deadlines follow the configured rules (reply 3 months, joint opinion 1 month by default); a key supervised "
                    + "suggestion may carry its own `replyDue`. Refused with the reason (409, field `units`): a SOLE unit with others, "
                    + "two LEADs, JOINT without a LEAD, SEPARATE with a LEAD, an unknown or duplicate unit. Send the suggestion's ETag in If-Match.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AssignRequest.class), examples = @ExampleObject(name = "lead and joint", value = ASSIGN_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Assigned",
            headers = @Header(name = "ETag", description = "New version of the suggestion"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SuggestionResponse.class),
                    examples = @ExampleObject(name = "assigned", value = SuggestionResource.SUGGESTION_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid request; every field at fault is listed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = ProblemExamples.VALIDATION)))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", description = "No such suggestion in the office's congress body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = SuggestionResource.NOT_FOUND_PROBLEM)))
    @APIResponse(responseCode = "409", description = "Not registered any more, or an invalid combination of units and roles (the reason says which)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "joint without lead", value = COMBINATION_PROBLEM)))
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "428", ref = "PreconditionRequired")
    public Response assign(@Parameter(description = "Suggestion id") @PathParam("id") UUID id,
            @Parameter(in = ParameterIn.HEADER, name = "If-Match", description = "ETag of the suggestion", example = "\"0\"")
            @HeaderParam("If-Match") @Size(max = Limits.IF_MATCH) String ifMatch,
            @NotNull @Valid AssignRequest request) {
        LocalDate assignedOn = request.assignedOn() == null ? LocalDate.now(ZONE) : request.assignedOn();
        Caller caller = callers.current();
        long expected = preconditions.expectedVersion(ifMatch, () -> suggestions.versionForChange(id, caller));
        Suggestion suggestion = service.assign(id, assignedOn, request.units().stream().map(UnitChoiceDto::toChoice).toList(),
                request.replyDue(), expected, caller);
        return Response.ok(SuggestionResponse.of(suggestion)).tag(new EntityTag(Long.toString(suggestion.version))).build();
    }

    @POST
    @Path("reassignment-requests")
    @RolesAllowed(Caller.UNIT_OFFICE)
    @Operation(summary = "Request reassignment",
            description = "The office of a unit the suggestion is assigned to asks, with a reason, to be relieved of it. Only within the "
                    + "configured window after its assignment (10 days by default); afterwards 409. One pending request per unit; "
                    + "a suggestion collects at most " + Limits.REASSIGNMENT_REQUESTS + " requests (409 beyond).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RequestReassignment.class),
            examples = @ExampleObject(name = "request", value = "{ \"reason\": \"不属于本单位职责\" }")))
    @APIResponse(responseCode = "201", description = "Requested", headers = @Header(name = "Location", description = "URL of the request"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReassignmentResponse.class),
                    examples = @ExampleObject(name = "pending", value = REQUEST_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Reason missing or too long",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = ProblemExamples.VALIDATION)))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", description = "Not assigned to the caller's unit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = SuggestionResource.NOT_FOUND_PROBLEM)))
    @APIResponse(responseCode = "409", description = "The window has closed, a request is already pending, or the suggestion has "
            + Limits.REASSIGNMENT_REQUESTS + " requests already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "window closed", value = WINDOW_PROBLEM)))
    public Response requestReassignment(@Parameter(description = "Suggestion id") @PathParam("id") UUID id,
            @NotNull @Valid RequestReassignment request) {
        ReassignmentRequest created = service.requestReassignment(id, request.reason(), callers.current());
        return Response.created(URI.create("/api/v1/suggestions/" + id + "/reassignment-requests/" + created.id))
                .entity(ReassignmentResponse.of(created)).build();
    }

    @GET
    @Path("reassignment-requests")
    @RolesAllowed({ Caller.CONGRESS_OFFICE, Caller.GOV_SUPERVISOR, Caller.SYSTEM, Caller.UNIT_OFFICE })
    @Operation(summary = "List reassignment requests", description = "All of the suggestion's for the congress office; a unit office sees its own unit's. "
            + "A suggestion collects at most " + Limits.REASSIGNMENT_REQUESTS + " requests.")
    @APIResponse(responseCode = "200", description = "The requests, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = ReassignmentResponse.class,
                    maxItems = Limits.REASSIGNMENT_REQUESTS),
                    examples = @ExampleObject(name = "requests", value = "[" + REQUEST_EXAMPLE + "]")))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "SuggestionNotFound")
    public List<ReassignmentResponse> reassignmentRequests(@Parameter(description = "Suggestion id") @PathParam("id") UUID id) {
        return service.reassignmentRequests(id, callers.current()).stream().map(ReassignmentResponse::of).toList();
    }

    @POST
    @Path("reassignment-requests/{requestId}/approval")
    @RolesAllowed(Caller.CONGRESS_OFFICE)
    @Operation(summary = "Approve a reassignment request",
            description = "The requesting unit leaves the assignment and the named units join (deadlines from today); the result must be a "
                    + "valid combination of at most " + Limits.UNITS + " units (409 naming `units` otherwise). Publishes `suggestion.reassigned.v1`. "
                    + "A decided request answers 409.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Approval.class),
            examples = @ExampleObject(name = "approval", value = "{ \"addedUnits\": [ { \"unitCode\": \"sz-gxj\", \"role\": \"JOINT\" } ], \"comment\": \"同意\" }")))
    @APIResponse(responseCode = "200", description = "Approved",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReassignmentResponse.class),
                    examples = @ExampleObject(name = "approved", value = REQUEST_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = ProblemExamples.VALIDATION)))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", description = "Role not allowed (a unit cannot decide its own request)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "forbidden", value = ProblemExamples.FORBIDDEN)))
    @APIResponse(responseCode = "404", description = "No such suggestion or request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = SuggestionResource.NOT_FOUND_PROBLEM)))
    @APIResponse(responseCode = "409", description = "Already decided, or the resulting units are an invalid combination",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid result", value = COMBINATION_PROBLEM)))
    public ReassignmentResponse approve(@Parameter(description = "Suggestion id") @PathParam("id") UUID id,
            @Parameter(description = "Request id") @PathParam("requestId") UUID requestId, @NotNull @Valid Approval approval) {
        return ReassignmentResponse.of(service.approve(id, requestId, approval.addedUnits().stream().map(UnitChoiceDto::toChoice).toList(),
                approval.comment(), callers.current()));
    }

    @POST
    @Path("reassignment-requests/{requestId}/rejection")
    @RolesAllowed(Caller.CONGRESS_OFFICE)
    @Operation(summary = "Reject a reassignment request", description = "The assignment stays as it is. A decided request answers 409.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Rejection.class),
            examples = @ExampleObject(name = "rejection", value = "{ \"comment\": \"属于本单位职责范围\" }")))
    @APIResponse(responseCode = "200", description = "Rejected",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReassignmentResponse.class),
                    examples = @ExampleObject(name = "rejected", value = REQUEST_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Comment missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = ProblemExamples.VALIDATION)))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", description = "No such suggestion or request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = SuggestionResource.NOT_FOUND_PROBLEM)))
    @APIResponse(responseCode = "409", description = "Already decided",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReassignmentResponse reject(@Parameter(description = "Suggestion id") @PathParam("id") UUID id,
            @Parameter(description = "Request id") @PathParam("requestId") UUID requestId, @NotNull @Valid Rejection rejection) {
        return ReassignmentResponse.of(service.reject(id, requestId, rejection.comment(), callers.current()));
    }
}
