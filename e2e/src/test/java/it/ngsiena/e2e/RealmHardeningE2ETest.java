package it.ngsiena.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.ngsiena.infra.Tokens;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * deploy/keycloak/harden-for-production.sh against a real Keycloak: a copy of the demo realm is
 * imported under another name (so the platform's realm stays as the other tests need it), the script
 * refuses while the demo users are there, and with --delete-demo-users leaves a realm that is what it says.
 */
@ExtendWith(RunningPlatform.class)
class RealmHardeningE2ETest {

    static final String REALM = "ngs-harden-check";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static String keycloak;
    static Path root;

    @BeforeAll
    static void usePlatform() {
        keycloak = RunningPlatform.platform().keycloakUrl();
        root = RunningPlatform.root();
    }

    @AfterAll
    static void dropTheCopy() throws Exception {
        if (keycloak != null) {
            HTTP.send(
                    HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms/" + REALM))
                            .header("Authorization", "Bearer " + adminToken())
                            .DELETE()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void theScriptRefusesDemoUsersThenLeavesAHardenedRealm() throws Exception {
        ObjectNode copy = (ObjectNode) JSON.readTree(Files.readString(root.resolve("deploy/keycloak/ngs-realm.json")));
        copy.put("realm", REALM);
        HttpResponse<String> created = HTTP.send(
                HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms"))
                        .header("Authorization", "Bearer " + adminToken())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(copy.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(passwordGrant("officer-siena"))
                .as("the demo realm hands out tokens by password")
                .isEqualTo(200);

        Result refused = harden();
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.output()).contains("Refusing", "officer-siena");
        assertThat(realm().get("sslRequired").asText()).as("nothing changed").isEqualTo("external");
        assertThat(realm().get("accessTokenLifespan").asInt()).isEqualTo(900);

        Result hardened = harden("--delete-demo-users");
        assertThat(hardened.exit()).as(hardened.output()).isZero();
        assertThat(hardened.output()).contains("demo user viewer removed", "euronike-lms: new secret", "hardened");
        JsonNode realm = realm();
        assertThat(realm.get("sslRequired").asText()).isEqualTo("external");
        assertThat(realm.get("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.get("accessTokenLifespan").asInt()).isEqualTo(300);
        assertThat(passwordGrant("officer-siena"))
                .as("no password grant, no demo user")
                .isNotEqualTo(200);
        assertThat(clientCredentials("euronike-lms", "euronike-lms-secret"))
                .as("the demo secret is gone")
                .isNotEqualTo(200);
    }

    record Result(int exit, String output) {}

    private static Result harden(String... options) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                "bash", root.resolve("deploy/keycloak/harden-for-production.sh").toString()));
        command.addAll(List.of(options));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment()
                .putAll(Map.of(
                        "KC_HOME",
                        Path.of(System.getProperty("ngs.keycloak.home"))
                                .toAbsolutePath()
                                .toString(),
                        "KC_URL",
                        keycloak,
                        "KC_ADMIN",
                        "admin",
                        "KC_ADMIN_PASSWORD",
                        "admin",
                        "KC_REALM",
                        REALM,
                        "JAVA_HOME",
                        System.getProperty("java.home")));
        Process process = pb.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        System.out.println("[harden] " + output.replace("\n", "\n[harden] "));
        return new Result(process.exitValue(), output);
    }

    private static JsonNode realm() throws Exception {
        return JSON.readTree(HTTP.send(
                        HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms/" + REALM))
                                .header("Authorization", "Bearer " + adminToken())
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
    }

    private static String adminToken() {
        return new Tokens(keycloak + "/realms/master").forUserThrough("admin-cli", "admin", "admin");
    }

    private static int passwordGrant(String user) throws Exception {
        return post(
                        keycloak + "/realms/" + REALM + "/protocol/openid-connect/token",
                        Map.of("grant_type", "password", "client_id", "ngs-cli", "username", user, "password", user))
                .statusCode();
    }

    private static int clientCredentials(String client, String secret) throws Exception {
        return post(
                        keycloak + "/realms/" + REALM + "/protocol/openid-connect/token",
                        Map.of("grant_type", "client_credentials", "client_id", client, "client_secret", secret))
                .statusCode();
    }

    private static HttpResponse<String> post(String url, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("&"));
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
