package it.ngsiena.kernel.audit;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import it.ngsiena.kernel.events.Actor;
import it.ngsiena.kernel.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is acting now, for the events and records a change writes: the caller of the HTTP request being
 * served, or the service itself when there is none (a reaction to an event, a scheduled job).
 */
@ApplicationScoped
public class Actors {

    private final Instance<SecurityIdentity> identity;
    private final Instance<CurrentVertxRequest> request;
    private final String service;

    Actors(
            Instance<SecurityIdentity> identity,
            Instance<CurrentVertxRequest> request,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.identity = identity;
        this.request = request;
        this.service = service;
    }

    public Actor current() {
        if (!Arc.container().requestContext().isActive()) {
            return Actor.system(service); // an event consumer's thread
        }
        SecurityIdentity caller = identity.get();
        if (!caller.isAnonymous()) {
            return of(caller);
        }
        // The scheduler activates a request context too, without an HTTP request in it.
        return request.get().getCurrent() != null ? Actor.anonymous() : Actor.system(service);
    }

    static Actor of(SecurityIdentity caller) {
        String role = caller.getRoles().stream()
                .filter(Roles.PLATFORM_ROLES::contains)
                .sorted()
                .collect(Collectors.joining(","));
        String subject = caller.getPrincipal().getName();
        String client = null;
        if (caller.getPrincipal() instanceof JsonWebToken token) {
            subject = token.getSubject() != null ? token.getSubject() : subject;
            client = claim(token, "azp");
            if (client == null) {
                client = claim(token, "client_id");
            }
        }
        return new Actor(subject, client, role.isEmpty() ? null : role);
    }

    private static String claim(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        return value == null ? null : value.toString().replace("\"", "");
    }
}
