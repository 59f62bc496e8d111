package it.ngsiena.training.privacy;

import it.ngsiena.kernel.security.Roles;
import it.ngsiena.training.attendance.Attendance;
import it.ngsiena.training.attendance.Certificate;
import it.ngsiena.training.enrolment.Enrolment;
import it.ngsiena.training.participant.Participant;
import it.ngsiena.training.participant.ParticipantResponse;
import it.ngsiena.training.participant.ParticipantService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Everything the training workstream holds about one person, for a subject access request (GDPR art. 15). */
@Path("/v1/training")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Participants")
public class ParticipantExportResource {

    private final ParticipantService participants;

    ParticipantExportResource(ParticipantService participants) {
        this.participants = participants;
    }

    @Schema(name = "ParticipantExport")
    public record Export(
            @Schema(description = "The participant as recorded")
            ParticipantResponse participant,

            @Schema(description = "Their enrolments") List<EnrolmentEntry> enrolments,

            @Schema(description = "Their attendance, per session")
            List<AttendanceEntry> attendance,

            @Schema(description = "Their certificates") List<CertificateEntry> certificates,
            OffsetDateTime exportedAt) {}

    @Schema(name = "ParticipantExportEnrolment")
    public record EnrolmentEntry(
            UUID id, UUID sessionId, String status, OffsetDateTime createdAt, OffsetDateTime updatedAt) {}

    @Schema(name = "ParticipantExportAttendance")
    public record AttendanceEntry(
            UUID sessionId,
            UUID courseId,
            @Schema(description = "Hours attended") BigDecimal hours) {}

    @Schema(name = "ParticipantExportCertificate")
    public record CertificateEntry(String code, UUID courseId, BigDecimal attendedHours, OffsetDateTime issuedAt) {}

    @GET
    @Path("/participants/{id}/export")
    @Transactional
    @RolesAllowed({Roles.TRAINING_PARTNER, Roles.PROGRAMME_ADMIN, Roles.MUNICIPALITY_OFFICER})
    @Operation(
            operationId = "exportParticipant",
            summary = "Export all data held about a participant",
            description = "training-partner, programme-admin, officers of the participant's municipality: personal"
                    + " data, enrolments, attendance and certificates in one document.")
    @APIResponse(
            responseCode = "200",
            description = "The export",
            content = @Content(schema = @Schema(implementation = Export.class)))
    @APIResponse(responseCode = "404", description = "No such participant, or not yours to see")
    public Export export(@PathParam("id") UUID id) {
        Participant p = participants.get(id);
        List<EnrolmentEntry> enrolments =
                Enrolment.<Enrolment>list("participantId = ?1 order by createdAt", id).stream()
                        .map(e -> new EnrolmentEntry(e.id, e.sessionId, e.status.name(), e.createdAt, e.updatedAt))
                        .toList();
        List<AttendanceEntry> attendance =
                Attendance.<Attendance>list("participantId = ?1 order by sessionId", id).stream()
                        .map(a -> new AttendanceEntry(a.sessionId, a.courseId, a.hours))
                        .toList();
        List<CertificateEntry> certificates =
                Certificate.<Certificate>list("participantId = ?1 order by issuedAt", id).stream()
                        .map(c -> new CertificateEntry(c.code, c.courseId, c.attendedHours, c.issuedAt))
                        .toList();
        return new Export(ParticipantResponse.full(p), enrolments, attendance, certificates, OffsetDateTime.now());
    }
}
