package it.ngsiena.gateway.audit;

import it.ngsiena.kernel.security.Caller;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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

/** Who did what to a study, and when ({@link AuditTrail}). */
@Path("/v1/studies/{id}/history")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = AuditTrail.TAG)
public class StudyHistoryResource {

    private final AuditTrail trail;
    private final Caller caller;

    StudyHistoryResource(AuditTrail trail, Caller caller) {
        this.trail = trail;
        this.caller = caller;
    }

    @GET
    @PermitAll
    @Transactional
    @Operation(
            operationId = "studyHistory",
            summary = "What was done to a feasibility study",
            description = AuditTrail.HISTORY)
    @APIResponse(
            responseCode = "200",
            description = "The history, oldest first",
            headers = @Header(name = "Link"),
            content = @Content(schema = @Schema(implementation = AuditPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid cursor or limit")
    @APIResponse(responseCode = "404", description = "No event about this study that the caller may see")
    public Response history(
            @PathParam("id") UUID id,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 100 (default 50)") @QueryParam("limit") Integer limit,
            @Context UriInfo uri) {
        return trail.history("feasibility", "study", id, caller, cursor, limit, uri);
    }
}
