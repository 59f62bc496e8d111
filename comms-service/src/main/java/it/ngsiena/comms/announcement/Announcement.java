package it.ngsiena.comms.announcement;

import it.ngsiena.contracts.comms.ItemReference;
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

/** An announcement of the programme. Lifecycle moves are methods that refuse illegal ones with a 409. */
@Entity
@Table(name = "announcement")
public class Announcement extends AuditedEntity {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String title;

    public String summary;

    /** Markdown, stored as written; rendered to safe HTML on request. */
    @Column(nullable = false)
    public String body;

    /** "it" or "en". */
    @Column(nullable = false)
    public String language;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Audience audience;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> tags;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> municipalities;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "item_references", nullable = false, columnDefinition = "jsonb")
    public List<ItemReference> references;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AnnouncementStatus status;

    /** The other workstream's event this draft was written from, if any. */
    @Column(name = "source_event_id")
    public String sourceEventId;

    /** The announcement this one translates (the original, in another language), if it is a translation. */
    @Column(name = "translation_of")
    public UUID translationOf;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    @Column(name = "archived_at")
    public OffsetDateTime archivedAt;

    /** Published at {@code publishedAt} (when it really was, e.g. on the partner's site), recorded {@code now}. */
    void publish(OffsetDateTime publishedAt, OffsetDateTime now) {
        status = status.moveTo(AnnouncementStatus.PUBLISHED, "announcement");
        this.publishedAt = publishedAt;
        updatedAt = now;
    }

    void archive(OffsetDateTime now) {
        status = status.moveTo(AnnouncementStatus.ARCHIVED, "announcement");
        archivedAt = now;
        updatedAt = now;
    }

    void requireEditable() {
        if (status == AnnouncementStatus.ARCHIVED) {
            throw status.refused("announcement", "edited");
        }
    }
}
