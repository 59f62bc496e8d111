package it.ngsiena.gateway.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import it.ngsiena.gateway.FakeServicesResource;
import it.ngsiena.kernel.events.Actor;
import it.ngsiena.kernel.events.EventCodec;
import it.ngsiena.testkit.PlatformTestResource;
import it.ngsiena.testkit.TopicProbe;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Who did what, from the actors the events carry: a record's history by visibility, the admin's audit feed. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(FakeServicesResource.class)
class AuditTrailTest {

    static final String PARTNER = "7d1e0b3a-2c4f-4e59-8a61-0b9c2d3e4f50";
    static final OffsetDateTime SUBMITTED = OffsetDateTime.of(2022, 3, 24, 10, 0, 0, 0, ZoneOffset.UTC);

    @ConfigProperty(name = "ngs.events.bootstrap-servers")
    String bootstrap;

    private void publish(UUID need, String type, OffsetDateTime time, String data, Actor actor) {
        byte[] value = EventCodec.encode(
                UUID.randomUUID().toString(), "/participation-service", type, need.toString(), time, data, actor);
        new TopicProbe(bootstrap).send("ngs.participation.v1", need.toString(), value);
    }

    /**
     * A need submitted by the partner (public), moved by the platform (signed-in readers only) and prioritised
     * by the admin (public), on one partition: once the caller sees {@code visible} entries, all three are stored.
     */
    private UUID needWithHistory(int visible) {
        UUID need = UUID.randomUUID();
        publish(
                need,
                "it.ngsiena.participation.need.submitted.v1",
                SUBMITTED,
                """
                {"needId":"%s","title":"Bus a chiamata","theme":"MOBILITY","municipalities":["052021"],
                 "origin":"ONLINE","submittedAt":"2022-03-24T10:00:00Z"}""".formatted(need),
                new Actor(PARTNER, "ngs-frontend", "participation-partner"));
        publish(
                need,
                "it.ngsiena.participation.need.status-changed.v1",
                SUBMITTED.plusDays(30),
                """
                {"needId":"%s","from":"PRIORITISED","to":"IN_FEASIBILITY","municipalities":["052021"],
                 "changedAt":"2022-04-23T10:00:00Z"}""".formatted(need),
                Actor.system("participation-service"));
        publish(
                need,
                "it.ngsiena.participation.need.prioritised.v1",
                SUBMITTED.plusDays(40),
                """
                {"needId":"%s","title":"Bus a chiamata","theme":"MOBILITY","municipalities":["052021"],
                 "rationale":"Tre comuni","prioritisedAt":"2022-05-03T10:00:00Z"}""".formatted(need),
                new Actor("0c5e7a9b-3d2f-4b1e-8c7a-6f5e4d3c2b1a", "ngs-frontend", "programme-admin"));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(history(need).getList("items")).hasSize(visible));
        return need;
    }

    private JsonPath history(UUID need) {
        return given().when()
                .get("/v1/needs/" + need + "/history")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    @TestSecurity(user = "viewer", roles = "viewer")
    void aNeedsHistorySaysWhoDidWhatOldestFirst() {
        UUID need = needWithHistory(3);

        JsonPath history = history(need);
        assertThat(history.getList("items.type", String.class))
                .containsExactly(
                        "it.ngsiena.participation.need.submitted.v1",
                        "it.ngsiena.participation.need.status-changed.v1",
                        "it.ngsiena.participation.need.prioritised.v1");
        assertThat(history.getString("items[0].actor.subject")).isEqualTo(PARTNER);
        assertThat(history.getString("items[0].actor.client")).isEqualTo("ngs-frontend");
        assertThat(history.getString("items[0].actor.role")).isEqualTo("participation-partner");
        assertThat(OffsetDateTime.parse(history.getString("items[0].time"))).isAtSameInstantAs(SUBMITTED);
        assertThat(history.getString("items[1].actor.role")).isEqualTo("system");
        assertThat(history.getString("items[1].actor.client")).isEqualTo("participation-service");
        assertThat(history.getString("items[1].actor.subject")).isNull();
        assertThat(history.getString("items[1].data.to")).isEqualTo("IN_FEASIBILITY");
    }

    @Test
    void anonymousCallersSeeThePublicMovesWithoutAccountIds() {
        UUID need = needWithHistory(2);

        JsonPath history = history(need);
        assertThat(history.getList("items.type", String.class))
                .containsExactly(
                        "it.ngsiena.participation.need.submitted.v1", "it.ngsiena.participation.need.prioritised.v1");
        assertThat(history.getString("items[0].actor.role")).isEqualTo("participation-partner");
        assertThat(history.getString("items[0].actor.subject")).isNull();

        given().when()
                .get("/v1/needs/" + UUID.randomUUID() + "/history")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        // a need's id is not a study's: a study's history reads the feasibility workstream's events only
        given().when().get("/v1/studies/" + need + "/history").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "admin", roles = "programme-admin")
    void theAdminReadsTheAuditFeedByActorAndPages() {
        UUID first = needWithHistory(3);
        UUID second = needWithHistory(3);

        JsonPath page = given().when()
                .get("/v1/admin/audit?actor=" + PARTNER + "&limit=1")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(page.getList("items.actor.subject", String.class)).containsOnly(PARTNER);
        assertThat(page.getString("nextCursor")).isNotNull();
        JsonPath next = given().when()
                .get("/v1/admin/audit?actor=" + PARTNER + "&limit=100&cursor=" + page.getString("nextCursor"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(next.getList("items.subject", String.class))
                .doesNotContain(page.getString("items[0].subject"))
                .contains(first.toString());
        assertThat(page.getString("items[0].subject")).isEqualTo(second.toString());

        given().when()
                .get("/v1/admin/audit?limit=0")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("limit"));
    }

    @Test
    @TestSecurity(user = "codesign", roles = "participation-partner")
    void onlyTheAdminReadsTheAuditFeed() {
        given().when().get("/v1/admin/audit").then().statusCode(403);
    }
}
