package it.ngsiena.kernel.status;

import io.smallrye.health.SmallRyeHealthReporter;
import it.ngsiena.kernel.problem.Problem;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /status}, as the Italian interoperability guidelines ask: a problem document that says
 * whether the service can serve requests (200), or not (503 with Retry-After).
 */
@Path("/status")
@Tag(name = "Status")
public class StatusResource {

    private final SmallRyeHealthReporter health;
    private final String application;

    StatusResource(SmallRyeHealthReporter health, @ConfigProperty(name = "quarkus.application.name") String application) {
        this.health = health;
        this.application = application;
    }

    @GET
    @PermitAll
    @Produces(Problem.MEDIA_TYPE)
    @Operation(operationId = "getStatus", summary = "Whether the service can serve requests")
    @APIResponse(responseCode = "200", description = "Serving",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Not serving: its database or Kafka is unreachable",
            headers = @org.eclipse.microprofile.openapi.annotations.headers.Header(name = "Retry-After",
                    ref = "Retry-After"),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response status() {
        boolean up = !health.getReadiness().isDown();
        int status = up ? 200 : 503;
        Problem problem = new Problem(Problem.TYPE_PREFIX + (up ? "ok" : "unavailable"), up ? "OK" : "Service unavailable",
                status, application + (up ? " is serving requests" : " cannot serve requests now"), "/status", null, null);
        Response.ResponseBuilder response = Response.status(status).type(Problem.MEDIA_TYPE).entity(problem);
        if (!up) {
            response.header("Retry-After", "10");
        }
        return response.build();
    }
}
