package it.ngsiena.kernel.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The audit columns every editable aggregate has: {@code created_at}, {@code updated_at}, who created and
 * who last changed it ({@link AttributedEntity}) and the optimistic-lock {@code version} that the API
 * exposes as its ETag.
 */
@MappedSuperclass
public abstract class AuditedEntity extends AttributedEntity {

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    /** The current time as stored: UTC, to the microsecond PostgreSQL keeps. */
    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
