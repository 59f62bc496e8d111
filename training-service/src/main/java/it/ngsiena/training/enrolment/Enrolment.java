package it.ngsiena.training.enrolment;

import it.ngsiena.kernel.persistence.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A participant's place in a session, or on its waiting list (in order of request). */
@Entity
@Table(name = "enrolment")
public class Enrolment extends AuditedEntity {

    @Id
    public UUID id;

    @Column(name = "session_id", nullable = false)
    public UUID sessionId;

    @Column(name = "participant_id", nullable = false)
    public UUID participantId;

    /** The participant's municipality, kept for events and reports without reading personal data. */
    @Column(nullable = false)
    public String municipality;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EnrolmentStatus status;
}
