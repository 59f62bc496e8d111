package it.ngsiena.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrontendRealmTest {

    private static final Path REALM = Path.of("../keycloak/ngs-realm.json");

    @Test
    void eachCorsOriginBecomesARedirectUriAndWebOriginOfTheFrontendClientOnly(@TempDir Path folder) throws Exception {
        List<String> origins = FrontendRealm.origins(" https://www.comune.siena.it/ , http://127.0.0.1:5173,,");
        assertThat(origins).containsExactly("https://www.comune.siena.it", "http://127.0.0.1:5173");

        Path copy = FrontendRealm.withFrontends(REALM, origins, folder);

        JsonNode realm = new ObjectMapper().readTree(copy.toFile());
        JsonNode frontend = null;
        for (JsonNode client : realm.get("clients")) {
            if (client.path("clientId").asText().equals("ngs-frontend")) {
                frontend = client;
            } else {
                assertThat(client.path("redirectUris").toString()).doesNotContain("comune.siena.it");
            }
        }
        assertThat(frontend.get("redirectUris").toString())
                .contains(
                        "\"https://www.comune.siena.it/*\"",
                        "\"http://127.0.0.1:5173/*\"",
                        "\"http://127.0.0.1:8080/*\"");
        assertThat(frontend.get("webOrigins").toString())
                .contains("\"https://www.comune.siena.it\"", "\"http://127.0.0.1:5173\"");
        assertThat(Files.readString(REALM)).doesNotContain("comune.siena.it");
    }

    @Test
    void withoutFrontendsTheRealmFileIsImportedAsItIsAndAWildcardIsRefused(@TempDir Path folder) {
        assertThat(FrontendRealm.withFrontends(REALM, List.of(), folder)).isEqualTo(REALM);
        assertThatThrownBy(() -> FrontendRealm.withFrontends(REALM, List.of("https://*.example.org"), folder))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an origin");
        assertThatThrownBy(() -> FrontendRealm.withFrontends(REALM, List.of("https://app.example.org/path"), folder))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
