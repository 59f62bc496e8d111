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
     * theirs to see when its readers ({@link Visibility#readers}) share a name with these. The same for every
     * caller with the same roles (and municipality), so that figures computed for them are shared.
     */
    public Set<String> readerGrants() {
        if (identity.isAnonymous()) {
            return ReaderGrants.of(role -> false, Optional.empty());
        }
        return ReaderGrants.of(identity::hasRole, municipality());
    }

    /**
     * The reader grants and, for a caller with a platform role, their own account's ({@link Readers#subject}):
     * for the feed, the stream and webhooks, where notices addressed to one account appear.
     */
    public Set<String> personalGrants() {
        Set<String> grants = new TreeSet<>(readerGrants());
        if (grants.contains(Readers.PLATFORM)) {
            grants.add(Readers.subject(subject()));
        }
        return grants;
    }

    /** The token's subject ({@code sub}): who the caller is, for good, whatever their name becomes. */
    public String subject() {
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
            return token.getSubject();
        }
        return name(); // an identity without a token (the tests' @TestSecurity): its name
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
