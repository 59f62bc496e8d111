package it.ngsiena.gateway.programme;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;

/** One period of a municipality's participation: from the day it joined until the day it left (exclusive). */
@Embeddable
public class MembershipPeriod {

    @Column(name = "joined_on", nullable = false)
    public LocalDate joinedOn;

    @Column(name = "left_on")
    public LocalDate leftOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MembershipRole role;

    MembershipPeriod() {}

    MembershipPeriod(LocalDate joinedOn, LocalDate leftOn, MembershipRole role) {
        this.joinedOn = joinedOn;
        this.leftOn = leftOn;
        this.role = role;
    }

    boolean covers(LocalDate day) {
        return covers(joinedOn, leftOn, day);
    }

    /** Whether a period from {@code joinedOn} to {@code leftOn} (excluded; null: still a member) covers the day. */
    static boolean covers(LocalDate joinedOn, LocalDate leftOn, LocalDate day) {
        return !joinedOn.isAfter(day) && (leftOn == null || leftOn.isAfter(day));
    }
}
