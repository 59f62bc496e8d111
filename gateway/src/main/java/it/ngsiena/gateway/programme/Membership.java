package it.ngsiena.gateway.programme;

import it.ngsiena.kernel.persistence.AuditedEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

/** A municipality's participation in the programme: its periods, in order, none overlapping. */
@Entity
@Table(name = "programme_membership")
public class Membership extends AuditedEntity {

    @Id
    @Column(name = "istat_code")
    public String istatCode;

    // with every list of memberships, their periods in one more query (not one per membership)
    @Fetch(FetchMode.SUBSELECT)
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "programme_membership_period", joinColumns = @JoinColumn(name = "istat_code"))
    @OrderBy("joinedOn")
    public List<MembershipPeriod> periods = new ArrayList<>();

    public String note;

    /** Its role on that day, if it took part then. */
    public Optional<MembershipRole> roleOn(LocalDate day) {
        return periods.stream().filter(p -> p.covers(day)).map(p -> p.role).findFirst();
    }

    public boolean activeOn(LocalDate day) {
        return roleOn(day).isPresent();
    }

    LocalDate firstJoined() {
        return periods.get(0).joinedOn;
    }

    /** The day it last left, if it is not taking part any more (its last period is closed). */
    LocalDate lastLeft() {
        return periods.get(periods.size() - 1).leftOn;
    }
}
