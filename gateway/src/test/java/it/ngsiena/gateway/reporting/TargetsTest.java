package it.ngsiena.gateway.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import it.ngsiena.contracts.participation.NeedSubmitted;
import it.ngsiena.gateway.FakeServicesResource;
import it.ngsiena.gateway.activity.ActivityEntry;
import it.ngsiena.kernel.events.EventCodec;
import it.ngsiena.testkit.PlatformTestResource;
import it.ngsiena.testkit.TopicProbe;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Figures over a period (days in Europe/Rome, events by their true dates) and the programme's targets against
 * them. Only this test sends events of February 2023, so that month's figures are its own.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(FakeServicesResource.class)
class TargetsTest {

    static final String SAN_CASCIANO = "052027";
    static final String ABBADIA = "052001";

    @ConfigProperty(name = "ngs.events.bootstrap-servers")
    String bootstrap;

    private String submitted(String municipality, String at) {
        UUID need = UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        OffsetDateTime time = OffsetDateTime.parse(at);
        byte[] value = EventCodec.encode(
                id,
                "/participation-service",
                NeedSubmitted.TYPE,
                need.toString(),
                time,
                EventCodec.payloadJson(new NeedSubmitted(
                        need, "Bisogno di febbraio", "MOBILITY", List.of(municipality), "ONLINE", time)));
        new TopicProbe(bootstrap).send("ngs.participation.v1", need.toString(), value);
        return id;
    }

    @Test
    @TestSecurity(user = "admin", roles = "programme-admin")
    void theKpisOfAPeriodCountItsDaysInRomeAgainstTheTargets() {
        given().contentType(ContentType.JSON)
                .body("{\"target\":4}")
                .when()
                .put("/v1/programme/targets/NEEDS_COLLECTED")
                .then()
                .statusCode(200)
                .body("target", equalTo(4.0f))
                .body("indicatorLabelIt", equalTo("Bisogni raccolti"));
        given().contentType(ContentType.JSON)
                .body("{\"municipality\":\"" + SAN_CASCIANO + "\",\"target\":2}")
                .when()
                .put("/v1/programme/targets/NEEDS_COLLECTED")
                .then()
                .statusCode(200);

        List<String> ids = new ArrayList<>();
        ids.add(submitted(SAN_CASCIANO, "2023-02-10T10:00:00+01:00"));
        ids.add(submitted(SAN_CASCIANO, "2023-02-11T10:00:00+01:00"));
        // the last evening of February in Siena, already March 1st nowhere: counted
        ids.add(submitted(ABBADIA, "2023-02-28T23:30:00+01:00"));
        // half an hour into March 1st in Siena (still February 28th in UTC): not counted
        ids.add(submitted(ABBADIA, "2023-03-01T00:30:00+01:00"));
        ids.add(submitted(ABBADIA, "2023-01-31T23:59:00+01:00"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> ActivityEntry.count("eventId in ?1", ids))
                        == ids.size());

        JsonPath kpis = given().queryParam("from", "2023-02-01")
                .queryParam("to", "2023-02-28")
                .when()
                .get("/v1/programme/kpis")
                .then()
                .statusCode(200)
                .body("period.from", equalTo("2023-02-01"))
                .body("period.to", equalTo("2023-02-28"))
                .extract()
                .jsonPath();
        assertThat(kpis.getMap("workstreams.participation.perMonth")).containsOnlyKeys("2023-02");
        assertThat(kpis.getLong("workstreams.participation.events")).isEqualTo(3);
        assertThat(kpis.getLong("targets.find { it.indicator == 'NEEDS_COLLECTED' }.achieved"))
                .isEqualTo(3);
        assertThat(kpis.getString("targets.find { it.indicator == 'NEEDS_COLLECTED' }.percent"))
                .isEqualTo("75.0");
        assertThat(kpis.getList("targets.municipality")).containsOnlyNulls();

        given().queryParam("from", "2023-02-01")
                .queryParam("to", "2023-02-28")
                .queryParam("municipality", SAN_CASCIANO)
                .when()
                .get("/v1/programme/targets")
                .then()
                .statusCode(200)
                .body("items[0].achieved", equalTo(2))
                .body("items[0].percent", equalTo(100.0f));

        given().queryParam("from", "2023-02-30")
                .when()
                .get("/v1/programme/kpis")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("from"));
        given().queryParam("from", "2023-03-01")
                .queryParam("to", "2023-02-01")
                .when()
                .get("/v1/programme/kpis")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("to"));

        given().queryParam("municipality", SAN_CASCIANO)
                .when()
                .delete("/v1/programme/targets/NEEDS_COLLECTED")
                .then()
                .statusCode(204);
        given().queryParam("municipality", SAN_CASCIANO)
                .when()
                .delete("/v1/programme/targets/NEEDS_COLLECTED")
                .then()
                .statusCode(404);
    }

    @Test
    @TestSecurity(user = "codesign", roles = "participation-partner")
    void onlyTheAdminSetsTargets() {
        given().contentType(ContentType.JSON)
                .body("{\"target\":4}")
                .when()
                .put("/v1/programme/targets/WORKSHOPS_HELD")
                .then()
                .statusCode(403);
    }
}
