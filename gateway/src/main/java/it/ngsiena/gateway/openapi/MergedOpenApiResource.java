package it.ngsiena.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.openapi.runtime.io.Format;
import it.ngsiena.contracts.Workstream;
import it.ngsiena.gateway.routing.ServicesConfig;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * The one API document of the platform: the gateway's own (read in-process) and every workstream
 * service's (fetched from the configured service URLs, never from a URL the request names), merged and
 * kept for {@code ngs.gateway.openapi.refresh}, or 30 s while a service is missing from it, so that
 * callers cannot make the gateway fetch on every request.
 */
@Path("/v1/openapi")
@Tag(name = "API documents")
public class MergedOpenApiResource {

    private static final Logger LOG = Logger.getLogger(MergedOpenApiResource.class);
    private static final Duration RETRY_MISSING = Duration.ofSeconds(30);

    private record Merged(ObjectNode document, long expiresAt) {
    }

    private final ServicesConfig services;
    private final ObjectMapper json;
    private final OpenApiDocumentService own;
    private final String issuer;
    private final Duration refresh;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile Merged merged;

    MergedOpenApiResource(ServicesConfig services, ObjectMapper json, OpenApiDocumentService own,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") String issuer,
            @ConfigProperty(name = "ngs.gateway.openapi.refresh", defaultValue = "5m") Duration refresh) {
        this.services = services;
        this.json = json;
        this.own = own;
        this.issuer = issuer;
        this.refresh = refresh;
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getPlatformOpenApi", summary = "The merged OpenAPI document of the whole platform",
            description = "Services that cannot be reached are listed in x-unavailable-services; a path or component"
                    + " that two services define differently is listed in x-merge-conflicts (the first definition is kept)."
                    + " The document is rebuilt every few minutes, and every 30 s while a service is missing.")
    public JsonNode merged() {
        Merged current = merged;
        if (current == null || System.nanoTime() - current.expiresAt() > 0) {
            current = rebuild();
        }
        return current.document();
    }

    /** One rebuild at a time; callers that waited for it take its result. */
    private synchronized Merged rebuild() {
        Merged current = merged;
        if (current != null && System.nanoTime() - current.expiresAt() <= 0) {
            return current;
        }
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        List<String> unavailable = new ArrayList<>();
        for (Workstream w : Workstream.values()) {
            fetch(services.managementUrl(w)).ifPresentOrElse(d -> documents.put(w.id(), d), () -> unavailable.add(w.id()));
        }
        ObjectNode document = OpenApiMerger.merge(json, ownDocument(), documents);
        document.path(OpenApiMerger.CONFLICTS).forEach(c -> LOG.warnf("merged OpenAPI document: %s", c.asText()));
        signInWithKeycloak(document);
        if (!unavailable.isEmpty()) {
            document.putPOJO("x-unavailable-services", unavailable);
        }
        Duration keep = unavailable.isEmpty() ? refresh : RETRY_MISSING;
        merged = new Merged(document, System.nanoTime() + keep.toNanos());
        return merged;
    }

    private JsonNode ownDocument() {
        try {
            return json.readTree(own.getDocument("<default>", Format.JSON));
        } catch (IOException e) {
            throw new UncheckedIOException("the gateway's own OpenAPI document", e);
        }
    }

    /**
     * Describes the bearer scheme as OpenID Connect with the realm's discovery document, so that
     * Swagger UI can sign users in (client ngs-frontend, authorization code with PKCE).
     */
    private void signInWithKeycloak(ObjectNode document) {
        ObjectNode components = document.withObjectProperty("components");
        ObjectNode schemes = components.withObjectProperty("securitySchemes");
        ObjectNode bearer = schemes.putObject("bearer");
        bearer.put("type", "openIdConnect");
        bearer.put("openIdConnectUrl", issuer.replaceAll("/$", "") + "/.well-known/openid-configuration");
        bearer.put("description", "Access tokens of the Keycloak realm ngs: users through ngs-frontend or ngs-cli,"
                + " partner systems by client credentials");
    }

    private Optional<JsonNode> fetch(String base) {
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + "/q/openapi?format=json"))
                    .timeout(Duration.ofSeconds(5)).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() == 200) {
                return Optional.of(json.readTree(r.body()));
            }
            LOG.warnf("OpenAPI document of %s answered %d", base, r.statusCode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.debugf("OpenAPI document of %s unavailable: %s", base, e.getMessage());
        }
        return Optional.empty();
    }
}
