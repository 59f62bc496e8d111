package it.ngsiena.training.course;

import it.ngsiena.kernel.http.MergePatch;
import it.ngsiena.kernel.text.Prose;
import it.ngsiena.kernel.text.SingleLine;
import it.ngsiena.kernel.time.OccurredAt;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the course endpoints. */
public final class CourseRequests {

    private CourseRequests() {}

    @Schema(name = "CourseRequest")
    public record Create(
            @Schema(example = "PNRR: bandi, regole e rendicontazione") @NotBlank @Size(max = 200) @SingleLine
            String title,

            @Schema(example = "PNRR") @NotNull Topic topic,

            @Schema(example = "Il quadro del Piano, le missioni e le regole per i comuni attuatori.")
            @NotBlank
            @Size(max = 5000)
            String description,

            @Schema(example = "12") @NotNull @DecimalMin("0.5") @DecimalMax("1000") @Digits(integer = 4, fraction = 2)
            BigDecimal plannedHours,

            @Schema(description = "Percent of held hours needed for a certificate (default 75)", example = "75")
            @Min(1)
            @Max(100)
            Integer certificateThresholdPercent,

            @Schema(
                    description = "When it was created, " + OccurredAt.AFTERWARDS,
                    example = "2022-02-15T09:00:00+01:00")
            OffsetDateTime occurredAt) {}

    @Schema(
            name = "CourseEdit",
            description = "Only the fields to change",
            example = "{\"plannedHours\": 16, \"certificateThresholdPercent\": 80}")
    public record Edit(
            @Size(max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") @SingleLine
            String title,

            @Size(max = 5000) @Pattern(regexp = Prose.NOT_BLANK, message = "must not be blank")
            String description,

            @DecimalMin("0.5") @DecimalMax("1000") @Digits(integer = 4, fraction = 2)
            BigDecimal plannedHours,

            @Min(1) @Max(100) Integer certificateThresholdPercent)
            implements MergePatch.Document {

        @AssertTrue(message = "at least one field is required")
        @Schema(hidden = true)
        boolean isAnyField() {
            return title != null || description != null || plannedHours != null || certificateThresholdPercent != null;
        }
    }
}
