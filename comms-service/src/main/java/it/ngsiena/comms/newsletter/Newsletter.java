package it.ngsiena.comms.newsletter;

import it.ngsiena.kernel.persistence.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A newsletter: the announcements published since the previous one, for subscribers of its topics and places. */
@Entity
@Table(name = "newsletter")
public class Newsletter extends AuditedEntity {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String language;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> topics;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> municipalities;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "announcement_ids", nullable = false, columnDefinition = "uuid[]")
    public List<UUID> announcementIds;

    /**
     * DRAFT; SENDING while a send holds it (since {@link #sendingSince}); INCOMPLETE when a send ended with
     * deliveries that failed (a new send resumes it); SENT when everyone got it.
     */
    @Column(nullable = false)
    public String status;

    @Column(name = "sent_at")
    public OffsetDateTime sentAt;

    /** When the send that holds it began; a claim older than {@code NewsletterService.CLAIM} has been abandoned. */
    @Column(name = "sending_since")
    public OffsetDateTime sendingSince;

    public Integer recipients;
}
