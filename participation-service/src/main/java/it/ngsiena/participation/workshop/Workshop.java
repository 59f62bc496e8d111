package it.ngsiena.participation.workshop;

import it.ngsiena.kernel.persistence.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A participatory meeting where needs are collected. */
@Entity
@Table(name = "workshop")
public class Workshop extends AuditedEntity {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String title;

    @Column(name = "starts_at", nullable = false)
    public OffsetDateTime startsAt;

    @Column(name = "ends_at", nullable = false)
    public OffsetDateTime endsAt;

    public String place;

    @Column(name = "meeting_link")
    public String meetingLink;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> municipalities;

    /** Who leads the workshop (an organisation or a role); never in events. */
    public String facilitator;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public WorkshopStatus status;

    @Column(name = "attendance_count")
    public Integer attendanceCount;

    public String minutes;

    @Column(name = "cancel_reason")
    public String cancelReason;

    /** When it took place, as the facilitator says (updatedAt: when that was recorded). */
    @Column(name = "held_at")
    public OffsetDateTime heldAt;

    public void markHeld(int attendance, String minutesText, OffsetDateTime when) {
        status = status.moveTo(WorkshopStatus.HELD, "workshop");
        heldAt = when;
        attendanceCount = attendance;
        minutes = minutesText;
        updatedAt = now();
    }

    /** A PLANNED workshop's plan corrected; refused (409) once it is held or cancelled. */
    public void replan(
            String newTitle, OffsetDateTime start, OffsetDateTime end, String newPlace, String link, String lead) {
        if (status != WorkshopStatus.PLANNED) {
            throw status.refused("workshop", "re-planned");
        }
        title = newTitle;
        startsAt = start;
        endsAt = end;
        place = newPlace;
        meetingLink = link;
        facilitator = lead;
        updatedAt = now();
    }

    /** A HELD workshop's minutes corrected; before it is held there are none to correct (409). */
    public void correctMinutes(String text) {
        if (status != WorkshopStatus.HELD) {
            throw status.refused("workshop", "given minutes");
        }
        minutes = text;
        updatedAt = now();
    }

    public void cancel(String reason) {
        status = status.moveTo(WorkshopStatus.CANCELLED, "workshop");
        cancelReason = reason;
        updatedAt = now();
    }
}
