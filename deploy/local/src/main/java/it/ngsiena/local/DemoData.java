package it.ngsiena.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.ngsiena.testkit.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Loads the demo data of {@code seeds/} through the gateway's public API, as a partner system would.
 * Every create carries a fixed Idempotency-Key, so loading twice creates nothing new.
 */
final class DemoData {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoData() {
    }

    static void load(LocalPlatform platform, Path seeds, Consumer<String> progress) {
        try {
            String token = new Tokens(platform.issuer()).forClient("codesign-hub", "codesign-hub-secret");
            JsonNode needs = JSON.readTree(seeds.resolve("demo-needs.json").toFile()).get("needs");
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            int created = 0;
            for (JsonNode need : needs) {
                String key = need.get("key").asText();
                var body = ((com.fasterxml.jackson.databind.node.ObjectNode) need.deepCopy()).without("key");
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                URI.create(platform.gatewayUrl() + "/v1/participation/needs"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 201) {
                    throw new IllegalStateException("demo need " + key + " refused (" + response.statusCode() + "): "
                            + response.body());
                }
                if (response.headers().firstValue("Idempotent-Replayed").isEmpty()) {
                    created++;
                }
            }
            progress.accept("Demo data: " + created + " new need(s), " + (needs.size() - created) + " already there");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            progress.accept("Demo data could not be loaded: " + e.getMessage());
        }
    }
}
