package it.ngsiena.training.certificate;

import it.ngsiena.kernel.problem.ProblemException;
import it.ngsiena.kernel.security.Roles;
import it.ngsiena.kernel.time.OccurredAt;
import it.ngsiena.training.attendance.Certificate;
import it.ngsiena.training.course.Course;
import it.ngsiena.training.participant.Participant;
import it.ngsiena.training.participant.ParticipantService;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Certificates as people use them: verified by anyone by their code, handed over as a PDF (the holder's
 * municipality officer and the training partner download it), and revoked with a reason.
 */
@Path("/v1/training/certificates/{code}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Attendance and certificates")
public class CertificateResource {

    static final String PDF = "application/pdf";
    private static final ZoneId ITALY = ZoneId.of("Europe/Rome");

    private final ParticipantService participants;
    private final CertificateRevocations revocations;
    private final OccurredAt occurredAt;
    private final String base;
    private final String issuer;

    CertificateResource(
            ParticipantService participants,
            CertificateRevocations revocations,
            OccurredAt occurredAt,
            @ConfigProperty(name = "ngs.training.public-base-url") String base,
            @ConfigProperty(name = "ngs.training.certificate-issuer") String issuer) {
        this.participants = participants;
        this.revocations = revocations;
        this.occurredAt = occurredAt;
        this.base = base.replaceAll("/+$", "");
        this.issuer = issuer;
    }

    /** The public URL that verifies the certificate with this code (printed, and in its QR code). */
    public static String verificationUrl(String base, String code) {
        return base + "/v1/training/certificates/" + code;
    }

    @Schema(name = "CertificateVerification")
    public record Verification(
            @Schema(example = "NGS-7KQ2M9XH4P") String code,

            @Schema(description = "Title of the course", example = "PNRR: bandi e rendicontazione")
            String course,

            @Schema(example = "10.5") BigDecimal attendedHours,
            OffsetDateTime issuedAt,

            @Schema(description = "Initials only", example = "G. R.")
            String participantInitials,

            @Schema(description = "Whether it holds") CertificateStatus status,
            @Schema(example = "Valido") String statusLabelIt,
            @Schema(example = "Valid") String statusLabelEn,

            @Schema(description = "When it was revoked, if it was", example = "2022-11-30T10:00:00Z")
            OffsetDateTime revokedAt,

            @Schema(description = "Why it was revoked, if it was", example = "Presenze corrette sotto la soglia")
            String revocationReason) {

        static Verification of(Certificate c) {
            Course course = Course.findById(c.courseId);
            Participant p = Participant.findById(c.participantId);
            CertificateStatus status = CertificateStatus.of(c);
            return new Verification(
                    c.code,
                    course.title,
                    c.attendedHours,
                    c.issuedAt,
                    p == null || p.erasedAt != null
                            ? null
                            : p.givenName.charAt(0) + ". " + p.familyName.charAt(0) + ".",
                    status,
                    status.labelIt(),
                    status.labelEn(),
                    c.revokedAt,
                    c.revocationReason);
        }
    }

    @Schema(name = "CertificateRevokeRequest")
    public record Revoke(
            @Schema(
                    description = "Why: shown to anyone who verifies the certificate, so it names no person and"
                            + " gives no personal circumstances (health, family, discipline)",
                    example = "Attestato rilasciato per errore a un omonimo")
            @NotBlank
            @Size(max = 2000)
            String reason,

            @Schema(
                    description = "When it was revoked, " + OccurredAt.AFTERWARDS,
                    example = "2022-12-01T10:00:00+01:00")
            OffsetDateTime occurredAt) {}

    @GET
    @PermitAll
    @Operation(
            operationId = "verifyCertificate",
            summary = "Verify a certificate by its code",
            description = "Public: the URL printed on the certificate and in its QR code. Shows whether it holds"
                    + " (VALID, or REVOKED with the date and the reason), the course, the hours, the issue date and"
                    + " the participant's initials only.")
    @APIResponse(
            responseCode = "200",
            description = "The certificate with this code, valid or revoked",
            content = @Content(schema = @Schema(implementation = Verification.class)))
    @APIResponse(responseCode = "404", description = "No certificate has this code")
    @Transactional
    public Verification verify(
            @Parameter(description = "The verification code printed on the certificate") @PathParam("code")
                    String code) {
        return Verification.of(found(code));
    }

