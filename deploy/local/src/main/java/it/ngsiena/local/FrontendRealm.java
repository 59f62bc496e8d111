package it.ngsiena.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The realm file Keycloak imports, with the deployment's browser frontends added to the public client
 * {@code ngs-frontend}: each origin the gateway lets call it (CORS, {@code NGS_GATEWAY_CORS_ORIGINS}) may
 * also sign people in, so its pages become redirect URIs and it becomes a web origin. One setting, so
 * that the two lists cannot disagree.
 */
final class FrontendRealm {

    static final String CLIENT = "ngs-frontend";
    static final String ORIGINS = "NGS_GATEWAY_CORS_ORIGINS";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FrontendRealm() {}

    /** The origins of a comma-separated list, e.g. {@code https://www.comune.siena.it, https://app.example}. */
    static List<String> origins(String list) {
        return list == null
                ? List.of()
                : Arrays.stream(list.split(","))
                        .map(String::trim)
                        .map(origin -> origin.replaceAll("/+$", ""))
                        .filter(origin -> !origin.isEmpty())
                        .toList();
    }

    /** {@code realmFile} as is when there are no frontends, else a copy in {@code folder} that lets them in. */
    static Path withFrontends(Path realmFile, List<String> origins, Path folder) {
        if (origins.isEmpty()) {
            return realmFile;
        }
        try {
            ObjectNode realm = (ObjectNode) JSON.readTree(realmFile.toFile());
            ObjectNode client = null;
            for (JsonNode c : realm.withArray("clients")) {
                if (CLIENT.equals(c.path("clientId").asText())) {
                    client = (ObjectNode) c;
                }
            }
            if (client == null) {
                throw new IllegalStateException("No client " + CLIENT + " in " + realmFile);
            }
            for (String origin : origins) {
                if (!origin.matches("https?://[^/\\s*]+")) {
                    throw new IllegalArgumentException(
                            ORIGINS + ": " + origin + " is not an origin (scheme://host[:port])");
                }
                addOnce(client.withArray("redirectUris"), origin + "/*");
                addOnce(client.withArray("webOrigins"), origin);
            }
            Files.createDirectories(folder);
            Path copy = folder.resolve(realmFile.getFileName());
            JSON.writeValue(copy.toFile(), realm);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("the realm file " + realmFile, e);
        }
    }

    private static void addOnce(ArrayNode values, String value) {
        for (JsonNode v : values) {
            if (v.asText().equals(value)) {
                return;
            }
        }
        values.add(value);
    }
}
