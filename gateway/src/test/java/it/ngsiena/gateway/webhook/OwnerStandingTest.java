package it.ngsiena.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import it.ngsiena.kernel.directory.Account;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Whether an owner may still receive what a subscription was granted, from what the directory says of them. */
class OwnerStandingTest {

    private static final List<String> OFFICER_OF_MONTEPULCIANO =
            List.of("officer", "officer:052015", "platform", "public", "subject:u-1");

    private static Optional<Account> account(boolean active, Set<String> roles, String municipality) {
        return Optional.of(new Account("u-1", active, roles, Optional.ofNullable(municipality)));
    }

    @Test
    void anOfficerStillInPlaceMayReceiveIt() {
        assertThat(OwnerStanding.lost(
                        account(true, Set.of("municipality-officer", "default-roles-ngs"), "052015"),
                        OFFICER_OF_MONTEPULCIANO))
                .isEmpty();
        // a role gained since changes nothing
        assertThat(OwnerStanding.lost(
                        account(true, Set.of("municipality-officer", "viewer"), "052015"), OFFICER_OF_MONTEPULCIANO))
                .isEmpty();
    }

    @Test
    void aDeletedDisabledMovedOrDemotedOwnerMayNot() {
        assertThat(OwnerStanding.lost(Optional.empty(), OFFICER_OF_MONTEPULCIANO))
                .contains("the owner's account no longer exists");
        assertThat(OwnerStanding.lost(
                        account(false, Set.of("municipality-officer"), "052015"), OFFICER_OF_MONTEPULCIANO))
                .contains("the owner's account is disabled");
        assertThat(OwnerStanding.lost(
                        account(true, Set.of("municipality-officer"), "052032"), OFFICER_OF_MONTEPULCIANO))
                .get()
                .asString()
                .endsWith(": officer:052015");
        assertThat(OwnerStanding.lost(account(true, Set.of("viewer"), null), OFFICER_OF_MONTEPULCIANO))
                .get()
                .asString()
                .contains("officer, officer:052015");
        // another account with the same roles is not the owner
        assertThat(OwnerStanding.lost(
                        Optional.of(new Account("u-2", true, Set.of("municipality-officer"), Optional.of("052015"))),
                        OFFICER_OF_MONTEPULCIANO))
                .get()
                .asString()
                .endsWith(": subject:u-1");
    }
}
