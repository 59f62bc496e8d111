package it.ngsiena.gateway.audit;

import it.ngsiena.kernel.security.Caller;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Who did what to one kind of record, and when ({@link AuditTrail}): each kind's resource names its path,
 * its workstream and what it is; the platform's OpenAPI filter names each operation ({@code needHistory}...).
 */
public abstract class RecordHistoryResource {

    private final AuditTrail trail;
    private final Caller caller;
    private final String workstream;
    private final String what;

    RecordHistoryResource(AuditTrail trail, Caller caller, String workstream, String what) {
        this.trail = trail;
        this.caller = caller;
        this.workstream = workstream;
        this.what = what;
    }

    @GET
    @PermitAll
    @Transactional
    @Produces(MediaType.APPLICATION_JSON)
    @Tag(name = "Audit", description = AuditTrail.TAG)
    @Operation(summary = "What was done to the record, by whom and when", description = AuditTrail.HISTORY)
    @APIResponse(
            responseCode = "200",
            description = "The history, oldest first",
            headers = @Header(name = "Link"),
            content = @Content(schema = @Schema(implementation = AuditPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid cursor or limit")
    @APIResponse(responseCode = "404", description = "No event about this record that the caller may see")
    public Response history(
            @PathParam("id") UUID id,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 100 (default 50)") @QueryParam("limit") Integer limit,
            @Context UriInfo uri) {
        return trail.history(workstream, what, id, caller, cursor, limit, uri);
    }
}
