package it.ngsiena.training.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A session; the public calendar leaves the trainer out. */
@Schema(name = "Session")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionResponse(
        UUID id,
        UUID courseId,

        @Schema(example = "Kickoff online del percorso formativo")
        String title,

        SessionFormat format,
        @Schema(example = "Seminario online") String formatLabelIt,
        @Schema(example = "Online seminar") String formatLabelEn,
        @Schema(example = "2022-03-24T09:00:00Z") OffsetDateTime startsAt,
        @Schema(example = "2022-03-24T11:00:00Z") OffsetDateTime endsAt,
        String venue,
        String meetingLink,
        @Schema(example = "60") int capacity,

        @Schema(description = "Absent in the public calendar")
        String trainer,

        SessionStatus status,
        BigDecimal deliveredHours,
        String cancelReason,

        @Schema(description = "When it took place, once held", example = "2022-03-24T10:00:00Z")
        OffsetDateTime heldAt,

        OffsetDateTime updatedAt,
        long version) {

    public static SessionResponse of(TrainingSession s) {
        return new SessionResponse(
                s.id,
                s.courseId,
                s.title,
                s.format,
                s.format.labelIt(),
                s.format.labelEn(),
                s.startsAt,
                s.endsAt,
                s.venue,
                s.meetingLink,
                s.capacity,
                s.trainer,
                s.status,
                s.deliveredHours,
                s.cancelReason,
                s.heldAt,
                s.updatedAt,
                s.version);
    }

    /** The public view: no trainer, no meeting link. */
    static SessionResponse publicOf(TrainingSession s) {
        return new SessionResponse(
                s.id,
                s.courseId,
                s.title,
                s.format,
                s.format.labelIt(),
                s.format.labelEn(),
                s.startsAt,
                s.endsAt,
                s.venue,
                null,
                s.capacity,
                null,
                s.status,
                s.deliveredHours,
                null,
                s.heldAt,
                s.updatedAt,
                s.version);
    }
}
