package it.ngsiena.kernel.http;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;

/** The first response to a create sent with an {@code Idempotency-Key}. */
@Entity
@Table(name = "idempotency_key")
@IdClass(IdempotencyRecord.Id.class)
public class IdempotencyRecord {

    /** Operation and caller: the same key from two callers never collides. */
    @jakarta.persistence.Id
    public String scope;

    @jakarta.persistence.Id
    public String key;

    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    @Column(nullable = false)
    public int status;

    public String location;

    @Column(nullable = false)
    public String body;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    public record Id(String scope, String key) implements Serializable {
        public Id() {
            this(null, null);
        }
    }
}
