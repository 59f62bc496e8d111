package it.ngsiena.gateway.activity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One event of the activity feed. Written by {@link ActivityProjector}, read by the feed. */
@Entity
@Table(name = "activity")
public class ActivityEntry extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public String eventId;

    /** Arrival order, the tie-breaker of events with the same time. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "event_type")
    public String type;

    public String workstream;

    public String source;

    public String subject;

    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> municipalities;

    public String title;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String data;

    /** When the gateway stored it (the start of the storing transaction). */
    @Column(name = "received_at", insertable = false, updatable = false)
    public OffsetDateTime receivedAt;

    /** Who may see it, in the names of {@link it.ngsiena.contracts.Readers} (see FeedRow). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "varchar[]", insertable = false, updatable = false)
    public List<String> readers;

    /** Who made it happen (it.ngsiena.kernel.events.Actor); null for events that did not say. */
    @Column(name = "actor_sub", insertable = false, updatable = false)
    public String actorSubject;

    @Column(name = "actor_client", insertable = false, updatable = false)
    public String actorClient;

    @Column(name = "actor_role", insertable = false, updatable = false)
    public String actorRole;
}
