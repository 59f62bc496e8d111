package it.ngsiena.kernel.security;

import it.ngsiena.contracts.Readers;
import it.ngsiena.contracts.Workstream;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * What an account may read, in the names of {@link Readers}, from its realm roles and (for an officer) its
 * municipality: the one rule for a caller of the API ({@link Caller#readerGrants()}) and for an account looked
 * up in the directory (a webhook's owner, checked again before deliveries).
 */
public final class ReaderGrants {

    private ReaderGrants() {}

    public static Set<String> of(Predicate<String> hasRole, Optional<String> municipality) {
        Set<String> grants = new TreeSet<>();
        grants.add(Readers.ANYONE);
        if (Roles.PLATFORM_ROLES.stream().noneMatch(hasRole)) {
            return grants;
        }
        grants.add(Readers.PLATFORM);
        if (hasRole.test(Roles.PROGRAMME_ADMIN)) {
            grants.add(Readers.ADMIN);
        }
        if (hasRole.test(Roles.VIEWER)) {
            grants.add(Readers.VIEWER);
        }
        for (Workstream w : Workstream.values()) {
            if (hasRole.test(Roles.partnerOf(w))) {
                grants.add(Readers.partner(w));
            }
        }
        if (hasRole.test(Roles.MUNICIPALITY_OFFICER)) {
            grants.add(Readers.ANY_OFFICER);
            // an ISTAT code and nothing else: a grant is matched as a whole word, never parsed further
            municipality.filter(m -> m.matches("\\d{6}")).ifPresent(m -> grants.add(Readers.officer(m)));
        }
        return grants;
    }
}
