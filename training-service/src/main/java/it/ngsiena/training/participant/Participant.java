package it.ngsiena.training.participant;

import it.ngsiena.kernel.persistence.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A person of a municipality who takes part in the training. Personal data: see ParticipantService. */
@Entity
@Table(name = "participant")
public class Participant extends AuditedEntity {

    @Id
    public UUID id;

    /** Null once erased, like the family name, the e-mail and the office. */
    @Column(name = "given_name")
    public String givenName;

    @Column(name = "family_name")
    public String familyName;

    /** Lower-case, unique in the programme. */
    @Column(unique = true)
    public String email;

    @Column(nullable = false)
    public String municipality;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ParticipantRole role;

    public String office;

    /** When the person's identifying data was erased on request; null while it is kept. */
    @Column(name = "erased_at")
    public OffsetDateTime erasedAt;

    /** The credential of the unsubscribe link in the mails this person receives (mail package). */
    @Column(name = "mail_token", nullable = false, unique = true)
    public String mailToken;

    /** When the person asked to receive no more mail; null while they receive it. */
    @Column(name = "mail_opt_out_at")
    public OffsetDateTime mailOptOutAt;

    /** Whether the platform may mail this person: an address, kept, and no opt-out. */
    public boolean mayBeMailed() {
        return email != null && erasedAt == null && mailOptOutAt == null;
    }

    /** Clears what identifies the person; municipality and role stay for the aggregate reports. */
    void erase(OffsetDateTime now) {
        givenName = null;
        familyName = null;
        email = null;
        office = null;
        erasedAt = now;
        updatedAt = now;
    }
}
