package it.ngsiena.training.session;

import it.ngsiena.kernel.persistence.AuditedEntity;
import it.ngsiena.kernel.problem.ProblemException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A session of a course. Lifecycle moves are methods that refuse illegal ones with a 409. */
@Entity
@Table(name = "training_session")
public class TrainingSession extends AuditedEntity {

    @Id
    public UUID id;

    @Column(name = "course_id", nullable = false)
    public UUID courseId;

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SessionFormat format;

    @Column(name = "starts_at", nullable = false)
    public OffsetDateTime startsAt;

    @Column(name = "ends_at", nullable = false)
    public OffsetDateTime endsAt;

    public String venue;

    @Column(name = "meeting_link")
    public String meetingLink;

    @Column(nullable = false)
    public int capacity;

    /** Who teaches (a person of the training partner): shown to authenticated callers, never in events. */
    public String trainer;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SessionStatus status;

    @Column(name = "delivered_hours")
    public BigDecimal deliveredHours;

    @Column(name = "cancel_reason")
    public String cancelReason;

    /** When it took place, as the LMS says (updatedAt: when that was recorded). */
    @Column(name = "held_at")
    public OffsetDateTime heldAt;

    /** Scheduled length in hours (what can at most be delivered). */
    public BigDecimal scheduledHours() {
        return BigDecimal.valueOf(Duration.between(startsAt, endsAt).toMinutes())
                .divide(BigDecimal.valueOf(60), 2, java.math.RoundingMode.HALF_UP);
    }

    public void reschedule(OffsetDateTime newStart, OffsetDateTime newEnd, String newVenue, String newLink) {
        if (status != SessionStatus.SCHEDULED) {
            throw status.refused("session", "rescheduled");
        }
        startsAt = newStart;
        endsAt = newEnd;
        if (newVenue != null) {
            venue = newVenue;
        }
        if (newLink != null) {
            meetingLink = newLink;
        }
        touch();
    }

    public void cancel(String reason) {
        status = status.moveTo(SessionStatus.CANCELLED, "session");
        cancelReason = reason;
        touch();
    }

    public void markHeld(BigDecimal hours, OffsetDateTime when) {
        SessionStatus held = status.moveTo(SessionStatus.HELD, "session");
        heldAt = when;
        if (hours.compareTo(scheduledHours()) > 0) {
            throw ProblemException.unprocessable(
                    "More hours than scheduled",
                    List.of(new it.ngsiena.kernel.problem.Problem.Violation(
                            "deliveredHours", "must be at most the scheduled " + scheduledHours() + " hours")));
        }
        status = held;
        deliveredHours = hours;
        touch();
    }

    private void touch() {
        updatedAt = now();
    }
}
