package it.ngsiena.kernel.status;

import io.smallrye.health.SmallRyeHealth;
import io.smallrye.health.SmallRyeHealthReporter;
import it.ngsiena.kernel.kafka.KafkaReadinessCheck;
import it.ngsiena.kernel.outbox.OutboxRelay;
import it.ngsiena.kernel.problem.Problem;
import jakarta.annotation.security.PermitAll;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
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
 * whether the service can serve requests (200), or not (503 with Retry-After). While only Kafka is
 * unreachable the service still serves (writes wait in the outbox): 200 with the type
 * {@code degraded} and the outbox backlog.
 */
@Path("/status")
@Tag(name = "Status", description = "Whether the service is up, for monitoring")
public class StatusResource {

    private final SmallRyeHealthReporter health;
    private final OutboxRelay outbox;
    private final String application;

    StatusResource(
            SmallRyeHealthReporter health,
            OutboxRelay outbox,
            @ConfigProperty(name = "quarkus.application.name") String application) {
        this.health = health;
        this.outbox = outbox;
        this.application = application;
    }

    @GET
    @PermitAll
    @Produces(Problem.MEDIA_TYPE)
    @Operation(
            operationId = "getStatus",
            summary = "Whether the service can serve requests",
            description = "Anonymous. ok while the service serves requests; degraded (still 200) while Kafka cannot "
                    + "be reached and events wait in its outbox; 503 with Retry-After while its database is "
                    + "unreachable. For monitors; orchestrators use the health endpoints of the management "
                    + "port.")
    @APIResponse(
            responseCode = "200",
            description = "Serving (type ok), or serving without Kafka (type degraded:"
                    + " writes wait in the outbox, the detail says how many)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    // the 200's body is a problem document too, which puts the Problem schema into every service's document;
    // the other operations' 4xx and 5xx get it from PlatformOpenApiFilter
    @APIResponse(
            responseCode = "503",
            description = "Not serving: its database is unreachable",
            headers =
                    @org.eclipse.microprofile.openapi.annotations.headers.Header(
                            name = "Retry-After",
                            ref = "Retry-After"),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response status() {
        SmallRyeHealth readiness = health.getReadiness();
        if (readiness.isDown()) {
            return Response.status(503)
                    .type(Problem.MEDIA_TYPE)
                    .header("Retry-After", "10")
                    .entity(problem(
                            "unavailable", "Service unavailable", 503, application + " cannot serve requests now"))
                    .build();
        }
        if (kafkaUnreachable(readiness)) {
            return Response.ok(problem(
                            "degraded",
                            "Degraded",
                            200,
                            application + " serves requests, but Kafka cannot"
                                    + " be reached: " + outbox.backlog()
                                    + " event(s) wait in the outbox (the oldest for "
                                    + outbox.oldestUnsentSeconds() + " s) and are published when it is back"))
                    .type(Problem.MEDIA_TYPE)
                    .build();
        }
        return Response.ok(problem("ok", "OK", 200, application + " is serving requests"))
                .type(Problem.MEDIA_TYPE)
                .build();
    }

    private static Problem problem(String type, String title, int status, String detail) {
        return new Problem(Problem.TYPE_PREFIX + type, title, status, detail, "/status", null, null);
    }

    private static boolean kafkaUnreachable(SmallRyeHealth readiness) {
        JsonArray checks = readiness.getPayload().getJsonArray("checks");
        for (int i = 0; checks != null && i < checks.size(); i++) {
            JsonObject check = checks.getJsonObject(i);
            JsonObject data = check.getJsonObject("data");
            if ("kafka".equals(check.getString("name", ""))
                    && data != null
                    && !data.getBoolean(KafkaReadinessCheck.REACHABLE, true)) {
                return true;
            }
        }
        return false;
    }
}
