package it.ngsiena.gateway.reporting;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A target against what was achieved in a period. */
@Schema(name = "TargetProgress")
public record TargetProgress(
        @Schema(description = "What the target counts", example = "NEEDS_COLLECTED")
        Indicator indicator,

        @Schema(description = "Italian label of the indicator", example = "Bisogni raccolti")
        String indicatorLabelIt,

        @Schema(description = "English label of the indicator", example = "Needs collected")
        String indicatorLabelEn,

        @Schema(description = "The municipality (ISTAT code); absent for the whole programme", example = "052032")
        String municipality,

        @Schema(description = "The target", example = "40") BigDecimal target,

        @Schema(description = "Achieved in the period (every event counted is public)", example = "33")
        long achieved,

        @Schema(description = "achieved / target, in percent, one decimal; absent for a target of 0", example = "82.5")
        BigDecimal percent) {}
