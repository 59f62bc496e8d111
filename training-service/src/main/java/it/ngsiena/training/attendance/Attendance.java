package it.ngsiena.training.attendance;

import it.ngsiena.kernel.persistence.AttributedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.UUID;

/** Hours a participant attended in a held session, as the partner's LMS reported them. */
@Entity
@Table(name = "attendance")
@IdClass(Attendance.Key.class)
public class Attendance extends AttributedEntity {

    @Id
    @Column(name = "session_id")
    public UUID sessionId;

    @Id
    @Column(name = "participant_id")
    public UUID participantId;

    @Column(name = "course_id", nullable = false)
    public UUID courseId;

    @Column(nullable = false)
    public String municipality;

    @Column(nullable = false)
    public BigDecimal hours;

    public record Key(UUID sessionId, UUID participantId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
