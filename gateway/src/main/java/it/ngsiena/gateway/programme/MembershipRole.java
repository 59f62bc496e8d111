package it.ngsiena.gateway.programme;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How a municipality takes part in the programme during a period. */
@Schema(name = "MembershipRole", description = "LEAD: leads the programme (Comune di Siena at the kickoff); MEMBER:"
        + " takes part in the workstreams; OBSERVER: follows the programme without taking part in its decisions")
public enum MembershipRole {
    LEAD("capofila", "lead"),
    MEMBER("aderente", "member"),
    OBSERVER("osservatore", "observer");

    private final String italian;
    private final String english;

    MembershipRole(String italian, String english) {
        this.italian = italian;
        this.english = english;
    }

    public String italian() {
        return italian;
    }

    public String english() {
        return english;
    }
}
