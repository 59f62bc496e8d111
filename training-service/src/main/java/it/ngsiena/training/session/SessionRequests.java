package it.ngsiena.training.session;

import it.ngsiena.kernel.text.SingleLine;
import it.ngsiena.kernel.time.OccurredAt;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the session endpoints. */
public final class SessionRequests {

    private SessionRequests() {}

    @Schema(name = "SessionRequest")
    public record Schedule(
            @Schema(example = "Kickoff online del percorso formativo") @NotBlank @Size(max = 200) @SingleLine
            String title,

            @Schema(example = "ONLINE_SEMINAR") @NotNull SessionFormat format,

            @Schema(example = "2022-03-24T10:00:00+01:00") @NotNull
            OffsetDateTime startsAt,

            @Schema(example = "2022-03-24T12:00:00+01:00") @NotNull
            OffsetDateTime endsAt,

            @Schema(description = "Required in person", example = "Sala (esempio), Siena") @Size(max = 300)
            String venue,

            @Schema(description = "Required online", example = "https://meet.example.org/ngs-kickoff")
            @Size(max = 500)
            @Pattern(regexp = "https://\\S+", message = "must be an https URL")
            String meetingLink,

            @Schema(example = "60") @NotNull @Min(1) @Max(10000)
            Integer capacity,

            @Schema(description = "Who teaches", example = "Docente Euronike (esempio)") @Size(max = 200)
            String trainer,

            @Schema(
                    description = "When it was scheduled, " + OccurredAt.AFTERWARDS,
                    example = "2022-03-01T09:00:00+01:00")
            OffsetDateTime occurredAt) {

        @AssertTrue(message = "must be after startsAt")
        @Schema(hidden = true)
        boolean isEndsAt() {
            return startsAt == null || endsAt == null || endsAt.isAfter(startsAt);
        }

        @AssertTrue(message = "is required for an in-person day")
        @Schema(hidden = true)
        boolean isVenue() {
            return format != SessionFormat.IN_PERSON_DAY || (venue != null && !venue.isBlank());
        }

        @AssertTrue(message = "is required for an online seminar")
        @Schema(hidden = true)
        boolean isMeetingLink() {
            return format != SessionFormat.ONLINE_SEMINAR || meetingLink != null;
        }
    }

    @Schema(name = "RescheduleRequest")
    public record Reschedule(
            @Schema(example = "2022-03-31T10:00:00+02:00") @NotNull
            OffsetDateTime startsAt,

            @Schema(example = "2022-03-31T12:00:00+02:00") @NotNull
            OffsetDateTime endsAt,

            @Size(max = 300) String venue,

            @Size(max = 500) @Pattern(regexp = "https://\\S+", message = "must be an https URL")
            String meetingLink,

            @Schema(
                    description = "When it was rescheduled, " + OccurredAt.AFTERWARDS,
                    example = "2022-03-20T09:00:00+01:00")
            OffsetDateTime occurredAt) {

        @AssertTrue(message = "must be after startsAt")
        @Schema(hidden = true)
        boolean isEndsAt() {
            return startsAt == null || endsAt == null || endsAt.isAfter(startsAt);
        }
    }

    @Schema(name = "SessionHeldRequest")
    public record Held(
            @Schema(description = "Hours actually delivered, at most the scheduled length", example = "2")
            @NotNull
            @DecimalMin("0.25")
            @Digits(integer = 4, fraction = 2)
            BigDecimal deliveredHours,

            @Schema(
                    description = "Optional: the attendance known when the session closes, so that the held event"
                            + " carries its totals; can also be pushed later with PUT .../attendance")
            @Size(max = 10000)
            List<@NotNull @Valid AttendanceLine> attendance,

            @Schema(
                    description = "When it took place, when recorded afterwards: not in the future, not before the"
                            + " session's start; now when omitted",
                    example = "2022-03-24T11:00:00+01:00")
            OffsetDateTime occurredAt) {}

    /** One participant's hours in a held session, as the LMS reports them. */
    @Schema(name = "AttendanceLine")
    public record AttendanceLine(
            @Schema(example = "3f1c2b9e-6a55-4f4e-9d0a-2b7c1e8d5a10") @NotNull
            UUID participantId,

            @Schema(description = "Hours the participant attended the session", example = "2")
            @NotNull
            @DecimalMin("0")
            @Digits(integer = 4, fraction = 2)
            BigDecimal hoursAttended) {}

    @Schema(name = "SessionCancelRequest")
    public record Cancel(
            @Schema(example = "Docente indisponibile") @NotBlank @Size(max = 1000)
            String reason,

            @Schema(description = OccurredAt.DESCRIPTION, example = "2022-03-22T09:00:00+01:00")
            OffsetDateTime occurredAt) {}
}
