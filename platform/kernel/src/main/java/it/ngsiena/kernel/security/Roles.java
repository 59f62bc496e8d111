package it.ngsiena.kernel.security;

/** The realm roles of DESIGN.md §6. */
public final class Roles {

    public static final String PROGRAMME_ADMIN = "programme-admin";
    public static final String TRAINING_PARTNER = "training-partner";
    public static final String PARTICIPATION_PARTNER = "participation-partner";
    public static final String FEASIBILITY_PARTNER = "feasibility-partner";
    public static final String COMMS_PARTNER = "comms-partner";
    public static final String MUNICIPALITY_OFFICER = "municipality-officer";
    public static final String VIEWER = "viewer";

    /** The token claim that names a municipality officer's municipality (an ISTAT code). */
    public static final String MUNICIPALITY_CLAIM = "municipality";

    private Roles() {
    }
}
