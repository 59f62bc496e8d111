package it.ngsiena.participation.solution;

import it.ngsiena.kernel.text.SingleLine;
import it.ngsiena.kernel.time.OccurredAt;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SolutionRequest")
public record SolutionRequest(
        @Schema(example = "Piattaforma unica in riuso da un comune capofila") @NotBlank @Size(max = 200) @SingleLine
        String title,

        @Schema(example = "Il comune capofila gestisce la piattaforma per conto degli altri tramite convenzione.")
        @NotBlank
        @Size(max = 5000)
        String description,

        @Schema(example = "Comune di Siena") @Size(max = 200)
        String proposerOrganisation,

        @Schema(description = "When it was proposed, " + OccurredAt.AFTERWARDS, example = "2022-06-20T10:00:00+02:00")
        OffsetDateTime occurredAt) {}
