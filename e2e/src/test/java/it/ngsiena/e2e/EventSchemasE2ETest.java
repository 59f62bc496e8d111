package it.ngsiena.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.ngsiena.contracts.EventCatalog;
import it.ngsiena.contracts.EventType;
import it.ngsiena.infra.Tokens;
import it.ngsiena.local.LocalPlatform;
import it.ngsiena.testkit.EventSchemaCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every event the running platform published in the suite, as the feed shows it to the admin, against its
 * type's JSON Schema (EventSchemaCheck: a validator we did not write). Runs after the other e2e classes, whose
 * stories publish the events, and before the stop.
 */
@ExtendWith(RunningPlatform.class)
@Order(Integer.MAX_VALUE - 1)
class EventSchemasE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyEventInTheFeedObeysItsSchema() throws Exception {
        LocalPlatform platform = RunningPlatform.platform();
        String admin = "Bearer " + new Tokens(platform.issuer()).forUser("admin", "admin");
        List<String> violations = new ArrayList<>();
        TreeSet<String> seen = new TreeSet<>();
        int events = 0;
        String cursor = null;
        do {
            var request = given().header("Authorization", admin).queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonNode page = JSON.readTree(request.when()
                    .get(platform.gatewayUrl() + "/v1/activity")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            for (JsonNode item : page.path("items")) {
                String type = item.path("type").asText();
                if (type.startsWith("it.ngsiena.test.")) {
                    continue; // a test's own types, outside the catalogue
                }
                events++;
                seen.add(type);
                violations.addAll(
                        EventSchemaCheck.violations(type, item.path("data").toString()));
            }
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        TreeSet<String> unseen = new TreeSet<>(
                EventCatalog.PLATFORM.types().stream().map(EventType::name).toList());
        unseen.removeAll(seen);
        System.out.printf(
                "[event schemas] %d events of %d types checked against their schemas, %d violations; types the"
                        + " suite did not publish: %s%n",
                events, seen.size(), violations.size(), unseen);
        assertThat(events).isPositive();
        assertThat(violations).isEmpty();

        // with the types the services' and the gateway's tests validated in this build (EventSchemaCheck's lists)
        TreeSet<String> never = new TreeSet<>(unseen);
        for (String module : MODULES) {
            Path listed = Path.of("..", module).resolve(EventSchemaCheck.VALIDATED_TYPES);
            if (Files.exists(listed)) {
                Files.readAllLines(listed).forEach(never::remove);
            }
        }
        System.out.printf("[event schemas] catalogued types validated in no test of this build: %s%n", never);
        assertThat(never)
                .as("catalogued event types no test validated (run the whole build: ./mvnw verify)")
                .isEmpty();
    }

    /** The modules whose tests read real outbox events or publish catalogued ones. */
    private static final List<String> MODULES =
            List.of("training-service", "participation-service", "feasibility-service", "comms-service", "gateway");
}
