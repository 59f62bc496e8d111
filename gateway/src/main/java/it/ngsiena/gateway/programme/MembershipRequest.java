package it.ngsiena.gateway.programme;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A municipality's membership as the programme admin records it. */
@Schema(name = "MembershipRequest")
public record MembershipRequest(
        @Schema(description = "First day of participation", example = "2022-03-24") @NotNull LocalDate joinedOn,
        @Schema(description = "Day it stopped taking part (exclusive); absent while it takes part",
                example = "2023-01-01") LocalDate leftOn,
        @Schema(example = "Adesione deliberata dalla giunta comunale") @Size(max = 500) String note) {

    @AssertTrue(message = "must be after joinedOn")
    @Schema(hidden = true)
    boolean isLeftOn() {
        return leftOn == null || joinedOn == null || leftOn.isAfter(joinedOn);
    }
}
