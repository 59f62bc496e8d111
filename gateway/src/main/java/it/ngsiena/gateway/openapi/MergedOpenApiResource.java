package it.ngsiena.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.openapi.runtime.io.Format;
import it.ngsiena.contracts.Workstream;
import it.ngsiena.gateway.routing.PublicUrl;
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
@Tag(name = "Documents", description = "The platform's API documents")
public class MergedOpenApiResource {

    private static final Logger LOG = Logger.getLogger(MergedOpenApiResource.class);
    private static final Duration RETRY_MISSING = Duration.ofSeconds(30);

    private record Merged(ObjectNode document, long expiresAt) {}

    private final ServicesConfig services;
    private final ObjectMapper json;
    private final OpenApiDocumentService own;
    private final String issuer;
    private final PublicUrl publicUrl;
    private final Duration refresh;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile Merged merged;

    MergedOpenApiResource(
            ServicesConfig services,
            ObjectMapper json,
            OpenApiDocumentService own,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") String serverUrl,
            @ConfigProperty(name = "quarkus.oidc.token.issuer") Optional<String> publicIssuer,
            PublicUrl publicUrl,
            @ConfigProperty(name = "ngs.gateway.openapi.refresh", defaultValue = "5m") Duration refresh) {
        this.services = services;
        this.json = json;
        this.own = own;
        // The issuer callers see (tokens name it), when it differs from the address the gateway uses.
        this.issuer =
                publicIssuer.filter(i -> i.startsWith("http")).orElse(serverUrl).replaceAll("/$", "");
        this.publicUrl = publicUrl;
        this.refresh = refresh;
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "getPlatformOpenApi",
            summary = "The merged OpenAPI document of the whole platform",
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
            fetch(services.managementUrl(w))
                    .ifPresentOrElse(d -> documents.put(w.id(), d), () -> unavailable.add(w.id()));
        }
        ObjectNode document = OpenApiMerger.merge(json, ownDocument(), documents);
        document.path(OpenApiMerger.CONFLICTS).forEach(c -> LOG.warnf("merged OpenAPI document: %s", c.asText()));
        describeAccess(document);
        TypedActivityItems.apply(document);
        BodyExamples.apply(document);
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
     * Where and how callers get in, from configuration: {@code servers} is the gateway's public URL; the
     * {@code bearer} scheme is the realm's access token (with the roles an operation needs listed, as
     * OpenAPI 3.1 allows for non-OAuth schemes); {@code oauth2} says how to get one (users through
     * ngs-frontend with authorization code and PKCE, partner systems by client credentials), with the
     * realm's URLs, and is offered on every operation that asks for a token. Public operations say
     * {@code security: []} (the kernel's filter).
     */
    private void describeAccess(ObjectNode document) {
        ArrayNode servers = document.putArray("servers");
        servers.addObject().put("url", publicUrl.base()).put("description", "This deployment's gateway");

        ObjectNode schemes = document.withObjectProperty("components").withObjectProperty("securitySchemes");
        ObjectNode bearer = schemes.putObject("bearer");
        bearer.put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT");
        bearer.put(
                "description",
                "An access token of the Keycloak realm ngs (issuer " + issuer + ", audience"
                        + " ngs-platform). The realm roles an operation accepts are listed in its x-roles; see the"
                        + " oauth2 scheme for how to get a token.");
        String openIdConnect = issuer + "/protocol/openid-connect";
        ObjectNode oauth2 = schemes.putObject("oauth2");
        oauth2.put("type", "oauth2");
        oauth2.put(
                "description",
                "Tokens from the realm ngs: people sign in through a frontend (client ngs-frontend,"
                        + " authorization code with PKCE); partner and municipal systems use their own confidential client"
                        + " (client credentials). What a token may do depends on its realm roles, not on scopes.");
        ObjectNode flows = oauth2.putObject("flows");
        flows.putObject("authorizationCode")
                .put("authorizationUrl", openIdConnect + "/auth")
                .put("tokenUrl", openIdConnect + "/token")
                .put("refreshUrl", openIdConnect + "/token")
                .putObject("scopes")
                .put("openid", "Sign in with OpenID Connect");
        flows.putObject("clientCredentials")
                .put("tokenUrl", openIdConnect + "/token")
                .putObject("scopes");

        document.path("paths")
                .forEach(path -> path.forEach(operation -> {
                    if (operation.get("security") instanceof ArrayNode security && !security.isEmpty()) {
                        security.addObject().putArray("oauth2");
                    }
                }));
    }

    private Optional<JsonNode> fetch(String base) {
        try {
            HttpResponse<byte[]> r = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/q/openapi?format=json"))
                            .timeout(Duration.ofSeconds(5))
                            .header("Accept", "application/json")
                            .build(),
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
