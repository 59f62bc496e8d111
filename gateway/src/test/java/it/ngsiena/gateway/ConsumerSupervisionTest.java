package it.ngsiena.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import it.ngsiena.gateway.activity.ActivityEntry;
import it.ngsiena.kernel.events.EventCodec;
import it.ngsiena.kernel.inbox.EventConsumer;
import it.ngsiena.testkit.PlatformTestResource;
import it.ngsiena.testkit.TopicProbe;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The kernel's consumer, supervised: a failing poll or a handler that always fails does not stop it. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(FakeServicesResource.class)
class ConsumerSupervisionTest {

    static final String TOPIC = "ngs.participation.v1";
    /** The refused event and the one after it: a topic the rebuild does not read (the DLQ'd event is not in the feed). */
    static final String TEST_TOPIC = "ngs.test.v1";

    @ConfigProperty(name = "ngs.events.bootstrap-servers")
    String bootstrap;

    @Inject
    EventConsumer consumer;

    private String publish(String type) {
        return publish(TOPIC, type);
    }

    private String publish(String topic, String type) {
        String id = UUID.randomUUID().toString();
        byte[] value = EventCodec.encode(
                id,
                "/participation-service",
                type,
                UUID.randomUUID().toString(),
                OffsetDateTime.now(ZoneOffset.UTC),
                "{\"municipalities\":[\"052001\"]}");
        new TopicProbe(bootstrap).send(topic, UUID.randomUUID().toString(), value);
        return id;
    }

    private static void awaitStored(String eventId) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() ->
                        QuarkusTransaction.requiringNew().call(() -> ActivityEntry.count("eventId", eventId)) == 1);
    }

    /**
     * A service that may write to the participation topic (its own) sends a certificate of the training
     * workstream through it: the gateway sets it aside with the reason, and it reaches no reader.
     */
    @Test
    void anotherWorkstreamsEventOnATopicIsSetAsideAndTheNextIsHandled() {
        String forged = UUID.randomUUID().toString();
        byte[] value = EventCodec.encode(
                forged,
                "/training-service",
                "it.ngsiena.training.certificate.issued.v1",
                UUID.randomUUID().toString(),
                OffsetDateTime.now(ZoneOffset.UTC),
                "{\"municipality\":\"052001\"}");
        new TopicProbe(bootstrap).sendAsIs(TOPIC, UUID.randomUUID().toString(), value);
        String next = publish("it.ngsiena.participation.test.after-forged.v1");
        awaitStored(next);
        var dead = new TopicProbe(bootstrap)
                .await(
                        TOPIC + ".dlq",
                        r -> new String(r.value(), StandardCharsets.UTF_8).contains(forged),
                        Duration.ofSeconds(30));
        assertThat(new String(dead.headers().lastHeader("ngs-dlq-reason").value(), StandardCharsets.UTF_8))
                .startsWith("foreign to its topic: ngs.participation.v1 carries only participation events");
        assertThat(QuarkusTransaction.requiringNew().call(() -> ActivityEntry.count("eventId", forged)))
                .isZero();
    }

    @Test
    void aPollThatThrowsIsSurvivedAndTheNextEventArrives() {
        awaitStored(publish("it.ngsiena.participation.test.before-fault.v1"));
        long restarts = consumer.heartbeat().restarts();
        FaultyKafkaClients.FAIL_NEXT_POLL.set(true);
        await().atMost(Duration.ofSeconds(30)).until(() -> consumer.heartbeat().restarts() > restarts);
        awaitStored(publish("it.ngsiena.participation.test.after-fault.v1"));
        given().when()
                .get("/q/health/live")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'event-consumer' }.status", org.hamcrest.Matchers.equalTo("UP"))
                .body("checks.find { it.name == 'event-consumer' }.data.restarts", org.hamcrest.Matchers.greaterThan(0))
                .body("checks.find { it.name == 'event-consumer' }.data.lag", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    @TestSecurity(user = "admin", roles = "programme-admin")
    void anEventThatAHandlerAlwaysRefusesGoesToTheDeadLetterTopicAfterThreeTriesAndTheNextIsHandled() {
        String refused = publish(TEST_TOPIC, RefusingHandler.REFUSED_TYPE);
        String next = publish(TEST_TOPIC, "it.ngsiena.participation.test.after-refused.v1");
        awaitStored(next);
        var dead = new TopicProbe(bootstrap)
                .await(
                        TEST_TOPIC + ".dlq",
                        r -> new String(r.value(), StandardCharsets.UTF_8).contains(refused),
                        Duration.ofSeconds(30));
        assertThat(new String(dead.headers().lastHeader("ngs-dlq-reason").value(), StandardCharsets.UTF_8))
                .startsWith("handler failed 3 times")
                .contains("always fails");
        assertThat(QuarkusTransaction.requiringNew().call(() -> ActivityEntry.count("eventId", refused)))
                .isZero();

        // The admin sees it among the dead letters, fixes the cause and replays it: it arrives, once.
        var letters = given().when()
                .get("/v1/admin/dead-letters")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String where = "items.find { it.reason.contains('always fails') && it.topic == '" + TEST_TOPIC + ".dlq' }";
        assertThat(letters.getString(where + ".reason")).startsWith("handler failed 3 times");
        RefusingHandler.REFUSING.set(false);
        try {
            given().queryParam("topic", TEST_TOPIC + ".dlq")
                    .queryParam("partition", letters.getInt(where + ".partition"))
                    .queryParam("offset", letters.getLong(where + ".offset"))
                    .when()
                    .post("/v1/admin/dead-letters/replay")
                    .then()
                    .statusCode(200)
                    .body("replayed", org.hamcrest.Matchers.equalTo(1));
            awaitStored(refused);
        } finally {
            RefusingHandler.REFUSING.set(true);
        }
        assertThat(given().when()
                        .get("/v1/admin/dead-letters")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items.findAll { it.topic == '" + TEST_TOPIC + ".dlq' }"))
                .as("a replayed letter is not listed")
                .isEmpty();
        // Operators see it: a dead-lettered event is counted, and the consumer has read everything.
        String metrics = given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(metrics.lines()
                        .filter(l -> l.startsWith("ngs_events_dead_lettered_total{")
                                && l.contains("topic=\"" + TEST_TOPIC + "\""))
                        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                        .sum())
                .isGreaterThanOrEqualTo(1);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(given().when()
                                .get("/q/metrics")
                                .then()
                                .extract()
                                .asString()
                                .lines()
                                .filter(l -> l.startsWith("ngs_events_consumer_lag "))
                                .findFirst())
                        .hasValueSatisfying(l -> assertThat(l).endsWith(" 0.0")));
        // The test topic is not one the rebuild reads: leave the feed as the topics have it (RebuildTest).
        QuarkusTransaction.requiringNew()
                .run(() -> ActivityEntry.delete("eventId in ?1", java.util.List.of(next, refused)));
    }

    @Test
    @TestSecurity(user = "viewer", roles = "viewer")
    void onlyTheAdminSeesAndReplaysDeadLetters() {
        given().when().get("/v1/admin/dead-letters").then().statusCode(403);
        given().when().post("/v1/admin/dead-letters/replay").then().statusCode(403);
    }
}
