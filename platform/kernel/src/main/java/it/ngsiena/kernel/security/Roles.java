package it.ngsiena.kernel.security;

import it.ngsiena.contracts.Workstream;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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

    /**
     * Every role of the platform: the admin, every workstream's partner, officers and viewers; a token with
     * none of them is only as good as no token.
     */
    public static final Set<String> PLATFORM_ROLES = Stream.concat(
                    Stream.of(PROGRAMME_ADMIN, MUNICIPALITY_OFFICER, VIEWER),
                    Arrays.stream(Workstream.values()).map(Roles::partnerOf))
            .collect(Collectors.toUnmodifiableSet());

    /** The token claim that names a municipality officer's municipality (an ISTAT code). */
    public static final String MUNICIPALITY_CLAIM = "municipality";

    private Roles() {}

    /**
     * The partner role that runs a workstream: {@code <workstream>-partner}, e.g. training-partner (the
     * constants above name the same roles for {@code @RolesAllowed}).
     */
    public static String partnerOf(Workstream workstream) {
        return workstream.id() + "-partner";
    }
}
