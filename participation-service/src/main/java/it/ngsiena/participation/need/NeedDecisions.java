package it.ngsiena.participation.need;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the partner's decisions on a need. */
public final class NeedDecisions {

    private NeedDecisions() {}

    @Schema(name = "PrioritiseRequest")
    public record Prioritise(
            @Schema(example = "Bisogno condiviso da cinque comuni, coerente con la misura PNRR M1C1")
            @NotBlank
            @Size(max = 2000)
            String rationale,

            @Schema(
                    description = "When it was prioritised, when recorded afterwards: not in the future, not before"
                            + " the need was submitted; now when omitted",
                    example = "2022-05-10T10:00:00+02:00")
            OffsetDateTime occurredAt) {}

    @Schema(name = "NeedWithdrawRequest")
    public record Withdraw(
            @Schema(example = "Il comune ha risolto il problema con risorse proprie") @NotBlank @Size(max = 2000)
            String reason,

            @Schema(
                    description = "When it was withdrawn, " + it.ngsiena.kernel.time.OccurredAt.AFTERWARDS,
                    example = "2022-05-10T10:00:00+02:00")
            OffsetDateTime occurredAt) {}

    @Schema(name = "RejectRequest")
    public record Reject(
            @Schema(example = "Il bisogno è già coperto dal servizio provinciale esistente") @NotBlank @Size(max = 2000)
            String answer,

            @Schema(
                    description = "When it was rejected, when recorded afterwards: not in the future, not before the"
                            + " need was submitted; now when omitted",
                    example = "2022-05-10T10:00:00+02:00")
            OffsetDateTime occurredAt) {}
}
