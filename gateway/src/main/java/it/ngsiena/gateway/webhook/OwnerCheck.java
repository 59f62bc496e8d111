package it.ngsiena.gateway.webhook;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import it.ngsiena.kernel.directory.Account;
import it.ngsiena.kernel.directory.Directory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Asks the directory whether a subscription's owner may still receive its deliveries, remembering each
 * account for {@code ngs.webhooks.owner-check} (5 min): an owner who leaves, is disabled or loses the role
 * stops receiving within that time. Off only where there is no realm to ask ({@code owner-check-enabled=false},
 * the gateway's own tests).
 */
@ApplicationScoped
class OwnerCheck {

    private record Known(Optional<Account> account) {}

    private final Directory directory;
    private final boolean enabled;
    private final Cache<String, Known> accounts;

    OwnerCheck(Directory directory, WebhooksConfig config) {
        this.directory = directory;
        this.enabled = config.ownerCheckEnabled();
        this.accounts = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterWrite(config.ownerCheck())
                .executor(Runnable::run)
                .build();
    }

    /** Why the owner may no longer receive it (empty while they may), as the directory said at most a check ago. */
    Optional<String> lost(WebhookSubscription s) throws Directory.Unavailable {
        return check(s, false);
    }

    /** The same, asking the directory now (a resume must not rest on an old answer). */
    Optional<String> lostNow(WebhookSubscription s) throws Directory.Unavailable {
        return check(s, true);
    }

    private Optional<String> check(WebhookSubscription s, boolean now) throws Directory.Unavailable {
        if (!enabled) {
            return Optional.empty();
        }
        if (s.ownerSubject == null) {
            // registered before owners were kept by subject: found once by name, then kept
            Optional<String> subject = directory.subjectOf(s.owner);
            if (subject.isEmpty()) {
                return OwnerStanding.lost(Optional.empty(), s.ownerGrants);
            }
            s.ownerSubject = subject.get();
        }
        Known known = now ? null : accounts.getIfPresent(s.ownerSubject);
        if (known == null) {
            known = new Known(directory.account(s.ownerSubject));
            accounts.put(s.ownerSubject, known);
        }
        return OwnerStanding.lost(known.account(), s.ownerGrants);
    }
}
