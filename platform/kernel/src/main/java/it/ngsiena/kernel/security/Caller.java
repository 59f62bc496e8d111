package it.ngsiena.kernel.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
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

    /** A name for logs and idempotency scopes; never shown in events. */
    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }
}
