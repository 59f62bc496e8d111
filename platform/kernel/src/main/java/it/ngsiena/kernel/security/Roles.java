package it.ngsiena.kernel.security;

import it.ngsiena.contracts.Workstream;
import java.util.Set;

/** The realm roles of DESIGN.md §6. */
public final class Roles {

    public static final String PROGRAMME_ADMIN = "programme-admin";
    public static final String TRAINING_PARTNER = "training-partner";
    public static final String PARTICIPATION_PARTNER = "participation-partner";
    public static final String FEASIBILITY_PARTNER = "feasibility-partner";
    public static final String COMMS_PARTNER = "comms-partner";
    public static final String MUNICIPALITY_OFFICER = "municipality-officer";
    public static final String VIEWER = "viewer";

    /**
     * For {@code @RolesAllowed}: any role of the platform (the list {@code ngs.security.platform-roles}),
     * instead of {@code @Authenticated}, so that a token of the realm without a platform role is refused.
     */
    public static final String ANY_PLATFORM_ROLE = "${ngs.security.platform-roles}";

    /** Every role of the platform; a token with none of them is only as good as no token. */
    public static final Set<String> PLATFORM_ROLES = Set.of(
            PROGRAMME_ADMIN,
            TRAINING_PARTNER,
            PARTICIPATION_PARTNER,
            FEASIBILITY_PARTNER,
            COMMS_PARTNER,
            MUNICIPALITY_OFFICER,
            VIEWER);

    /** The token claim that names a municipality officer's municipality (an ISTAT code). */
    public static final String MUNICIPALITY_CLAIM = "municipality";

    private Roles() {}

    /** The partner role that runs a workstream, e.g. training-partner. */
    public static String partnerOf(Workstream workstream) {
        return switch (workstream) {
            case TRAINING -> TRAINING_PARTNER;
            case PARTICIPATION -> PARTICIPATION_PARTNER;
            case FEASIBILITY -> FEASIBILITY_PARTNER;
            case COMMS -> COMMS_PARTNER;
        };
    }
}
