package it.ngsiena.training.attendance;

import it.ngsiena.kernel.persistence.AttributedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Issued when a participant reaches a course's attendance threshold; revoked with a reason when it no
 * longer holds. One valid certificate per participant and course; revoked ones stay, so that their code
 * still verifies (as revoked).
 */
@Entity
@Table(name = "certificate")
public class Certificate extends AttributedEntity {

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

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    @Column(name = "revocation_reason")
    public String revocationReason;

    public boolean valid() {
        return revokedAt == null;
    }

    /** The valid certificate of a participant for a course, if there is one. */
    public static java.util.Optional<Certificate> validOf(UUID courseId, UUID participantId) {
        return Certificate.<Certificate>find(
                        "courseId = ?1 and participantId = ?2 and revokedAt is null", courseId, participantId)
                .firstResultOptional();
    }
}
