package it.ngsiena.kernel.directory;

import it.ngsiena.kernel.security.ReaderGrants;
import java.util.Optional;
import java.util.Set;

/**
 * An account of the realm as the directory knows it now: a person, or a partner system's service account.
 *
 * @param subject      its id, the {@code sub} of its tokens
 * @param active       whether it may sign in: the user is enabled and, for a service account, its client too
 * @param roles        its realm roles, composite ones resolved
 * @param municipality an officer's municipality (the user's attribute, or the client's fixed claim)
 */
public record Account(String subject, boolean active, Set<String> roles, Optional<String> municipality) {

    /** What it may read today, by the same rule as a caller of the API. */
    public Set<String> readerGrants() {
        return ReaderGrants.of(roles::contains, municipality);
    }
}
