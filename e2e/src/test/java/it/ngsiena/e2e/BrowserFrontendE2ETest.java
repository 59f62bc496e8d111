package it.ngsiena.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import it.ngsiena.infra.Tokens;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A third-party frontend as its users meet it: a web page served from its own origin, in a real browser
 * (Debian's Chromium, headless), signs Siena's officer in through Keycloak's login page with the
 * authorization code flow and PKCE, submits a need through the gateway and lists the activity feed. The
 * gateway allows that origin (NGS_GATEWAY_CORS_ORIGINS), and the launcher adds the same origins to the realm's
 * ngs-frontend client as redirect URIs and web origins. The screenshot goes to target/browser/.
 */
@ExtendWith(RunningPlatform.class)
class BrowserFrontendE2ETest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static HttpServer frontend;

    @BeforeAll
    static void serveTheFrontendAndRegisterIt() throws Exception {
        PlatformE2ETest.usePlatform();
        URI origin = URI.create(RunningPlatform.frontendOrigin());
        frontend = HttpServer.create(new InetSocketAddress(origin.getHost(), origin.getPort()), 0);
        frontend.createContext("/", exchange -> {
            try (exchange;
                    InputStream page = BrowserFrontendE2ETest.class.getResourceAsStream("/frontend/index.html")) {
                byte[] body = page.readAllBytes();
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        frontend.start();
        assertThat(redirectUrisOfTheFrontendClient())
                .as("the launcher gave the realm the CORS origins")
                .contains(RunningPlatform.frontendOrigin() + "/*");
    }

    @AfterAll
    static void stopServing() {
        frontend.stop(0);
    }

    @Test
    void aPageOnAnotherOriginSignsInWithPkceSubmitsANeedAndListsIt() throws Exception {
        String gateway = RunningPlatform.platform().gatewayUrl();
        String issuer = RunningPlatform.platform().issuer();
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            browser.navigate(RunningPlatform.frontendOrigin() + "/index.html?gateway=" + encode(gateway) + "&issuer="
                    + encode(issuer));

            // Keycloak's own login page: the officer types the credentials and signs in.
            browser.awaitTrue("!!document.getElementById('kc-form-login')", Duration.ofSeconds(30));
            assertThat(browser.evaluate("location.href").asText())
                    .startsWith(issuer + "/protocol/openid-connect/auth")
                    .contains("code_challenge_method=S256")
                    .contains("client_id=ngs-frontend");
            browser.evaluate("document.getElementById('username').value = 'officer-siena';"
                    + " document.getElementById('password').value = 'officer-siena';"
                    + " document.getElementById('kc-form-login').submit(); true");

            browser.awaitTrue(
                    "document.body.dataset.state === 'done' || document.body.dataset.state === 'failed'",
                    Duration.ofSeconds(60));
            Path shot = Path.of("target/browser/frontend.png");
            Files.createDirectories(shot.getParent());
            Files.write(shot, browser.screenshot());

            assertThat(browser.evaluate("location.origin").asText()).isEqualTo(RunningPlatform.frontendOrigin());
            assertThat(browser.safely(
                            "document.body.dataset.state + ': ' + document.getElementById('status').textContent"))
                    .startsWith("done");
            String need = browser.evaluate("document.body.dataset.need").asText();
            assertThat(browser.evaluate("document.body.dataset.location").asText())
                    .as("Location, an exposed header, readable by the page")
                    .endsWith("/v1/participation/needs/" + need);
            assertThat(browser.evaluate("document.body.dataset.remaining").asText())
                    .as("X-RateLimit-Remaining, exposed too")
                    .matches("\\d+");
            assertThat(browser.evaluate("document.getElementById('feed').textContent")
                            .asText())
                    .contains(need);
            assertThat(Files.size(shot))
                    .as("screenshot " + shot.toAbsolutePath())
                    .isGreaterThan(1000);
            System.out.println("[browser] need " + need + " submitted and listed by a page of "
                    + RunningPlatform.frontendOrigin() + "; screenshot " + shot.toAbsolutePath());

            // The need is there for everyone else too, as the officer's own API call shows.
            given().header("Authorization", PlatformE2ETest.user("officer-siena"))
                    .when()
                    .get(gateway + "/v1/participation/needs/" + need)
                    .then()
                    .statusCode(200)
                    .body("title", equalTo("Sportello digitale, dal browser"));
        }
    }

    /**
     * The redirect URIs of ngs-frontend as Keycloak holds them: the launcher adds each origin of
     * NGS_GATEWAY_CORS_ORIGINS to the realm it imports (no operator step).
     */
    private static java.util.List<String> redirectUrisOfTheFrontendClient() throws Exception {
        String keycloak = RunningPlatform.platform().keycloakUrl();
        String admin = new Tokens(keycloak + "/realms/master").forUserThrough("admin-cli", "admin", "admin");
        JsonNode found = JSON.readTree(HTTP.send(
                        HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms/ngs/clients?clientId=ngs-frontend"))
                                .header("Authorization", "Bearer " + admin)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
        java.util.List<String> uris = new java.util.ArrayList<>();
        found.get(0).path("redirectUris").forEach(uri -> uris.add(uri.asText()));
        return uris;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
