package it.ngsiena.gateway.routing;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import it.ngsiena.contracts.Workstream;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code /v1/notifications} and below go to the comms service, which tells people of events (its inbox and
 * preferences), as a workstream's own paths do: same checks, same breaker.
 */
@Path("/v1/notifications")
@jakarta.annotation.security.PermitAll
public class NotificationsRoute {

    private final WorkstreamProxy proxy;

    NotificationsRoute(WorkstreamProxy proxy) {
        this.proxy = proxy;
    }

    @GET
    @Operation(hidden = true)
    public Uni<Response> list(@Context HttpHeaders headers, @Context UriInfo uri) {
        return proxy.forward(HttpMethod.GET, Workstream.COMMS.id(), headers, uri, null);
    }

    @GET
    @Path("/{path: .+}")
    @Operation(hidden = true)
    public Uni<Response> get(@Context HttpHeaders headers, @Context UriInfo uri) {
        return proxy.forward(HttpMethod.GET, Workstream.COMMS.id(), headers, uri, null);
    }

    @POST
    @Path("/{path: .+}")
    @Consumes("*/*")
    @Operation(hidden = true)
    public Uni<Response> post(@Context HttpHeaders headers, @Context UriInfo uri, byte[] body) {
        return proxy.forward(HttpMethod.POST, Workstream.COMMS.id(), headers, uri, body);
    }

    @PUT
    @Path("/{path: .+}")
    @Consumes("*/*")
    @Operation(hidden = true)
    public Uni<Response> put(@Context HttpHeaders headers, @Context UriInfo uri, byte[] body) {
        return proxy.forward(HttpMethod.PUT, Workstream.COMMS.id(), headers, uri, body);
    }
}
