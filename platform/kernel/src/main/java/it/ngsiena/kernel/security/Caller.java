package it.ngsiena.kernel.security;

import io.quarkus.security.identity.SecurityIdentity;
import it.ngsiena.contracts.Readers;
import it.ngsiena.contracts.Visibility;
import it.ngsiena.contracts.Workstream;
import jakarta.enterprise.context.RequestScoped;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, for object-level checks: roles, and for a municipality officer the municipality
 * named by the token's {@code municipality} claim.
 */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;

    Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean hasAnyRole(String... roles) {
        return Arrays.stream(roles).anyMatch(identity::hasRole);
    }

    /** The officer's municipality (ISTAT code), if the caller is an officer with the claim. */
    public Optional<String> municipality() {
        if (!identity.hasRole(Roles.MUNICIPALITY_OFFICER)) {
            return Optional.empty();
        }
        Object value = null;
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            value = token.getClaim(Roles.MUNICIPALITY_CLAIM);
        }
        if (value == null) {
            value = identity.getAttribute(Roles.MUNICIPALITY_CLAIM);
        }
        return Optional.ofNullable(value).map(Object::toString).map(s -> s.replace("\"", ""));
    }

    /** True when the caller is an officer of one of the given municipalities. */
    public boolean isOfficerOfAny(Collection<String> istatCodes) {
        return municipality().map(istatCodes::contains).orElse(false);
    }

    /** Whether the caller holds any role of the platform (a token of the realm without one gets nothing more than anonymous callers). */
    public boolean hasPlatformRole() {
        return Roles.PLATFORM_ROLES.stream().anyMatch(identity::hasRole);
    }

    /**
     * What the caller may read, in the names of {@link Readers}: an event (or a row derived from one) is
     * theirs to see when its readers ({@link Visibility#readers}) share a name with these.
     */
    public Set<String> readerGrants() {
        Set<String> grants = new TreeSet<>();
        grants.add(Readers.ANYONE);
        if (identity.isAnonymous() || !hasPlatformRole()) {
            return grants;
        }
        grants.add(Readers.PLATFORM);
        if (identity.hasRole(Roles.PROGRAMME_ADMIN)) {
            grants.add(Readers.ADMIN);
        }
        if (identity.hasRole(Roles.VIEWER)) {
            grants.add(Readers.VIEWER);
        }
        for (Workstream w : Workstream.values()) {
            if (identity.hasRole(Roles.partnerOf(w))) {
                grants.add(Readers.partner(w));
            }
        }
        if (identity.hasRole(Roles.MUNICIPALITY_OFFICER)) {
            grants.add(Readers.ANY_OFFICER);
            // an ISTAT code and nothing else: a grant is matched as a whole word, never parsed further
            municipality().filter(m -> m.matches("\\d{6}")).ifPresent(m -> grants.add(Readers.officer(m)));
        }
        return grants;
    }

    /** Whether the caller may see an event of this visibility (the rule the gateway applies to its read models). */
    public boolean maySee(Visibility visibility, Workstream owner, Collection<String> municipalities, String audience) {
        return visibility.allows(readerGrants(), owner, municipalities, audience);
    }

    /** When the caller's token expires (nothing for anonymous callers and identities without a token). */
    public Optional<Instant> credentialExpiry() {
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getExpirationTime() > 0) {
            return Optional.of(Instant.ofEpochSecond(token.getExpirationTime()));
        }
        return Optional.empty();
    }

    /** A name for logs and idempotency scopes; never shown in events. */
    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }
}
