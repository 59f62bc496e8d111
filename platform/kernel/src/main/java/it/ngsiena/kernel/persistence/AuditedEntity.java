package it.ngsiena.kernel.persistence;

import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import it.ngsiena.kernel.audit.Actors;
import it.ngsiena.kernel.events.Actor;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The audit columns every editable aggregate has: {@code created_at}, {@code updated_at}, who created and
 * who last changed it ({@code created_by}, {@code updated_by}: {@link Actor#recordedAs()}, set as it is
 * written) and the optimistic-lock {@code version} that the API exposes as its ETag.
 */
@MappedSuperclass
public abstract class AuditedEntity extends PanacheEntityBase {

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** Who created it; null for rows written before the platform kept it. */
    @Column(name = "created_by")
    public String createdBy;

    /** Who changed it last (or created it, if nobody has changed it since). */
    @Column(name = "updated_by")
    public String updatedBy;

    @Version
    public long version;

    @PrePersist
    void recordCreator() {
        createdBy = Arc.container().instance(Actors.class).get().current().recordedAs();
        updatedBy = createdBy;
    }

    @PreUpdate
    void recordChanger() {
        updatedBy = Arc.container().instance(Actors.class).get().current().recordedAs();
    }

    /** The current time as stored: UTC, to the microsecond PostgreSQL keeps. */
    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
