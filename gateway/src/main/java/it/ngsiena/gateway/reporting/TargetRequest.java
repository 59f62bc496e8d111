package it.ngsiena.gateway.reporting;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A target to set: for the whole programme, or for one municipality. */
@Schema(name = "TargetRequest")
public record TargetRequest(
        @Schema(description = "ISTAT code; absent for the whole programme", example = "052032")
        @Pattern(regexp = "\\d{6}", message = "must be a 6-digit ISTAT code")
        String municipality,

        @Schema(description = "The target, 0 or more", example = "40")
        @NotNull
        @DecimalMin("0")
        @DecimalMax("1000000000")
        @Digits(integer = 12, fraction = 2)
        BigDecimal target) {}
