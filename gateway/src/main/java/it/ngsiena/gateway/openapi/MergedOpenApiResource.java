package it.ngsiena.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.ngsiena.contracts.Workstream;
import it.ngsiena.gateway.routing.ServicesConfig;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/** The one API document of the platform: the gateway's own and every workstream service's, merged. */
@Path("/v1/openapi")
@Tag(name = "API documents")
public class MergedOpenApiResource {

    private static final Logger LOG = Logger.getLogger(MergedOpenApiResource.class);

    private final ServicesConfig services;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String issuer;

    MergedOpenApiResource(ServicesConfig services, ObjectMapper json,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") String issuer) {
        this.services = services;
        this.json = json;
        this.issuer = issuer;
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getPlatformOpenApi", summary = "The merged OpenAPI document of the whole platform",
            description = "Services that cannot be reached are listed in x-unavailable-services; a path or component"
                    + " that two services define differently is listed in x-merge-conflicts (the first definition is kept).")
    public JsonNode merged(@Context UriInfo uri) {
        String self = uri.getBaseUri().toString().replaceAll("/$", "");
        JsonNode gateway = fetch(self).orElseThrow(() -> new IllegalStateException("own OpenAPI document missing"));
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        List<String> unavailable = new ArrayList<>();
        for (Workstream w : Workstream.values()) {
            fetch(services.baseUrl(w)).ifPresentOrElse(d -> documents.put(w.id(), d), () -> unavailable.add(w.id()));
        }
        ObjectNode merged = OpenApiMerger.merge(json, gateway, documents);
        merged.path(OpenApiMerger.CONFLICTS).forEach(c -> LOG.warnf("merged OpenAPI document: %s", c.asText()));
        signInWithKeycloak(merged);
        if (!unavailable.isEmpty()) {
            merged.putPOJO("x-unavailable-services", unavailable);
        }
        return merged;
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

    private java.util.Optional<JsonNode> fetch(String base) {
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + "/q/openapi?format=json"))
                    .timeout(Duration.ofSeconds(5)).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() == 200) {
                return java.util.Optional.of(json.readTree(r.body()));
            }
            LOG.warnf("OpenAPI document of %s answered %d", base, r.statusCode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.debugf("OpenAPI document of %s unavailable: %s", base, e.getMessage());
        }
        return java.util.Optional.empty();
    }
}
