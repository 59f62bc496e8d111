package it.ngsiena.gateway.activity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * An event of the feed under one of its municipalities: the index a municipality's feed is read through,
 * newest first. Written by database triggers on {@code activity} (migration V10), never by this code.
 */
@Entity
@Table(name = "activity_place")
@IdClass(ActivityPlace.Key.class)
public class ActivityPlace {

    @Id
    public String municipality;

    @Id
    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;

    @Id
    public Long seq;

    /** The composite key, as JPA wants it. */
    public static class Key implements Serializable {
        public String municipality;
        public OffsetDateTime occurredAt;
        public Long seq;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && Objects.equals(municipality, k.municipality)
                    && Objects.equals(occurredAt, k.occurredAt)
                    && Objects.equals(seq, k.seq);
        }

        @Override
        public int hashCode() {
            return Objects.hash(municipality, occurredAt, seq);
        }
    }
}
