package it.ngsiena.gateway.activity;

import it.ngsiena.kernel.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/admin/read-models/rebuild")
@Tag(name = "Administration", description = "Operators' tools (programme-admin): dead letters, read-model rebuilds")
public class RebuildResource {

    private final ActivityRebuild rebuild;

    RebuildResource(ActivityRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @POST
    @RolesAllowed(Roles.PROGRAMME_ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    @io.smallrye.common.annotation.Blocking
    @Operation(
            operationId = "rebuildReadModels",
            summary = "Rebuild the feed and every figure from the topics",
            description = "programme-admin. Reads the four topics from their beginning with today's projection and"
                    + " makes the feed agree with them; events consumed meanwhile are kept. Synchronous. One rebuild at"
                    + " a time across the gateway's instances; one that cannot read the topics to their end leaves the"
                    + " feed as it was.")
    @APIResponse(
            responseCode = "200",
            description = "Done",
            content = @Content(schema = @Schema(implementation = ActivityRebuild.Result.class)))
    @APIResponse(responseCode = "409", description = "A rebuild is already running")
    @APIResponse(
            responseCode = "503",
            description = "The topics could not be read to the end; nothing changed",
            headers = @org.eclipse.microprofile.openapi.annotations.headers.Header(name = "Retry-After"))
    public ActivityRebuild.Result rebuild() {
        return rebuild.rebuild();
    }
}
