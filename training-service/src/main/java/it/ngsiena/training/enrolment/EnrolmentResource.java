package it.ngsiena.training.enrolment;

import it.ngsiena.kernel.http.TimeParams;
import it.ngsiena.kernel.paging.Items;
import it.ngsiena.kernel.security.Roles;
import it.ngsiena.kernel.time.OccurredAt;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/training")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Enrolments", description = "Seats in sessions, and their waiting lists")
@APIResponse(responseCode = "403", description = "Not the training partner, the admin or a municipality officer")
public class EnrolmentResource {

    private final EnrolmentService enrolments;

    EnrolmentResource(EnrolmentService enrolments) {
        this.enrolments = enrolments;
    }

    /** Who to enrol. */
    @Schema(name = "EnrolmentRequest")
    public record EnrolmentRequest(
            @Schema(example = "3f1c2b9e-6a55-4f4e-9d0a-2b7c1e8d5a10") @NotNull
            UUID participantId,

            @Schema(
                    description = "When the participant enrolled, " + OccurredAt.AFTERWARDS,
                    example = "2022-03-10T09:00:00+01:00")
            OffsetDateTime occurredAt) {}

    /** A session's new number of seats. */
    @Schema(name = "SessionCapacityRequest")
    public record CapacityRequest(
            @Schema(example = "40")
            @NotNull
            @jakarta.validation.constraints.Min(1)
            @jakarta.validation.constraints.Max(10000)
            Integer capacity,

            @Schema(
                    description = "When it was changed, " + OccurredAt.AFTERWARDS,
                    example = "2022-03-15T09:00:00+01:00")
            OffsetDateTime occurredAt) {}

    @POST
    @Path("/sessions/{id}/capacity")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TRAINING_PARTNER, Roles.PROGRAMME_ADMIN})
    @Tag(name = "Sessions")
    @Operation(
            operationId = "changeSessionCapacity",
            summary = "Change a scheduled session's number of seats",
            description = "training-partner or programme-admin. More seats go to the first on the waiting list, in the"
                    + " order they enrolled (each promoted one gets participant enrolled with promotedFromWaitingList,"
                    + " and a mail); fewer than the seats taken is a 409 with enrolled. Publishes"
                    + " it.ngsiena.training.session.capacity-changed.v1; the same capacity again changes nothing.")
    @APIResponse(
            responseCode = "200",
            description = "The session with its seats",
            content = @Content(schema = @Schema(implementation = it.ngsiena.training.session.SessionResponse.class)))
    @APIResponse(responseCode = "404", description = "No such session")
    @APIResponse(responseCode = "409", description = "Fewer seats than taken, or the session is HELD or CANCELLED")
    public it.ngsiena.training.session.SessionResponse capacity(
            @PathParam("id") UUID sessionId, @Valid @NotNull CapacityRequest request) {
        return it.ngsiena.training.session.SessionResponse.of(
                enrolments.changeCapacity(sessionId, request.capacity(), request.occurredAt()));
    }

    @POST
    @Path("/sessions/{id}/enrolments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TRAINING_PARTNER, Roles.PROGRAMME_ADMIN, Roles.MUNICIPALITY_OFFICER})
    @Operation(
            operationId = "enrol",
            summary = "Enrol a participant in a scheduled session",
            description = "training-partner, programme-admin, or an officer for their own municipality's people."
                    + " A full session puts the enrolment on the waiting list (status WAITING). Enrolling again"
                    + " returns the existing enrolment (200). Publishes it.ngsiena.training.participant.enrolled.v1.")
    @APIResponse(
            responseCode = "201",
            description = "Enrolled or waiting",
            content = @Content(schema = @Schema(implementation = EnrolmentResponse.class)))
    @APIResponse(
            responseCode = "200",
            description = "Already enrolled or waiting",
            content = @Content(schema = @Schema(implementation = EnrolmentResponse.class)))
    @APIResponse(responseCode = "404", description = "No such session, or no such participant visible to you")
    @APIResponse(responseCode = "409", description = "The session is HELD or CANCELLED")
    public Response enrol(
            @PathParam("id") UUID sessionId, @Valid @NotNull EnrolmentRequest request, @Context UriInfo uri) {
        EnrolmentService.Outcome outcome = enrolments.enrol(sessionId, request.participantId(), request.occurredAt());
        EnrolmentResponse body = EnrolmentResponse.of(outcome.enrolment());
        if (!outcome.created()) {
            return Response.ok(body).build();
        }
        return Response.created(uri.getBaseUriBuilder()
                        .path("/v1/training/enrolments/{id}")
                        .build(outcome.enrolment().id))
                .entity(body)
                .build();
    }

    @GET
    @Path("/sessions/{id}/enrolments")
    @RolesAllowed({Roles.TRAINING_PARTNER, Roles.PROGRAMME_ADMIN, Roles.MUNICIPALITY_OFFICER})
    @Operation(
            operationId = "listEnrolments",
            summary = "Enrolments and waiting list of a session, in order",
            description = "Officers see their own municipality's people only.")
    @APIResponse(responseCode = "200", description = "Enrolled first, then the waiting list")
    public Items<EnrolmentResponse> list(@PathParam("id") UUID sessionId) {
        return Items.of(enrolments.ofSession(sessionId).stream()
                .map(EnrolmentResponse::of)
                .toList());
    }

    @DELETE
    @Path("/enrolments/{id}")
    @RolesAllowed({Roles.TRAINING_PARTNER, Roles.PROGRAMME_ADMIN, Roles.MUNICIPALITY_OFFICER})
    @Operation(
            operationId = "withdrawEnrolment",
            summary = "Withdraw an enrolment",
            description = "A freed seat goes to the first on the waiting list. Withdrawing twice changes nothing."
                    + " Publishes it.ngsiena.training.enrolment.withdrawn.v1. occurredAt dates a withdrawal"
                    + " recorded afterwards.")
    @APIResponse(
            responseCode = "200",
            description = "Withdrawn",
            content = @Content(schema = @Schema(implementation = EnrolmentResponse.class)))
    @APIResponse(responseCode = "404", description = "No such enrolment visible to you")
    public EnrolmentResponse withdraw(
            @PathParam("id") UUID id,
            @Parameter(description = OccurredAt.DESCRIPTION, example = "2022-03-20T09:00:00+01:00")
                    @QueryParam("occurredAt")
                    String occurredAt) {
        return EnrolmentResponse.of(enrolments.withdraw(id, TimeParams.occurredAt(occurredAt)));
    }
}
