package it.ngsiena.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import it.ngsiena.kernel.events.EventCodec;
import it.ngsiena.testkit.PlatformTestResource;
import it.ngsiena.testkit.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(FakeServicesResource.class)
// The admin: the types these tests make up are not in the catalogue, so only the admin (and the partner) sees them.
@TestSecurity(user = "admin", roles = "programme-admin")
class ActivityFeedTest {

    static final String TOPIC = "ngs.participation.v1";

    @ConfigProperty(name = "ngs.events.bootstrap-servers")
    String bootstrap;

    private String publish(String id, String type, OffsetDateTime time, String data) {
        byte[] value = EventCodec.encode(
                id, "/participation-service", type, UUID.randomUUID().toString(), time, data);
        new TopicProbe(bootstrap).send(TOPIC, UUID.randomUUID().toString(), value);
        return id;
    }

    private JsonPath feed(String query) {
        return given().when()
                .get("/v1/activity?" + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private void awaitCount(String query, int count) {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(feed(query).getList("items")).hasSize(count));
    }

    @Test
    void anEventAppearsInTheFeedWithItsMunicipalities() {
        String type = "it.ngsiena.participation.need.submitted.v1";
        String id = publish(UUID.randomUUID().toString(), type, OffsetDateTime.now(ZoneOffset.UTC), """
                {"needId":"%s","title":"Bus a chiamata","theme":"MOBILITY","municipalities":["052021","052030"],
                 "origin":"ONLINE","submittedAt":"2022-04-01T10:00:00Z"}""".formatted(
                        UUID.randomUUID()));

        awaitCount("municipality=052030&type=" + type, 1);
        JsonPath item = feed("municipality=052021&workstream=participation");
        assertThat(item.getList("items.id")).contains(id);
        given().when()
                .get("/v1/activity?municipality=052030")
                .then()
                .body("items[0].title", equalTo("Bus a chiamata"))
                .body("items[0].workstream", equalTo("participation"))
                .body("items[0].data.theme", equalTo("MOBILITY"));
    }

    @Test
    void aRedeliveredEventIsShownOnce() {
        String type = "it.ngsiena.participation.test.redelivered.v1";
        String id = UUID.randomUUID().toString();
        OffsetDateTime time = OffsetDateTime.now(ZoneOffset.UTC);
        publish(id, type, time, "{\"municipalities\":[\"052001\"]}");
        publish(id, type, time, "{\"municipalities\":[\"052001\"]}");
        String after = publish(UUID.randomUUID().toString(), type, time, "{\"municipalities\":[\"052001\"]}");

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(feed("type=" + type).getList("items.id", String.class))
                        .contains(after));
        assertThat(feed("type=" + type).getList("items.id", String.class))
                .containsOnlyOnce(id)
                .hasSize(2);
    }

    @Test
    void aMalformedRecordGoesToTheDeadLetterTopicAndTheNextEventStillArrives() {
        String type = "it.ngsiena.participation.test.after-poison.v1";
        String poisonKey = "poison-" + UUID.randomUUID();
        new TopicProbe(bootstrap).send(TOPIC, poisonKey, "{not a cloud event".getBytes(StandardCharsets.UTF_8));
        String good = publish(UUID.randomUUID().toString(), type, OffsetDateTime.now(ZoneOffset.UTC), "{}");

        awaitCount("type=" + type, 1);
        assertThat(feed("type=" + type).getString("items[0].id")).isEqualTo(good);
        var dead =
                new TopicProbe(bootstrap).await(TOPIC + ".dlq", r -> poisonKey.equals(r.key()), Duration.ofSeconds(20));
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{not a cloud event");
        assertThat(dead.headers().lastHeader("ngs-dlq-reason")).isNotNull();
    }

    @Test
    void theFeedPagesNewestFirstWithACursor() {
        String type = "it.ngsiena.participation.test.paging.v1";
        OffsetDateTime start = OffsetDateTime.of(2022, 5, 1, 9, 0, 0, 0, ZoneOffset.UTC);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(publish(UUID.randomUUID().toString(), type, start.plusMinutes(i), "{\"n\":" + i + "}"));
        }
        awaitCount("type=" + type + "&limit=100", 5);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonPath page = feed("type=" + type + "&limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            seen.addAll(page.getList("items.id", String.class));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly(ids.get(4), ids.get(3), ids.get(2), ids.get(1), ids.get(0));
        assertThat(feed("type=" + type + "&from=2022-05-01T09:01:00Z&to=2022-05-01T09:03:00Z")
                        .getList("items.id", String.class))
                .containsExactly(ids.get(2), ids.get(1));
    }

    /**
     * One municipality's feed is read through its own newest-first index (activity_place): pages, the
     * cursor and the time range give the same entries as the whole feed filtered, for a municipality with
     * many events and one with a single event among them.
     */
    @Test
    void aMunicipalitysFeedPagesNewestFirstThroughItsOwnIndex() {
        String type = "it.ngsiena.participation.test.places.v1";
        OffsetDateTime start = OffsetDateTime.of(2022, 6, 1, 9, 0, 0, 0, ZoneOffset.UTC);
        List<String> busy = new ArrayList<>();
        String rare = null;
        for (int i = 0; i < 7; i++) {
            boolean alsoRare = i == 2;
            String id = publish(
                    UUID.randomUUID().toString(),
                    type,
                    start.plusMinutes(i),
                    "{\"municipalities\":[\"052012\"" + (alsoRare ? ",\"052033\"" : "") + "]}");
            busy.add(0, id);
            if (alsoRare) {
                rare = id;
            }
        }
        awaitCount("type=" + type + "&limit=100", 7);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonPath page =
                    feed("municipality=052012&type=" + type + "&limit=3" + (cursor == null ? "" : "&cursor=" + cursor));
            seen.addAll(page.getList("items.id", String.class));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(seen).containsExactlyElementsOf(busy);
        assertThat(feed("municipality=052033&type=" + type).getList("items.id", String.class))
                .containsExactly(rare);
        assertThat(feed("municipality=052012&type=" + type + "&from=2022-06-01T09:01:00Z&to=2022-06-01T09:03:00Z")
                        .getList("items.id", String.class))
                .containsExactly(busy.get(4), busy.get(5));
    }

    @Test
    void badFiltersAre400Problems() {
        given().when()
                .get("/v1/activity?municipality=Siena&from=yesterday")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("from"))
                .body("violations.field", hasItem("municipality"));
        given().when().get("/v1/activity?cursor=zzz").then().statusCode(400);
    }

    @Test
    @TestSecurity
    void anonymousCallersGetTheFeedOfPublicEvents() {
        // What they may see is checked in ActivityStreamTest; here: no token is not an error any more.
        given().when().get("/v1/activity").then().statusCode(200);
    }
}
