package it.ngsiena.participation.workshop;

import it.ngsiena.kernel.http.MergePatch;
import it.ngsiena.kernel.text.SingleLine;
import it.ngsiena.kernel.time.OccurredAt;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the workshop endpoints. */
public final class WorkshopRequests {

    private WorkshopRequests() {}

    @Schema(name = "WorkshopRequest")
    public record Plan(
            @Schema(example = "Laboratorio di co-progettazione Val d'Orcia") @NotBlank @Size(max = 200) @SingleLine
            String title,

            @Schema(example = "2022-05-12T15:00:00+02:00") @NotNull
            OffsetDateTime startsAt,

            @Schema(example = "2022-05-12T18:00:00+02:00") @NotNull
            OffsetDateTime endsAt,

            @Schema(
                    description = "Where it takes place; a place or a meeting link is required",
                    example = "Sala consiliare, Pienza")
            @Size(max = 300)
            String place,

            @Schema(example = "https://meet.example.org/ngs-orcia")
            @Size(max = 500)
            @Pattern(regexp = "https://\\S+", message = "must be an https URL")
            String meetingLink,

            @Schema(example = "[\"052021\", \"052030\"]") @NotEmpty @Size(max = 35)
            List<@NotNull @Pattern(regexp = "\\d{6}", message = "must be a 6-digit ISTAT code") String> municipalities,

            @Schema(description = "Leading organisation or role", example = "Co-Design Toscana") @Size(max = 200)
            String facilitator,

            @Schema(
                    description = "When it was planned, " + OccurredAt.AFTERWARDS,
                    example = "2022-04-20T09:00:00+02:00")
            OffsetDateTime occurredAt) {

        @AssertTrue(message = "must be after startsAt")
        @Schema(hidden = true)
        boolean isEndsAt() {
            return startsAt == null || endsAt == null || endsAt.isAfter(startsAt);
        }

        @AssertTrue(message = "a place or a meeting link is required")
        @Schema(hidden = true)
        boolean isPlace() {
            return (place != null && !place.isBlank()) || meetingLink != null;
        }
    }

    /**
     * A correction (JSON merge patch): a PLANNED workshop's plan (a new date is a re-plan, published as
     * workshop planned again), a HELD workshop's minutes; absent fields stay as they are.
     */
    @Schema(name = "WorkshopEdit")
    public record Edit(
            @Schema(example = "Laboratorio di co-progettazione Val d'Orcia (seconda sessione)")
            @Size(max = 200)
            @Pattern(regexp = ".*\\S.*", message = "must not be blank")
            @SingleLine
            String title,

            @Schema(example = "2022-05-19T15:00:00+02:00") OffsetDateTime startsAt,

            @Schema(example = "2022-05-19T18:00:00+02:00") OffsetDateTime endsAt,

            @Schema(example = "Sala consiliare, Pienza") @Size(max = 300)
            String place,

            @Schema(example = "https://meet.example.org/ngs-orcia")
            @Size(max = 500)
            @Pattern(regexp = "https://\\S+", message = "must be an https URL")
            String meetingLink,

            @Schema(example = "Co-Design Toscana") @Size(max = 200)
            String facilitator,

            @Schema(
                    description = "The minutes of a HELD workshop (Markdown), corrected",
                    example = "Emersi 6 bisogni, **2 intercomunali**.")
            @Size(max = 20000)
            String minutes)
            implements MergePatch.Document {

        @AssertTrue(
                message =
                        "at least one of title, startsAt, endsAt, place, meetingLink, facilitator, minutes is required")
        @Schema(hidden = true)
        boolean isAnyField() {
            return changesPlan() || minutes != null;
        }

        /** Whether it changes what was planned (as opposed to the minutes). */
        boolean changesPlan() {
            return title != null
                    || startsAt != null
                    || endsAt != null
                    || place != null
                    || meetingLink != null
                    || facilitator != null;
        }
    }

    @Schema(name = "WorkshopHeldRequest")
    public record Held(
            @Schema(description = "How many people attended", example = "34") @NotNull @Min(0) @Max(100000)
            Integer attendanceCount,

            @Schema(description = "Minutes of the meeting (Markdown)", example = "Emersi 6 bisogni, 2 intercomunali.")
            @Size(max = 20000)
            String minutes,

            @Schema(
                    description = "When it took place, when recorded afterwards: not in the future, not before the"
                            + " workshop's start; now when omitted",
                    example = "2022-05-12T18:30:00+02:00")
            OffsetDateTime occurredAt) {}

    @Schema(name = "WorkshopCancelRequest")
    public record Cancel(
            @Schema(example = "Allerta meteo") @NotBlank @Size(max = 1000)
            String reason,

            @Schema(description = OccurredAt.DESCRIPTION, example = "2022-05-11T12:00:00+02:00")
            OffsetDateTime occurredAt) {}
}
