package it.ngsiena.gateway.webhook;

import it.ngsiena.kernel.text.SingleLine;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new webhook subscription. Filters left out match everything the owner may read. */
@Schema(name = "WebhookSubscriptionRequest")
public record SubscriptionRequest(
        @Schema(
                description = "The receiver's https URL; it must resolve to public addresses only",
                example = "https://protocollo.comune.montepulciano.si.it/ngs/eventi")
        @NotBlank
        @Size(max = 2000)
        String url,

        @Schema(
                description = "Where the platform writes when the subscription is suspended",
                example = "ced@comune.montepulciano.si.it")
        @NotBlank
        @Email
        @Size(max = 254)
        @SingleLine
        String contactEmail,

        @Schema(description = "What the receiver is, for the owner's own lists", example = "Protocollo informatico")
        @Size(max = 200)
        @SingleLine
        String description,

        @Schema(
                description = "Only events of this workstream (training, participation, feasibility, comms) or of the"
                        + " programme itself (programme: membership)",
                example = "participation")
        @Pattern(regexp = "training|participation|feasibility|comms|programme")
        String workstream,

        @Schema(
                description = "Only events of these types (see the AsyncAPI document)",
                example = "[\"it.ngsiena.participation.need.submitted.v1\"]")
        @Size(max = 50)
        List<@NotBlank @Size(max = 200) String> eventTypes,

        @Schema(
                description = "Only events about this municipality (ISTAT code); an officer's subscription is"
                        + " always about their own",
                example = "052015")
        @Pattern(regexp = "\\d{6}")
        String municipality) {}
