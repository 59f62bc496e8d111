package it.ngsiena.feasibility.opportunity;

import it.ngsiena.feasibility.funding.FundingKind;
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

/** Bodies of the funding-opportunity endpoints. */
public final class OpportunityRequests {

    private OpportunityRequests() {}

    @Schema(name = "FundingOpportunityRequest")
    public record Publish(
            @Schema(example = "Avviso (fittizio) per servizi digitali associati dei piccoli comuni")
            @NotBlank
            @Size(max = 300)
            @SingleLine
            String title,

            @Schema(example = "Dipartimento per la trasformazione digitale") @NotBlank @Size(max = 200)
            String funder,

            @Schema(example = "PNRR") @NotNull FundingKind kind,

            @Schema(description = "Required for PNRR, absent otherwise", example = "M1C1")
            @Pattern(regexp = "M\\d+C\\d+", message = "must be a PNRR component code such as M1C1")
            String pnrrComponent,

            @Schema(description = "Need theme codes", example = "[\"DIGITAL_TRANSITION\", \"GOVERNANCE\"]")
            @NotEmpty
            @Size(max = 9)
            List<@NotNull String> themes,

            @Schema(description = "ISTAT codes; empty or absent: every municipality", example = "[]") @Size(max = 400)
            List<@NotNull @Pattern(regexp = "\\d{6}", message = "must be a 6-digit ISTAT code") String>
                    eligibleMunicipalities,

            @Schema(example = "2022-06-01") @NotNull LocalDate opensOn,
            @Schema(example = "2022-12-15") @NotNull LocalDate deadline,

            @Schema(description = "EUR, at most two decimals", example = "5000000.00")
            @DecimalMin("0.00")
            @Digits(integer = 14, fraction = 2)
            BigDecimal totalBudgetEur,

            @Schema(
                    description = "When it was published, " + OccurredAt.AFTERWARDS,
                    example = "2022-06-01T09:00:00+02:00")
            OffsetDateTime occurredAt) {

        @AssertTrue(message = "is required for PNRR opportunities and only for them")
        @Schema(hidden = true)
        boolean isPnrrComponent() {
            return kind == null || (kind == FundingKind.PNRR) == (pnrrComponent != null);
        }

        @AssertTrue(message = "must not be before opensOn")
        @Schema(hidden = true)
        boolean isDeadline() {
            return opensOn == null || deadline == null || !deadline.isBefore(opensOn);
        }
    }

    @Schema(
            name = "FundingOpportunityEdit",
            description = "Only the fields to change",
            example = "{\"deadline\": \"2022-12-31\", \"totalBudgetEur\": 6000000.00}")
    public record Edit(
            @Size(max = 300) @Pattern(regexp = ".*\\S.*", message = "must not be blank") @SingleLine
            String title,

            @Size(max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
            String funder,

            @Size(max = 9) List<@NotNull String> themes,

            @Size(max = 400)
            List<@NotNull @Pattern(regexp = "\\d{6}", message = "must be a 6-digit ISTAT code") String>
                    eligibleMunicipalities,

            LocalDate opensOn,
            LocalDate deadline,

            @DecimalMin("0.00") @Digits(integer = 14, fraction = 2)
            BigDecimal totalBudgetEur,

            @Schema(
                    description = "When the change was made, not stored: it dates the change's event. "
                            + OccurredAt.DESCRIPTION,
                    example = "2022-07-01T09:00:00+02:00")
            OffsetDateTime occurredAt)
            implements it.ngsiena.kernel.http.MergePatch.Document {

        @AssertTrue(message = "at least one field is required")
        @Schema(hidden = true)
        boolean isAnything() {
            return title != null
                    || funder != null
                    || themes != null
                    || eligibleMunicipalities != null
                    || opensOn != null
                    || deadline != null
                    || totalBudgetEur != null;
        }
    }

    /** Why a call is closed early or withdrawn. */
    @Schema(name = "FundingOpportunityStatusRequest")
    public record StatusChange(
            @Schema(example = "Dotazione esaurita") @NotBlank @Size(max = 2000)
            String reason,

            @Schema(description = "When it happened, " + OccurredAt.AFTERWARDS, example = "2022-10-01T09:00:00+02:00")
            OffsetDateTime occurredAt) {}

    @Schema(name = "FundingOpportunity")
    public record OpportunityView(
            UUID id,
            String title,
            String funder,
            FundingKind kind,
            @Schema(example = "M1C1") String pnrrComponent,
            List<String> themes,
            List<String> eligibleMunicipalities,
            LocalDate opensOn,
            LocalDate deadline,
            @Schema(example = "5000000.00") BigDecimal totalBudgetEur,
            OffsetDateTime createdAt,

            @Schema(description = "OPEN, CLOSED early or WITHDRAWN")
            OpportunityStatus status,

            @Schema(example = "Aperto") String statusLabelIt,
            @Schema(example = "Open") String statusLabelEn,

            @Schema(description = "Why it was closed early or withdrawn")
            String statusReason,

            @Schema(description = "When it was closed early or withdrawn")
            OffsetDateTime statusAt,

            @Schema(example = "0") long version) {

        static OpportunityView of(FundingOpportunity o) {
            return new OpportunityView(
                    o.id,
                    o.title,
                    o.funder,
                    o.kind,
                    o.pnrrComponent,
                    o.themes,
                    o.eligibleMunicipalities,
                    o.opensOn,
                    o.deadline,
                    o.totalBudgetEur,
                    o.createdAt,
                    o.status,
                    o.status.labelIt(),
                    o.status.labelEn(),
                    o.statusReason,
                    o.statusAt,
                    o.version);
        }
    }

    @Schema(name = "OpportunityMatch", description = "An open opportunity ranked for a study, with why")
    public record Match(
            @Schema(description = "The funding opportunity") OpportunityView opportunity,

            @Schema(description = "0 to 100", example = "85")
            int score,

            @Schema(example = "[\"themes in common: DIGITAL_TRANSITION\", \"all 2 municipalities eligible\"]")
            List<String> reasons) {}

    @Schema(name = "StudyOpportunityLinkRequest")
    public record Link(
            @Schema(example = "0b8e2f4c-1d6a-4e3b-9f70-5a2c8d1e6b34") @NotNull
            UUID opportunityId,

            @Schema(
                    description = "When the study was matched to it, " + OccurredAt.AFTERWARDS,
                    example = "2022-06-15T09:00:00+02:00")
            OffsetDateTime occurredAt) {}

    @Schema(name = "StudyOpportunityLink")
    public record Linked(
            UUID studyId,

            @Schema(description = "The funding opportunity linked")
            OpportunityView opportunity,

            int score,
            OffsetDateTime linkedAt) {}
}
