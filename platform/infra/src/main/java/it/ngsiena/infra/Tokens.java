package it.ngsiena.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** Access tokens from a real Keycloak: demo users through {@code ngs-cli}, partner systems by client credentials. */
public final class Tokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String tokenEndpoint;

    /** @param issuer e.g. {@code http://127.0.0.1:8180/realms/ngs} */
    public Tokens(String issuer) {
        this.tokenEndpoint = issuer + "/protocol/openid-connect/token";
    }

    /** A demo user's token (password grant of the public client {@code ngs-cli}). */
    public String forUser(String username, String password) {
        return forUserThrough("ngs-cli", username, password);
    }

    /** A user's token from another public client of the realm with the password grant (e.g. {@code admin-cli}). */
    public String forUserThrough(String publicClient, String username, String password) {
        return request(Map.of(
                "grant_type",
                "password",
                "client_id",
                publicClient,
                "username",
                username,
                "password",
                password,
                "scope",
                "openid"));
    }

    /** A partner system's token (client credentials of a confidential client). */
    public String forClient(String clientId, String secret) {
        return request(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
    }

    private String request(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(tokenEndpoint))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "token request refused (" + response.statusCode() + "): " + response.body());
            }
            JsonNode json = JSON.readTree(response.body());
            return json.get("access_token").asText();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("token request failed: " + e.getMessage(), e);
        }
    }
}
