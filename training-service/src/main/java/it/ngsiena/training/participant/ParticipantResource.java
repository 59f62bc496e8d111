package it.ngsiena.training.participant;

import it.ngsiena.kernel.http.ETags;
import it.ngsiena.kernel.http.IdempotentCreates;
import it.ngsiena.kernel.paging.Page;
import it.ngsiena.kernel.paging.PageRequest;
import it.ngsiena.kernel.paging.PagedResponse;
import it.ngsiena.kernel.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
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
import org.jboss.resteasy.reactive.RestResponse;

@Path("/v1/training")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Participants", description = "People of the municipalities who take part in the training (personal data)")
public class ParticipantResource {

    private final ParticipantService participants;
    private final IdempotentCreates creates;

    ParticipantResource(ParticipantService participants, IdempotentCreates creates) {
        this.participants = participants;
        this.creates = creates;
    }

    @POST
    @Path("/participants")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TRAINING_PARTNER, Roles.PROGRAMME_ADMIN, Roles.MUNICIPALITY_OFFICER})
    @Operation(
            operationId = "registerParticipant",
            summary = "Register a participant",
            description = "training-partner, programme-admin, or an officer for their own municipality. E-mail unique.")
    @APIResponse(
            responseCode = "201",
            description = "Registered",
            headers = @Header(name = "Location"),
            content = @Content(schema = @Schema(implementation = ParticipantResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "403", description = "Another municipality's person")
    @APIResponse(responseCode = "409", description = "E-mail already registered")
    public Response register(
            @HeaderParam(IdempotentCreates.HEADER) String key,
            @Valid @NotNull ParticipantRequest request,
            @Context UriInfo uri) {
        return creates.create(key, "POST /v1/training/participants", request, () -> {
            Participant p = participants.create(request);
            return new IdempotentCreates.Created(
                    uri.getAbsolutePathBuilder().path(p.id.toString()).build(), ParticipantResponse.full(p));
        });
    }

    @GET
    @Path("/participants")
    @RolesAllowed(Roles.ANY_PLATFORM_ROLE)
    @Operation(
            operationId = "listParticipants",
            summary = "List participants",
            description = "Personal fields only for the training partner, the admin, and officers for their own"
                    + " municipality's people; everyone else sees id, municipality and role.")
    @APIResponse(responseCode = "400", description = "Invalid filter or paging")
    @APIResponse(
            responseCode = "200",
            description = "A page of participants",
            headers = {@Header(name = "Link"), @Header(name = "X-Total-Count")})
    public RestResponse<Page<ParticipantResponse>> list(
            @QueryParam("municipality") @Pattern(regexp = "\\d{6}", message = "must be a 6-digit ISTAT code")
                    String municipality,
            @Parameter(description = "Only participants with this role") @QueryParam("role") ParticipantRole role,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size,
            @Context UriInfo uri) {
        return PagedResponse.of(
                participants
                        .list(municipality, role, PageRequest.of(page, size))
                        .map(participants::view),
                uri);
    }

    @GET
    @Path("/participants/{id}")
    @RolesAllowed(Roles.ANY_PLATFORM_ROLE)
    @Operation(
            operationId = "getParticipant",
            summary = "Read a participant",
            description = "training-partner, programme-admin, officers of the participant's municipality; 404 for"
                    + " everyone else, so that existence does not leak.")
    @APIResponse(
            responseCode = "200",
            description = "The participant",
            headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = ParticipantResponse.class)))
    @APIResponse(responseCode = "404", description = "No such participant, or not yours to see")
    public Response get(@PathParam("id") UUID id) {
        return withETag(participants.get(id));
    }

    @PUT
    @Path("/participants/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TRAINING_PARTNER, Roles.PROGRAMME_ADMIN, Roles.MUNICIPALITY_OFFICER})
    @Operation(
            operationId = "replaceParticipant",
            summary = "Correct a participant's data (If-Match required)",
            description = "training-partner, programme-admin, or an officer for their own municipality's people (and"
                    + " only into their own municipality). Not possible once the data was erased.")
    @APIResponse(
            responseCode = "200",
            description = "Updated",
            headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = ParticipantResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "403", description = "Moving someone to a municipality that is not yours")
    @APIResponse(responseCode = "404", description = "No such participant, or not yours to see")
    @APIResponse(responseCode = "409", description = "E-mail already registered, or data erased")
    public Response replace(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ParticipantRequest request) {
        return withETag(participants.replace(id, request, ifMatch));
    }

    @DELETE
    @Path("/participants/{id}")
    @RolesAllowed({Roles.TRAINING_PARTNER, Roles.PROGRAMME_ADMIN, Roles.MUNICIPALITY_OFFICER})
    @Operation(
            operationId = "eraseParticipant",
            summary = "Erase a participant's personal data on request",
            description = "training-partner, programme-admin, officers of the participant's municipality. Name,"
                    + " e-mail and office are cleared; id, municipality, role, hours and certificates stay so that"
                    + " the reports keep their totals. Repeating it changes nothing.")
    @APIResponse(responseCode = "204", description = "Erased")
    @APIResponse(responseCode = "404", description = "No such participant, or not yours to see")
    public void erase(@PathParam("id") UUID id) {
        participants.erase(id);
    }

    private static Response withETag(Participant p) {
        return Response.ok(ParticipantResponse.full(p)).tag(ETags.of(p.version)).build();
    }
}
