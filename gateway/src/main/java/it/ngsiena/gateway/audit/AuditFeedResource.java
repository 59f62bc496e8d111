package it.ngsiena.gateway.audit;

import it.ngsiena.gateway.activity.ActivityFilter;
import it.ngsiena.kernel.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The platform's audit feed, for the programme's admin. */
@Path("/v1/admin/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = AuditTrail.TAG)
public class AuditFeedResource {

    private final AuditTrail trail;

    AuditFeedResource(AuditTrail trail) {
        this.trail = trail;
    }

    @GET
    @RolesAllowed(Roles.PROGRAMME_ADMIN)
    @Transactional
    @Operation(
            operationId = "listAudit",
            summary = "Who did what on the platform, newest first",
            description = "Every event of every workstream with who caused it, for the programme's admin: one"
                    + " account's actions (actor), one workstream's, one type's, or a period's. Events published"
                    + " before the platform recorded actors have none.")
    @APIResponse(
            responseCode = "200",
            description = "A page of the audit feed",
            headers = @Header(name = "Link"),
            content = @Content(schema = @Schema(implementation = AuditPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid filter, cursor or limit")
    public Response list(
            @Parameter(
                            description = "Only what this account did (its id at the identity provider, the sub)",
                            example = "5b0c6f2e-1d7a-4c1e-9f3b-8e2a7d4c6b10")
                    @QueryParam("actor")
                    String actor,
            @Parameter(
                            description = "training, participation, feasibility, comms or programme",
                            example = "participation")
                    @QueryParam("workstream")
                    String workstream,
            @Parameter(description = "Event type", example = "it.ngsiena.participation.need.prioritised.v1")
                    @QueryParam("type")
                    String type,
            @Parameter(description = "Events at or after this time (RFC 3339)", example = "2022-03-01T00:00:00Z")
                    @QueryParam("from")
                    String from,
            @Parameter(description = "Events before this time (RFC 3339)", example = "2023-01-01T00:00:00Z")
                    @QueryParam("to")
                    String to,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 100 (default 50)") @QueryParam("limit") Integer limit,
            @Context UriInfo uri) {
        return trail.feed(actor, ActivityFilter.parse(null, workstream, type, from, to), cursor, limit, uri);
    }
}
