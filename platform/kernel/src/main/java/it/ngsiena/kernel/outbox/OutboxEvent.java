package it.ngsiena.kernel.outbox;

import it.ngsiena.kernel.events.Actor;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An event waiting in the outbox, written in the same transaction as the change it reports. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    /** Commit order of the outbox: the relay publishes by ascending sequence. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(nullable = false)
    public String topic;

    @Column(name = "event_type", nullable = false)
    public String type;

    @Column(nullable = false)
    public String source;

    /** The aggregate's id: the CloudEvents subject and the record key. */
    @Column(nullable = false)
    public String subject;

    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String data;

    @Column(name = "sent_at")
    public OffsetDateTime sentAt;

    /** The write's trace (W3C traceparent), or null when nothing was traced. */
    @Column(name = "trace_parent")
    public String traceParent;

    /** Who made it happen ({@link Actor}): the token's subject, client and roles, or the service itself. */
    @Column(name = "actor_sub")
    public String actorSubject;

    @Column(name = "actor_client")
    public String actorClient;

    @Column(name = "actor_role")
    public String actorRole;

    Actor actor() {
        return actorRole == null && actorClient == null && actorSubject == null
                ? null
                : new Actor(actorSubject, actorClient, actorRole);
    }
}
