package it.ngsiena.kernel.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who made an event happen, as it travels with the event in three CloudEvents extension attributes: the
 * token's subject ({@code actorsub}), the client the token was issued to ({@code actorclient}) and the
 * caller's platform roles ({@code actorrole}). Never a name or an address: a subject is an opaque account id
 * that only the identity provider can turn into a person.
 *
 * <p>A move the platform makes by itself (a reaction to another event, a scheduled job) has the role
 * {@value #SYSTEM} and the service as its client; a public call without a token, the role {@value #ANONYMOUS}.
 *
 * @param subject the token's {@code sub}; null for the platform itself and for anonymous callers
 * @param client the token's {@code azp} (the client id), or the service's name for the platform itself
 * @param role the caller's platform roles, comma-separated and sorted ({@value #SYSTEM}, {@value #ANONYMOUS})
 */
public record Actor(String subject, String client, String role) {

    public static final String SUBJECT_EXTENSION = "actorsub";
    public static final String CLIENT_EXTENSION = "actorclient";
    public static final String ROLE_EXTENSION = "actorrole";

    public static final String SYSTEM = "system";
    public static final String ANONYMOUS = "anonymous";

    /** The platform acting by itself, in the named service. */
    public static Actor system(String service) {
        return new Actor(null, service, SYSTEM);
    }

    public static Actor anonymous() {
        return new Actor(null, null, ANONYMOUS);
    }

    /**
     * What a record keeps in its {@code created_by} and {@code updated_by}: the subject of a person or
     * client; {@code system:<service>} or {@code anonymous} otherwise.
     */
    public String recordedAs() {
        if (subject != null) {
            return subject;
        }
        return SYSTEM.equals(role) && client != null ? SYSTEM + ":" + client : role;
    }

    /** The extension attributes that carry it (only those with a value). */
    public Map<String, String> extensions() {
        Map<String, String> extensions = new LinkedHashMap<>();
        Optional.ofNullable(subject).ifPresent(v -> extensions.put(SUBJECT_EXTENSION, v));
        Optional.ofNullable(client).ifPresent(v -> extensions.put(CLIENT_EXTENSION, v));
        Optional.ofNullable(role).ifPresent(v -> extensions.put(ROLE_EXTENSION, v));
        return extensions;
    }
}
