package it.ngsiena.feasibility.funding;

import it.ngsiena.kernel.http.MergePatch;
import it.ngsiena.kernel.time.OccurredAt;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the funding-source endpoints. */
public final class FundingRequests {

    private FundingRequests() {}

    @Schema(name = "FundingSourceRequest")
    public record Add(
            @Schema(example = "PNRR") @NotNull FundingKind kind,

            @Schema(
                    description = "Required for PNRR, absent otherwise: a mission component of the PNRR"
                            + " (see /v1/feasibility/pnrr-components)",
                    example = "M1C1")
            @Pattern(regexp = "M\\d+C\\d+", message = "must be a PNRR component code such as M1C1")
            String pnrrComponent,

            @Schema(description = "PNRR measure within the component, when known", example = "1.2")
            @Pattern(regexp = "\\d+(\\.\\d+){0,2}", message = "must be a measure number such as 1.2")
            String pnrrMeasure,

            @Schema(example = "Avviso Misura 1.2 Abilitazione al cloud per le PA locali") @Size(max = 300)
            String programme,

            @Schema(description = "EUR, at most two decimals", example = "120000.00")
            @NotNull
            @DecimalMin("0.00")
            @Digits(integer = 12, fraction = 2)
            BigDecimal amountEur,

            @Schema(example = "IDENTIFIED") @NotNull FundingStatus status,

            @Schema(
                    description = "When it was identified, " + OccurredAt.AFTERWARDS,
                    example = "2022-06-10T09:00:00+02:00")
            OffsetDateTime occurredAt) {

        @AssertTrue(message = "is required for PNRR funding and only for it")
        @Schema(hidden = true)
        boolean isPnrrComponent() {
            return kind == null || (kind == FundingKind.PNRR) == (pnrrComponent != null);
        }
    }

    @Schema(
            name = "FundingSourceChange",
            description = "Only the fields to change",
            example = "{\"status\": \"AWARDED\", \"amountEur\": 118500.00}")
    public record Change(
            @DecimalMin("0.00") @Digits(integer = 12, fraction = 2)
            BigDecimal amountEur,

            FundingStatus status,

            @Schema(
                    description = "When the change was made, not stored: it dates the change's event. "
                            + OccurredAt.DESCRIPTION,
                    example = "2022-10-01T09:00:00+02:00")
            OffsetDateTime occurredAt)
            implements MergePatch.Document {

        @AssertTrue(message = "at least one field is required")
        @Schema(hidden = true)
        boolean isAnything() {
            return amountEur != null || status != null;
        }
    }

    @Schema(name = "FundingSource")
    public record FundingSourceView(
            UUID id,
            UUID studyId,
            @Schema(example = "PNRR") FundingKind kind,
            @Schema(example = "M1C1") String pnrrComponent,
            @Schema(example = "1.2") String pnrrMeasure,
            String programme,
            @Schema(example = "120000.00") BigDecimal amountEur,
            @Schema(example = "APPLIED") FundingStatus status,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt,
            long version) {

        static FundingSourceView of(FundingSource f) {
            return new FundingSourceView(
                    f.id,
                    f.studyId,
                    f.kind,
                    f.pnrrComponent,
                    f.pnrrMeasure,
                    f.programme,
                    f.amountEur,
                    f.status,
                    f.createdAt,
                    f.updatedAt,
                    f.version);
        }
    }
}
