package it.ngsiena.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The gateway's public API as the demo loaders call it: JSON in and out, the expected statuses or a failure. */
final class DemoApi {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway;

    DemoApi(String gateway) {
        this.gateway = gateway;
    }

    /**
     * Sends a request; answers the body when the status is one of {@code accepted}, throws otherwise. A 429
     * (the gateway's rate limit refused it before anything ran) is sent again after its Retry-After, as a
     * client should.
     */
    JsonNode send(String method, String path, String token, JsonNode body, String idempotencyKey, int... accepted)
            throws Exception {
        return sendWith(
                method,
                path,
                token,
                body,
                idempotencyKey == null ? Map.of() : Map.of("Idempotency-Key", idempotencyKey),
                accepted);
    }

    /** The same, with headers of the caller's own (If-Match, Idempotency-Key). */
    JsonNode sendWith(
            String method, String path, String token, JsonNode body, Map<String, String> headers, int... accepted)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        HttpRequest built = request.build();
        HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
        while (response.statusCode() == 429) {
            long wait = response.headers().firstValueAsLong("Retry-After").orElse(5);
            Thread.sleep(Math.min(Math.max(wait, 1), 60) * 1000);
            response = http.send(built, HttpResponse.BodyHandlers.ofString());
        }
        for (int status : accepted) {
            if (response.statusCode() == status) {
                return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
            }
        }
        throw new IllegalStateException(
                method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }
}
