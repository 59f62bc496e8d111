package it.ngsiena.feasibility.study;

import it.ngsiena.feasibility.funding.PnrrMeasureCode;
import it.ngsiena.kernel.http.MergePatch;
import it.ngsiena.kernel.text.SingleLine;
import it.ngsiena.kernel.time.OccurredAt;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the study endpoints. */
public final class StudyRequests {

    static final String ISTAT = "\\d{6}";
    /** A letter, two digits, a letter, then eleven digits (the fifth and sixth are the year of the decision). */
    static final String CUP = "[A-Z][0-9]{2}[A-Z][0-9]{11}";

    private StudyRequests() {}

    @Schema(name = "StudyRequest")
    public record Create(
            @Schema(example = "Sportello digitale intercomunale: studio di fattibilità")
            @NotBlank
            @Size(max = 200)
            @SingleLine
            String title,

            @Schema(
                    example =
                            "Costi, modello organizzativo e piattaforma per uno sportello condiviso tra cinque comuni")
            @Size(max = 5000)
            String scope,

            @Schema(example = "[\"6a1f7c9e-2b34-4d8a-9e51-0c3b7d2f8a61\"]") @NotEmpty @Size(max = 50)
            List<@NotNull UUID> needIds,

            @Schema(example = "[\"052032\", \"052015\"]") @NotEmpty @Size(max = 35)
            List<@NotNull @Pattern(regexp = ISTAT, message = "must be a 6-digit ISTAT code") String> municipalities,

            @Schema(
                    description = "Need theme codes (see /v1/participation/themes)",
                    example = "[\"DIGITAL_TRANSITION\"]")
            @Size(max = 9)
            List<@NotNull String> themes,

            @Schema(example = "Open Impact") @Size(max = 200)
            String leadOrganisation,

            @Schema(description = "The analyst's role, not their name", example = "Analista senior di impatto")
            @Size(max = 200)
            String leadRole,

            @Schema(description = "When it was opened, " + OccurredAt.AFTERWARDS, example = "2022-05-20T09:00:00+02:00")
            OffsetDateTime occurredAt) {}

    @Schema(
            name = "StudyEdit",
            description = "Only the fields to change",
            example = "{\"leadRole\": \"Responsabile dello studio\", \"cup\": \"J61B22000120006\"}")
    public record Edit(
            @Size(max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") @SingleLine
            String title,

            @Size(max = 5000) String scope,
            @Size(max = 200) String leadOrganisation,
            @Size(max = 200) String leadRole,

            @Schema(description = "Codice Unico di Progetto, once funded")
            @Pattern(regexp = CUP, message = "must be a CUP: a letter, two digits, a letter and eleven digits")
            String cup,

            @Schema(
                    description = "Codice Locale Progetto: the implementing body's own code of the project",
                    example = "SIENA-PNRR-2022-014")
            @Size(max = 60)
            @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._/-]*", message = "must be letters, digits and . _ / -")
            String localProjectCode,

            @Schema(
                    description =
                            "PNRR sub-measure it is funded under (Codice Univoco Submisura); its mission, component"
                                    + " and measure are read from it",
                    example = "M1C1I1.01.00")
            @Pattern(regexp = PnrrMeasureCode.PATTERN, message = "must be a PNRR sub-measure code such as M1C1I1.01.00")
            String pnrrSubMeasure,

            @Schema(
                    description = "When the change was made, not stored: it dates the project codes' event. "
                            + OccurredAt.DESCRIPTION,
                    example = "2022-09-01T09:00:00+02:00")
            OffsetDateTime occurredAt)
            implements MergePatch.Document {

        @AssertTrue(message = "at least one field is required")
        @Schema(hidden = true)
        boolean isAnything() {
            return title != null
                    || scope != null
                    || leadOrganisation != null
                    || leadRole != null
                    || cup != null
                    || localProjectCode != null
                    || pnrrSubMeasure != null;
        }
    }

    @Schema(name = "StudyStartRequest", example = "{\"leadOrganisation\": \"Open Impact\"}")
    public record Start(
            @Size(max = 200) String leadOrganisation,
            @Size(max = 200) String leadRole,

            @Schema(
                    description = "When the study started, when recorded afterwards: not in the future, not before the"
                            + " programme's start; now when omitted",
                    example = "2022-06-01T09:00:00+02:00")
            java.time.OffsetDateTime occurredAt) {}

    @Schema(name = "StudyCompleteRequest")
    public record Complete(
            @Schema(example = "FEASIBLE_WITH_CONDITIONS") @NotNull
            Verdict verdict,

            @Schema(
                    description = "Required with FEASIBLE_WITH_CONDITIONS",
                    example = "Convenzione tra i comuni per la gestione associata del servizio")
            @Size(max = 5000)
            String conditions,

            @Schema(description = "EUR, at most two decimals", example = "185000.00")
            @NotNull
            @DecimalMin("0.00")
            @Digits(integer = 12, fraction = 2)
            BigDecimal estimatedCostEur,

            @Schema(example = "Fattibile con una convenzione tra i comuni; costo stimato su tre anni.")
            @NotBlank
            @Size(max = 5000)
            String summary,

            @Schema(
                    description = "When the study was completed, when recorded afterwards: not in the future, not"
                            + " before the study started; now when omitted",
                    example = "2022-10-05T12:00:00+02:00")
            java.time.OffsetDateTime occurredAt) {

        @AssertTrue(message = "are required when the verdict is FEASIBLE_WITH_CONDITIONS")
        @Schema(hidden = true)
        boolean isConditions() {
            return verdict != Verdict.FEASIBLE_WITH_CONDITIONS || (conditions != null && !conditions.isBlank());
        }
    }

    @Schema(name = "StudyAbandonRequest")
    public record Abandon(
            @Schema(example = "Il bisogno è coperto da un progetto regionale") @NotBlank @Size(max = 2000)
            String reason,

            @Schema(
                    description = "When it was abandoned, " + OccurredAt.AFTERWARDS,
                    example = "2022-07-15T12:00:00+02:00")
            OffsetDateTime occurredAt) {}

    @Schema(name = "MilestoneRequest")
    public record NewMilestone(
            @Schema(example = "Analisi dei costi") @NotBlank @Size(max = 200)
            String title,

            @Schema(example = "2022-11-30") @NotNull LocalDate dueOn) {}

    @Schema(name = "MilestoneReachedRequest")
    public record Reached(
            @Schema(
                    description = "The day it was reached (Europe/Rome): not in the future, not before the programme's"
                            + " start; the event is dated that day",
                    example = "2022-11-25")
            @NotNull
            LocalDate reachedOn) {}

    @Schema(name = "DocumentLinkRequest")
    public record NewDocument(
            @Schema(example = "Relazione di fattibilità (bozza)") @NotBlank @Size(max = 200)
            String title,

            @Schema(example = "https://docs.example.org/openimpact/studio-42.pdf")
            @NotNull
            @Size(max = 1000)
            @Pattern(regexp = "https://\\S+", message = "must be an https URL")
            String url) {}

    @Schema(name = "ImpactIndicatorRequest")
    public record NewIndicator(
            @Schema(example = "Pratiche gestite online") @NotBlank @Size(max = 200)
            String name,

            @Schema(example = "pratiche/anno") @NotBlank @Size(max = 50)
            String unit,

            @Schema(example = "120") @NotNull @Digits(integer = 16, fraction = 2)
            BigDecimal baseline,

            @Schema(example = "900") @NotNull @Digits(integer = 16, fraction = 2)
            BigDecimal target) {}
}
