package it.ngsiena.comms.notification;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One item of a person's inbox: an event they were told of, in both languages, read or not. */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The person, by the subject of their tokens. */
    @Column(nullable = false)
    public String recipient;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Category category;

    /** What the event is about: its CloudEvents subject (a need's id, a study's id ...). */
    @Column(name = "subject_id", nullable = false)
    public String subjectId;

    @Column(name = "title_it", nullable = false)
    public String titleIt;

    @Column(name = "title_en", nullable = false)
    public String titleEn;

    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "read_at")
    public OffsetDateTime readAt;
}
