package gov.suggestions.suggestion.rest;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import gov.suggestions.suggestion.domain.Limits;
import gov.suggestions.suggestion.domain.SuggestionHistoryEntry;
import gov.suggestions.suggestion.service.Caller;
import gov.suggestions.suggestion.service.SuggestionHistory;
import gov.suggestions.suggestion.service.SuggestionService;

@Path("/api/v1/suggestions/{id}/history")
@Tag(name = "History", description = "Append-only, hash-chained history of each suggestion (有迹可循)")
@Produces(MediaType.APPLICATION_JSON)
public class HistoryResource {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Schema(name = "HistoryEntry")
    public record HistoryEntry(
            @Schema(description = "1, 2, … in order", minimum = "1", maximum = "" + Limits.HISTORY_ENTRIES) int seq,
            @Schema(description = "REGISTERED, WITHDRAWN, ASSIGNED, REASSIGNMENT_REQUESTED, REASSIGNED, REASSIGNMENT_REJECTED, LINKED",
                    maxLength = Limits.HISTORY_ACTION) String action,
            @Schema(description = "Who did it (the token's subject)", maxLength = Limits.ACTOR) String actor,
            OffsetDateTime occurredAt,
            @Schema(description = "JSON object: the changed fields and their new values", maxLength = Limits.HISTORY_CHANGES) String changes,
            @Schema(description = "Hash of the previous entry (64 zeros for the first)", minLength = Limits.HASH, maxLength = Limits.HASH,
                    pattern = "^[0-9a-f]{64}$") String prevHash,
            @Schema(description = "SHA-256 over prevHash and the entry's canonical form", minLength = Limits.HASH, maxLength = Limits.HASH,
                    pattern = "^[0-9a-f]{64}$") String hash) {

        static HistoryEntry of(SuggestionHistoryEntry e) {
            return new HistoryEntry(e.seq, e.action, e.actor, e.occurredAt.atZone(ZONE).toOffsetDateTime(), e.changes, e.prevHash, e.hash);
        }
    }

    @Schema(name = "HistoryVerification")
    public record Verification(UUID suggestionId, boolean valid,
            @Schema(description = "Entries stored for the suggestion", minimum = "0", maximum = Limits.INT_MAX) int entries,
            @Schema(description = "Seq of the first entry that was altered, removed or cut off", minimum = "1", maximum = Limits.INT_MAX)
            Integer firstBrokenSeq,
            @Schema(description = "Why the chain breaks there", maxLength = Limits.VERIFICATION_REASON) String reason,
            @Schema(description = "Hash of the last entry when the chain holds", minLength = Limits.HASH, maxLength = Limits.HASH,
                    pattern = "^[0-9a-f]{64}$") String headHash) {
    }

    private final SuggestionService service;
    private final CallerFactory callers;

    public HistoryResource(SuggestionService service, CallerFactory callers) {
        this.service = service;
        this.callers = callers;
    }

    @GET
    @RolesAllowed({ Caller.CONGRESS_OFFICE, Caller.GOV_SUPERVISOR, Caller.SYSTEM, Caller.UNIT_OFFICE, Caller.UNIT_LEADER, Caller.HANDLER })
    @Operation(summary = "Read a suggestion's history",
            description = "Every change (registration, assignment, reassignment requests and decisions, withdrawal, links) with actor, time, "
                    + "what changed, and the hash chain linking the entries. Units read only suggestions assigned to them. A history holds at most "
                    + Limits.HISTORY_ENTRIES + " entries (a change beyond answers 409).")
    @APIResponse(responseCode = "200", description = "The entries in order", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = HistoryEntry.class, maxItems = Limits.HISTORY_ENTRIES), examples = @ExampleObject(name = "history", value = """
                    [ { "seq": 1, "action": "REGISTERED", "actor": "office-1", "occurredAt": "2020-05-12T09:30:00+08:00",
                        "changes": "{\\"number\\":\\"20200055\\",\\"state\\":\\"REGISTERED\\"}",
                        "prevHash": "0000000000000000000000000000000000000000000000000000000000000000",
                        "hash": "9f2c4b1e0d7a6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3" } ]""")))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "SuggestionNotFound")
    public List<HistoryEntry> history(@Parameter(description = "Suggestion id") @PathParam("id") UUID id) {
        return service.history(id, callers.current()).stream().map(HistoryEntry::of).toList();
    }

    @GET
    @Path("verification")
    @RolesAllowed({ Caller.CONGRESS_OFFICE, Caller.GOV_SUPERVISOR, Caller.SYSTEM, Caller.UNIT_OFFICE, Caller.UNIT_LEADER, Caller.HANDLER })
    @Operation(summary = "Verify a suggestion's history", description = "Recomputes the SHA-256 chain and names the first entry that was altered, removed or cut off.")
    @APIResponse(responseCode = "200", description = "The verification result", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Verification.class), examples = {
                    @ExampleObject(name = "valid", value = """
                            { "suggestionId": "0b5d1f0e-6a43-4c55-9d2e-1c9f3a7b8e21", "valid": true, "entries": 3, "firstBrokenSeq": null,
                              "reason": null, "headHash": "9f2c4b1e0d7a6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3" }"""),
                    @ExampleObject(name = "broken", value = """
                            { "suggestionId": "0b5d1f0e-6a43-4c55-9d2e-1c9f3a7b8e21", "valid": false, "entries": 3, "firstBrokenSeq": 2,
                              "reason": "entry 2 was altered after it was written", "headHash": null }""") }))
    @APIResponse(responseCode = "401", ref = "Unauthenticated")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "SuggestionNotFound")
    public Verification verify(@Parameter(description = "Suggestion id") @PathParam("id") UUID id) {
        SuggestionHistory.Verification v = service.verifyHistory(id, callers.current());
        return new Verification(id, v.valid(), v.entries(), v.firstBrokenSeq(), v.reason(), v.headHash());
    }
}
