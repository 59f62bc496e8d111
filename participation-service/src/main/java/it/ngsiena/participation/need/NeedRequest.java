package it.ngsiena.participation.need;

import it.ngsiena.kernel.text.SingleLine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a client sends to submit a need. */
@Schema(name = "NeedRequest", description = "A need to submit")
public record NeedRequest(
        @Schema(example = "Sportello digitale intercomunale per le pratiche edilizie")
        @NotBlank
        @Size(max = 200)
        @SingleLine
        String title,

        @Schema(
                example = "I piccoli comuni non hanno personale per gestire online le pratiche edilizie; "
                        + "uno sportello condiviso ridurrebbe i tempi di risposta.")
        @NotBlank
        @Size(max = 5000)
        String description,

        @Schema(example = "DIGITAL_TRANSITION") @NotNull Theme theme,

        @Schema(description = "ISTAT codes of the municipalities concerned", example = "[\"052032\", \"052015\"]")
        @NotEmpty
        @Size(max = 35)
        List<@NotNull @Pattern(regexp = "\\d{6}", message = "must be a 6-digit ISTAT code") String> municipalities,

        @Schema(description = "Where the need was collected; ONLINE when omitted", example = "ONLINE")
        NeedOrigin origin,

        @Schema(description = "The submitting organisation", example = "Comune di Siena") @Size(max = 200)
        String submitterOrganisation,

        @Schema(description = "The workshop where the need was collected, if any")
        UUID workshopId,

        @Schema(
                description = "When the need was collected, for needs recorded afterwards (a partner's import, a"
                        + " workshop's needs entered later): not in the future, not before the programme's start; now when"
                        + " omitted. The event and every figure count the need at this time; createdAt stays the time it"
                        + " was received",
                example = "2022-04-12T10:00:00+02:00")
        OffsetDateTime occurredAt) {}
