package it.ngsiena.kernel.inbox;

import it.ngsiena.kernel.paging.Items;
import it.ngsiena.kernel.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The programme admin's view of a service's dead letters, on the service itself (the gateway's own at
 * the gateway): what its consumer could not handle, and a replay once the cause is fixed.
 */
@Path("/v1/admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration", description = "Operators' tools (programme-admin): dead letters, read-model rebuilds")
public class DeadLetterResource {

    private final DeadLetters deadLetters;

    DeadLetterResource(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GET
    @RolesAllowed(Roles.PROGRAMME_ADMIN)
    @io.smallrye.common.annotation.Blocking
    @Operation(
            operationId = "listDeadLetters",
            summary = "The records this service's consumer sent to a DLQ",
            description = "programme-admin. Those not replayed yet, oldest first, at most 500.")
    @APIResponse(responseCode = "200", description = "The dead letters")
    public Items<DeadLetters.DeadLetter> list() {
        return Items.of(deadLetters.list());
    }

    @POST
    @Path("/replay")
    @RolesAllowed(Roles.PROGRAMME_ADMIN)
    @io.smallrye.common.annotation.Blocking
    @Operation(
            operationId = "replayDeadLetters",
            summary = "Handle dead letters again",
            description = "programme-admin. All of them, or the one named by topic, partition and offset. Each is"
                    + " handled once more by this consumer, as if read from its topic again (nothing is written"
                    + " to the topic); the consumer is idempotent, so an event handled meanwhile changes nothing."
                    + " The first that still fails stops the replay with 409; those before it are done.")
    @APIResponse(
            responseCode = "200",
            description = "How many were handled",
            content = @Content(schema = @Schema(example = "{\"replayed\": 1}")))
    @APIResponse(responseCode = "409", description = "A dead letter still fails (the reason in detail)")
    public Map<String, Integer> replay(
            @Parameter(
                            description =
                                    "The dead-letter topic of the one record to handle again (all of them when omitted)",
                            example = "ngs.participation.v1.dlq")
                    @QueryParam("topic")
                    String topic,
            @Parameter(description = "Its partition") @QueryParam("partition") Integer partition,
            @Parameter(description = "Its offset") @QueryParam("offset") Long offset) {
        return Map.of(
                "replayed",
                deadLetters.replay(
                        Optional.ofNullable(topic), Optional.ofNullable(partition), Optional.ofNullable(offset)));
    }
}
