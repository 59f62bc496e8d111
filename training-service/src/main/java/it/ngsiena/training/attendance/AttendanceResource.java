package it.ngsiena.training.attendance;

import it.ngsiena.kernel.http.ETags;
import it.ngsiena.kernel.security.Roles;
import it.ngsiena.training.session.SessionRequests;
import it.ngsiena.training.session.SessionResponse;
import it.ngsiena.training.session.TrainingSession;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/training")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Attendance and certificates",
        description = "Attendance at training sessions, and the certificates it earns")
public class AttendanceResource {

    private final AttendanceService attendance;

    AttendanceResource(AttendanceService attendance) {
        this.attendance = attendance;
    }

    @Schema(name = "AttendanceRequest", example = """
            {"attendance": [{"participantId": "3f1c2b9e-6a55-4f4e-9d0a-2b7c1e8d5a10", "hoursAttended": 2},
                            {"participantId": "8d0e7a41-1c3b-4b6f-a2e9-5f4d3c2b1a09", "hoursAttended": 1.5}]}""")
    public record AttendanceRequest(
            @Schema(description = "One line per participant who attended") @NotNull @Size(max = 10000)
            List<SessionRequests.@NotNull @Valid AttendanceLine> attendance,

            @Schema(
                    description =
                            "When this attendance was taken, when pushed afterwards: not in the future, not"
                                    + " before the session's start; now when omitted. Certificates it completes are issued then",
                    example = "2022-03-24T11:00:00+01:00")
            java.time.OffsetDateTime occurredAt) {}

    @Schema(name = "AttendanceResult")
    public record AttendanceResult(
            @Schema(description = "False when the same list was pushed before")
            boolean changed,

            @Schema(description = "Attendance lines recorded")
            int lines,

            @Schema(description = "Certificates this attendance completed, if any")
            List<UUID> certificatesIssued) {}

    @POST
    @Path("/sessions/{id}/held")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TRAINING_PARTNER, Roles.PROGRAMME_ADMIN})
    @Tag(name = "Sessions")
    @Operation(
            operationId = "markSessionHeld",
            summary = "Record that a session took place, with the hours delivered",
            description = "training-partner or programme-admin. SCHEDULED → HELD; If-Match optional. The attendance"
                    + " may come along (same rules as PUT .../attendance), so that the published"
                    + " it.ngsiena.training.session.held.v1 carries attendees and hours per municipality.")
    @APIResponse(
            responseCode = "200",
            description = "Held",
            headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = SessionResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "403", description = "Not the training partner or the admin")
    @APIResponse(responseCode = "409", description = "Not SCHEDULED")
    @APIResponse(responseCode = "422", description = "More hours than scheduled, or attendance that does not fit")
    public Response held(
            @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull SessionRequests.Held request) {
        List<SessionRequests.AttendanceLine> lines = request.attendance() == null ? List.of() : request.attendance();
        TrainingSession s = attendance
                .hold(id, request.deliveredHours(), lines(lines), request.occurredAt(), ifMatch)
                .session();
        return Response.ok(SessionResponse.of(s)).tag(ETags.of(s.version)).build();
    }

    @PUT
    @Path("/sessions/{id}/attendance")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TRAINING_PARTNER, Roles.PROGRAMME_ADMIN})
    @Operation(
            operationId = "recordAttendance",
            summary = "Record the whole attendance of a held session",
            description = "training-partner (its LMS) or programme-admin. Replaces the previous list; the same list"
                    + " again changes nothing. Hours between 0 and the hours delivered, enrolled participants only."
                    + " Publishes attendance recorded, and certificate issued for those who reach the threshold.")
    @APIResponse(
            responseCode = "200",
            description = "Recorded",
            content = @Content(schema = @Schema(implementation = AttendanceResult.class)))
    @APIResponse(responseCode = "403", description = "Not the training partner or the admin")
    @APIResponse(responseCode = "409", description = "The session is not HELD")
    @APIResponse(responseCode = "422", description = "A line names someone not enrolled, or too many hours")
    public AttendanceResult record(@PathParam("id") UUID sessionId, @Valid @NotNull AttendanceRequest request) {
        var result = attendance.record(sessionId, lines(request.attendance()), request.occurredAt());
        return new AttendanceResult(result.changed(), result.lines(), result.certificatesIssued());
    }

    private static List<AttendanceService.Line> lines(List<SessionRequests.AttendanceLine> lines) {
        return lines.stream()
                .map(l -> new AttendanceService.Line(l.participantId(), l.hoursAttended()))
                .toList();
    }
}
