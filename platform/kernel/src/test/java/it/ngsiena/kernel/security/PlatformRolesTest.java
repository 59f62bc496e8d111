package it.ngsiena.kernel.security;

import static org.assertj.core.api.Assertions.assertThat;

import it.ngsiena.contracts.Workstream;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The roles that {@code @RolesAllowed(Roles.ANY_PLATFORM_ROLE)} admits are the platform's roles, no more, no less. */
class PlatformRolesTest {

    @Test
    void theConfiguredListIsTheSetOfPlatformRoles() throws Exception {
        Properties defaults = new Properties();
        try (InputStream in = Roles.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            defaults.load(in);
        }
        String property = Roles.ANY_PLATFORM_ROLE.substring(2, Roles.ANY_PLATFORM_ROLE.length() - 1);
        assertThat(Arrays.asList(defaults.getProperty(property).split(",")))
                .containsExactlyInAnyOrderElementsOf(Roles.PLATFORM_ROLES);
        assertThat(Roles.PLATFORM_ROLES).doesNotContain("default-roles-ngs", "offline_access", "uma_authorization");
    }

    @Test
    void everyWorkstreamHasItsPartnerRoleAndTheConstantsNameThem() {
        assertThat(Roles.partnerOf(Workstream.TRAINING)).isEqualTo(Roles.TRAINING_PARTNER);
        assertThat(Roles.partnerOf(Workstream.PARTICIPATION)).isEqualTo(Roles.PARTICIPATION_PARTNER);
        assertThat(Roles.partnerOf(Workstream.FEASIBILITY)).isEqualTo(Roles.FEASIBILITY_PARTNER);
        assertThat(Roles.partnerOf(Workstream.COMMS)).isEqualTo(Roles.COMMS_PARTNER);
        assertThat(Roles.PLATFORM_ROLES).hasSize(Workstream.values().length + 3);
    }
}
