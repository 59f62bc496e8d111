package it.ngsiena.gateway.webhook;

import it.ngsiena.contracts.Readers;
import it.ngsiena.kernel.directory.Account;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether a subscription's owner may still receive what it was granted: the account exists, may sign in, and
 * still holds every reader grant the subscription was registered with (its role, its municipality). A grant
 * gained since changes nothing: a delivery never carries more than was granted.
 */
final class OwnerStanding {

    private OwnerStanding() {}

    /** Why the owner may no longer receive the subscription's deliveries; empty while they may. */
    static Optional<String> lost(Optional<Account> account, List<String> grantedUnder) {
        if (account.isEmpty()) {
            return Optional.of("the owner's account no longer exists");
        }
        if (!account.get().active()) {
            return Optional.of("the owner's account is disabled");
        }
        Set<String> holds = new TreeSet<>(account.get().readerGrants());
        holds.add(Readers.subject(account.get().subject()));
        Set<String> missing = new TreeSet<>(grantedUnder);
        missing.removeAll(holds);
        return missing.isEmpty()
                ? Optional.empty()
                : Optional.of("the owner no longer holds what the subscription was granted under: "
                        + String.join(", ", missing));
    }
}
