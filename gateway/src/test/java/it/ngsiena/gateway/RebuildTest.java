package it.ngsiena.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import it.ngsiena.kernel.events.Actor;
import it.ngsiena.kernel.events.EventCodec;
import it.ngsiena.testkit.PlatformTestResource;
import it.ngsiena.testkit.TopicProbe;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** A rebuild from the topics ends in the state incremental consumption produced, and repairs a damaged one. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(FakeServicesResource.class)
class RebuildTest {

    /**
     * The feed's content without the positions and arrival times, in a stable order; one line per row,
     * so an event stored twice shows twice.
     */
    static final String STATE = """
            select string_agg(concat_ws('|', event_id, event_type, workstream, source, subject, occurred_at,
                              municipalities::text, title, data::text, readers::text, actor_sub, actor_client,
                              actor_role), E'\\n'
                              order by event_id, data::text)
            from %s""";

    @ConfigProperty(name = "ngs.events.bootstrap-servers")
    String bootstrap;

    @Inject
    EntityManager em;

    /**
     * Rows of the municipality index (activity_place, kept by triggers) that differ from what the feed's
     * municipalities say: none, whoever wrote the feed.
     */
    private long placesOutOfStep() {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("""
                select count(*) from (
                    (select distinct m, occurred_at, seq from activity cross join unnest(municipalities) m
                     except select municipality, occurred_at, seq from activity_place)
                    union all
                    (select municipality, occurred_at, seq from activity_place
                     except select distinct m, occurred_at, seq from activity cross join unnest(municipalities) m)
                ) d""").getSingleResult()).longValue());
    }

    private String state(String table) {
        return QuarkusTransaction.requiringNew()
                .call(() -> String.valueOf(
                        em.createNativeQuery(STATE.formatted(table)).getSingleResult()));
    }

    /**
     * Event times in nanoseconds, half-way between two microseconds (PostgreSQL keeps microseconds): the
     * live feed and a rebuild must round them alike.
     */
    private static OffsetDateTime halfMicrosecond(int i) {
        return OffsetDateTime.now(ZoneOffset.UTC).withNano(0).plusNanos(1000L * i * 7919 + 500);
    }

    @Test
    @TestSecurity(user = "admin", roles = "programme-admin")
    void theRebuildEqualsIncrementalConsumptionAndRepairsDamage() {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            UUID need = UUID.randomUUID();
            String id = UUID.randomUUID().toString();
            ids.add(id);
            byte[] value = EventCodec.encode(
                    id,
                    "/participation-service",
                    "it.ngsiena.participation.need.submitted.v1",
                    need.toString(),
                    halfMicrosecond(i),
                    """
                            {"needId":"%s","title":"Bisogno %d, \\"urgente\\" \\\\ lato nord","theme":"MOBILITY",
                             "municipalities":["052026"],"origin":"ONLINE","submittedAt":"2022-05-01T10:00:00Z"}""".formatted(need, i),
                    // who did it comes back from the topics too (half of them: events from before actors, too)
                    i % 2 == 0 ? new Actor("sub-" + i, "ngs-frontend", "participation-partner") : null);
            new TopicProbe(bootstrap).send("ngs.participation.v1", need.toString(), value);
            if (i == 0) {
                // Published twice, as an at-least-once relay may: the feed and a rebuild keep it once.
                new TopicProbe(bootstrap).send("ngs.participation.v1", need.toString(), value);
            }
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew()
                                .call(() -> it.ngsiena.gateway.activity.ActivityEntry.count("eventId in ?1", ids))
                        == ids.size());
        String incremental = state("activity");
        assertThat(placesOutOfStep())
                .as("municipality index after the consumer's inserts")
                .isZero();

        var result = given().when()
                .post("/v1/admin/read-models/rebuild")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(result.getLong("eventsRead")).isGreaterThanOrEqualTo(ids.size());
        assertThat(result.getLong("rowsChanged")).isZero();
        assertThat(result.getLong("rowsAdded")).isZero();
        String firstRead = "(select distinct on (event_id) * from activity_rebuild order by event_id, read_order) r";
        assertThat(state(firstRead)).as("rebuilt from the topics").isEqualTo(incremental);
        assertThat(state("activity")).isEqualTo(incremental);

        // Damage the read model: a lost row and wrong readers. The rebuild puts both right.
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("delete from activity where event_id = ?1")
                    .setParameter(1, ids.get(0))
                    .executeUpdate();
            em.createNativeQuery("update activity set readers = '{admin}', municipalities = '{}' where event_id = ?1")
                    .setParameter(1, ids.get(1))
                    .executeUpdate();
            em.createNativeQuery("update activity set actor_sub = 'someone-else' where event_id = ?1")
                    .setParameter(1, ids.get(2))
                    .executeUpdate();
        });
        assertThat(state("activity")).isNotEqualTo(incremental);
        assertThat(placesOutOfStep())
                .as("municipality index after a delete and an update")
                .isZero();
        var repaired = given().when()
                .post("/v1/admin/read-models/rebuild")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(repaired.getLong("rowsAdded")).isEqualTo(1);
        assertThat(repaired.getLong("rowsChanged")).isEqualTo(2);
        assertThat(state("activity")).isEqualTo(incremental);
        assertThat(placesOutOfStep())
                .as("municipality index after the rebuild's merge")
                .isZero();

        // The overview is cached per log position. A rebuild that only re-derives rows leaves the position
        // where it was, so it must empty the cache: here the cache holds a figure of a damaged row.
        int needs = given().when()
                .get("/v1/municipalities/052026/overview")
                .then()
                .statusCode(200)
                .extract()
                .path("participation.needs");
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery(
                                "update activity set municipalities = '{}', data = jsonb_set(data, '{municipalities}', '[]'::jsonb)"
                                        + " where event_id = ?1")
                        .setParameter(1, ids.get(2))
                        .executeUpdate());
        UUID other = UUID.randomUUID();
        String otherId = UUID.randomUUID().toString();
        new TopicProbe(bootstrap)
                .send(
                        "ngs.participation.v1",
                        other.toString(),
                        EventCodec.encode(
                                otherId,
                                "/participation-service",
                                "it.ngsiena.participation.need.submitted.v1",
                                other.toString(),
                                OffsetDateTime.now(ZoneOffset.UTC),
                                """
                        {"needId":"%s","title":"Altro","theme":"MOBILITY","municipalities":["052001"],
                         "origin":"ONLINE","submittedAt":"2022-05-01T10:00:00Z"}""".formatted(other)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew()
                                .call(() -> it.ngsiena.gateway.activity.ActivityEntry.count("eventId", otherId))
                        == 1);
        given().when()
                .get("/v1/municipalities/052026/overview")
                .then()
                .statusCode(200)
                .body("participation.needs", org.hamcrest.Matchers.equalTo(needs - 1));
        given().when()
                .post("/v1/admin/read-models/rebuild")
                .then()
                .statusCode(200)
                .body("rowsChanged", org.hamcrest.Matchers.equalTo(1))
                .body("rowsAdded", org.hamcrest.Matchers.equalTo(0));
        given().when()
                .get("/v1/municipalities/052026/overview")
                .then()
                .statusCode(200)
                .body("participation.needs", org.hamcrest.Matchers.equalTo(needs));
    }

    @Test
    @TestSecurity(user = "admin", roles = "programme-admin")
    void aRebuildWhileAnotherRunsIs409() throws Exception {
        // Another gateway instance's rebuild holds the lock in the shared database.
        var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        try (var other = java.sql.DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                "")) {
            other.createStatement().execute("select pg_advisory_lock(" + 0x4e47_5302L + ")");
            given().when()
                    .post("/v1/admin/read-models/rebuild")
                    .then()
                    .statusCode(409)
                    .contentType("application/problem+json");
            other.createStatement().execute("select pg_advisory_unlock(" + 0x4e47_5302L + ")");
        }
        given().when().post("/v1/admin/read-models/rebuild").then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "admin", roles = "programme-admin")
    void aRebuildThatCannotReachKafkaFailsAndLeavesTheFeedAsItWas() {
        String before = state("activity");
        it.ngsiena.testkit.TestBroker.stop();
        try {
            given().when()
                    .post("/v1/admin/read-models/rebuild")
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "60");
            assertThat(state("activity")).isEqualTo(before);
        } finally {
            it.ngsiena.testkit.TestBroker.start();
        }
        given().when().post("/v1/admin/read-models/rebuild").then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "viewer", roles = "viewer")
    void onlyTheAdminRebuilds() {
        given().when().post("/v1/admin/read-models/rebuild").then().statusCode(403);
    }
}