    @GET
    @Path("/document")
    @Produces({PDF, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.TRAINING_PARTNER, Roles.PROGRAMME_ADMIN, Roles.MUNICIPALITY_OFFICER})
    @Operation(
            operationId = "downloadCertificate",
            summary = "Download a certificate as PDF",
            description = "training-partner, programme-admin, or an officer of the holder's municipality. One A4"
                    + " page: the holder's name, the course, the hours, the issue date, the issuer, the code and a"
                    + " QR code of the public verification URL. Not for a revoked certificate, nor once the"
                    + " holder's data was erased.")
    @APIResponse(
            responseCode = "200",
            description = "The PDF",
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=attestato-<code>.pdf"),
            content =
                    @Content(
                            mediaType = PDF,
                            schema = @Schema(type = SchemaType.STRING, format = "binary"),
                            example = "%PDF-1.4 … (one A4 page)"))
    @APIResponse(responseCode = "404", description = "No such certificate visible to you")
    @APIResponse(responseCode = "409", description = "The certificate was revoked")
    @APIResponse(responseCode = "410", description = "The holder's personal data was erased")
    @Transactional
    public Response document(
            @Parameter(description = "The certificate's verification code") @PathParam("code") String code) {
        Certificate c = found(code);
        if (!participants.maySee(c.municipality)) {
            throw ProblemException.notFound("Certificate", code);
        }
        if (!c.valid()) {
            throw ProblemException.conflict(
                    "Certificate " + code + " was revoked on " + c.revokedAt + ": " + c.revocationReason,
                    Map.of("currentStatus", CertificateStatus.REVOKED.name()));
        }
        Participant holder = Participant.findById(c.participantId);
        if (holder == null || holder.erasedAt != null) {
            throw ProblemException.of(
                    410,
                    "gone",
                    "Gone",
                    "The holder's personal data was erased: the certificate can no longer be printed");
        }
        Course course = Course.findById(c.courseId);
        byte[] pdf = CertificateDocument.render(new CertificateDocument.Content(
                holder.givenName + " " + holder.familyName,
                course.title,
                c.attendedHours,
                c.issuedAt.atZoneSameInstant(ITALY).toLocalDate(),
                issuer,
                c.code,
                verificationUrl(base, c.code)));
        return Response.ok(pdf, PDF)
                .header("Content-Disposition", "attachment; filename=\"attestato-" + c.code + ".pdf\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    @POST
    @Path("/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TRAINING_PARTNER, Roles.PROGRAMME_ADMIN})
    @Operation(
            operationId = "revokeCertificate",
            summary = "Revoke a certificate, with the reason",
            description = "training-partner or programme-admin. Its verification then answers REVOKED with the date"
                    + " and the reason; publishes it.ngsiena.training.certificate.revoked.v1. A corrected"
                    + " attendance that no longer reaches the course's threshold revokes it by itself, and one that"
                    + " reaches it again issues a new certificate (a new code).")
    @APIResponse(
            responseCode = "200",
            description = "Revoked",
            content = @Content(schema = @Schema(implementation = Verification.class)))
    @APIResponse(responseCode = "404", description = "No certificate has this code")
    @APIResponse(responseCode = "409", description = "Already revoked")
    @Transactional
    public Verification revoke(
            @Parameter(description = "The certificate's verification code") @PathParam("code") String code,
            @Valid @NotNull Revoke request) {
        Certificate c = found(code);
        if (!c.valid()) {
            throw ProblemException.conflict(
                    "Certificate " + code + " was already revoked on " + c.revokedAt,
                    Map.of("currentStatus", CertificateStatus.REVOKED.name()));
        }
        OffsetDateTime at = occurredAt.orNow("occurredAt", request.occurredAt(), c.issuedAt, "its issue");
        revocations.revoke(c, request.reason().strip(), at);
        return Verification.of(c);
    }

    private static Certificate found(String code) {
        Certificate c = Certificate.<Certificate>find("code", code).firstResult();
        if (c == null) {
            throw ProblemException.notFound("Certificate", code);
        }
        return c;
    }
}
