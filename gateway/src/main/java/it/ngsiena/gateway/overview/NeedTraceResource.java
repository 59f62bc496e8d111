package it.ngsiena.gateway.overview;

import it.ngsiena.kernel.security.Caller;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What became of a need: its trace across the workstreams, from the events the caller may see. */
@Path("/v1/needs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Programme figures", description = "Aggregates of every workstream's events; no personal data")
public class NeedTraceResource {

    private final NeedTrace traces;
    private final Caller caller;

    NeedTraceResource(NeedTrace traces, Caller caller) {
        this.traces = traces;
        this.caller = caller;
    }

    @GET
    @Path("/{id}/trace")
    @PermitAll
    @Transactional
    @Operation(
            operationId = "needTrace",
            summary = "What became of a need, in one document",
            description = "Public, built from the events the caller may see (see listActivity): the need's latest"
                    + " state, the studies opened for it with verdicts, costs and funding, the announcements about it"
                    + " or its studies, and a timeline of those events. Anonymous callers get what the programme"
                    + " publishes; the need's progress, a study's funding or an announcement for another audience"
                    + " only reach the callers who may read them from the owning service.")
    @APIResponse(
            responseCode = "200",
            description = "The trace",
            content = @Content(schema = @Schema(implementation = NeedTrace.Trace.class)))
    @APIResponse(responseCode = "404", description = "No event about this need")
    public NeedTrace.Trace trace(@PathParam("id") java.util.UUID id) {
        return traces.of(id, caller.readerGrants());
    }
}
