package it.ngsiena.training.attendance;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Issued once per participant and course, when the attendance threshold is reached. */
@Entity
@Table(name = "certificate")
public class Certificate extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Public verification code. */
    @Column(nullable = false, unique = true)
    public String code;

    @Column(name = "course_id", nullable = false)
    public UUID courseId;

    @Column(name = "participant_id", nullable = false)
    public UUID participantId;

    @Column(nullable = false)
    public String municipality;

    @Column(name = "attended_hours", nullable = false)
    public BigDecimal attendedHours;

    @Column(name = "issued_at", nullable = false)
    public OffsetDateTime issuedAt;
}
