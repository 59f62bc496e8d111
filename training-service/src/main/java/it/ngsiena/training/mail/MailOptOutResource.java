package it.ngsiena.training.mail;

import it.ngsiena.kernel.problem.ProblemException;
import it.ngsiena.training.participant.Participant;
import jakarta.annotation.security.PermitAll;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The unsubscribe link of every mail to a participant: the token in it is the credential (participants have no
 * account). Afterwards the person is mailed nothing; their enrolments are untouched.
 */
@Path("/v1/training/mail/unsubscribe")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Participants' mail", description = "Mails to participants, and how they stop them")
public class MailOptOutResource {

    @Schema(name = "ParticipantMailState", description = "Whether the participant still receives mail")
    public record MailState(
            @Schema(
                    enumeration = {"UNSUBSCRIBED"},
                    example = "UNSUBSCRIBED")
            String status,

            @Schema(description = "Since when", example = "2026-11-12T09:30:00Z")
            OffsetDateTime since) {}

    @GET
    @PermitAll
    @Transactional
    @Operation(
            operationId = "unsubscribeParticipantByLink",
            summary = "Stop the mails to a participant (the link in every such mail)",
            description = "Anonymous: the token of the link in the mail is the credential. No enrolment, reschedule, "
                    + "cancellation or certificate mail is sent to the person afterwards; their enrolments stay. "
                    + "Opening the link again answers the same.")
    @APIResponse(
            responseCode = "200",
            description = "Unsubscribed",
            content = @Content(schema = @Schema(implementation = MailState.class)))
    @APIResponse(responseCode = "404", description = "Unknown link")
    public MailState unsubscribe(
            @Parameter(description = "The token of the link in the e-mail: it is the credential") @QueryParam("token")
                    String token) {
        return optOut(token);
    }

    @POST
    @PermitAll
    @Transactional
    @Operation(
            operationId = "unsubscribeParticipantOneClick",
            summary = "One-click stop of a participant's mails (RFC 8058, from mail clients)",
            description = "Anonymous: the token of the mail's List-Unsubscribe header is the credential. What mail "
                    + "clients call for one-click unsubscribe (RFC 8058); same effect as unsubscribeParticipantByLink.")
    @APIResponse(
            responseCode = "200",
            description = "Unsubscribed",
            content = @Content(schema = @Schema(implementation = MailState.class)))
    @APIResponse(responseCode = "404", description = "Unknown link")
    public MailState unsubscribeOneClick(
            @Parameter(description = "The token of the link in the e-mail: it is the credential") @QueryParam("token")
                    String token) {
        return optOut(token);
    }

    private static MailState optOut(String token) {
        Participant p = token == null || token.isBlank()
                ? null
                : Participant.<Participant>find("mailToken", token).firstResult();
        if (p == null) {
            throw ProblemException.notFound("Unsubscribe link", "");
        }
        if (p.mailOptOutAt == null) {
            p.mailOptOutAt = Participant.now();
            p.updatedAt = p.mailOptOutAt;
        }
        return new MailState("UNSUBSCRIBED", p.mailOptOutAt);
    }
}
