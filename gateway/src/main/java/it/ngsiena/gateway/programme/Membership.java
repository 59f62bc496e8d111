package it.ngsiena.gateway.programme;

import it.ngsiena.kernel.persistence.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A municipality's participation in the programme: since when, and until when if it left. */
@Entity
@Table(name = "programme_membership")
public class Membership extends AuditedEntity {

    @Id
    @Column(name = "istat_code")
    public String istatCode;

    @Column(name = "joined_on", nullable = false)
    public LocalDate joinedOn;

    @Column(name = "left_on")
    public LocalDate leftOn;

    public String note;

    /** Whether the municipality took part on that day. */
    public boolean activeOn(LocalDate day) {
        return !joinedOn.isAfter(day) && (leftOn == null || leftOn.isAfter(day));
    }
}
