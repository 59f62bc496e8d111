package it.ngsiena.gateway.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import it.ngsiena.contracts.participation.NeedSubmitted;
import it.ngsiena.gateway.FakeServicesResource;
import it.ngsiena.kernel.events.EventCodec;
import it.ngsiena.testkit.PlatformTestResource;
import it.ngsiena.testkit.TopicProbe;
import it.ngsiena.testkit.WebhookReceiver;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Twenty receivers that take 9 s to answer (under the production time limit of 10 s) and one that answers
 * at once: each subscription is a lane of its own, so the fast receiver gets every event as if the slow
 * ones were not there.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(FakeServicesResource.class)
@TestProfile(SlowReceiversTest.ProductionTimeLimit.class)
class SlowReceiversTest {

    public static class ProductionTimeLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // production's time limit; an idle recheck long enough that a lost wake-up shows
            return Map.of(
                    "ngs.webhooks.timeout", "10s",
                    "ngs.webhooks.max-per-owner", "30",
                    "ngs.webhooks.idle-recheck", "60s");
        }
    }

    private static final String MUNICIPALITY = "052017";
    private static final int SLOW = 20;
    private static final int EVENTS = 5;

    @ConfigProperty(name = "ngs.events.bootstrap-servers")
    String bootstrap;

    @Test
    @TestSecurity(user = "admin", roles = "programme-admin")
    void aFastReceiverGetsEachEventWithinTwoSecondsWhileTwentyOthersTakeNineSeconds() throws Exception {
        List<WebhookReceiver> slow = new ArrayList<>();
        List<String> subscriptions = new ArrayList<>();
        try (WebhookReceiver fast = WebhookReceiver.start()) {
            for (int i = 0; i < SLOW; i++) {
                WebhookReceiver receiver = WebhookReceiver.start();
                receiver.answerAfter(Duration.ofSeconds(9));
                slow.add(receiver);
                subscriptions.add(subscribe(receiver));
            }
            subscriptions.add(subscribe(fast));

            List<Duration> latencies = new ArrayList<>();
            for (int i = 0; i < EVENTS; i++) {
                Instant published = Instant.now();
                String id = need("Sportello " + i);
                await().atMost(Duration.ofSeconds(15))
                        .pollInterval(Duration.ofMillis(20))
                        .until(() -> fast.deliveries().stream()
                                .anyMatch(d -> d.webhookId().equals(id)));
                Instant received = fast.deliveries().stream()
                        .filter(d -> d.webhookId().equals(id))
                        .findFirst()
                        .orElseThrow()
                        .receivedAt();
                latencies.add(Duration.between(published, received));
                Thread.sleep(500);
            }
            System.out.printf(
                    "fast receiver beside %d slow ones (9 s each): publish-to-delivery %s%n",
                    SLOW, latencies.stream().map(d -> d.toMillis() + " ms").toList());
            assertThat(latencies).allSatisfy(l -> assertThat(l).isLessThanOrEqualTo(Duration.ofSeconds(2)));
            // the slow ones are slow, not starved: each gets the first event
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> slow.stream().allMatch(r -> !r.deliveries().isEmpty()));
        } finally {
            for (String id : subscriptions) {
                given().when().delete("/v1/webhooks/" + id);
            }
            slow.forEach(WebhookReceiver::close);
        }
    }

    /**
     * An event stored while the subscription's turn waits for its receiver (here 1.5 s) is delivered once it
     * settles, not after the idle recheck (a minute here): the wake-up it brought is not lost to the turn in flight.
     */
    @Test
    @TestSecurity(user = "admin", roles = "programme-admin")
    void anEventStoredWhileATurnIsInFlightIsNotLeftForTheIdleRecheck() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            receiver.answerAfter(Duration.ofMillis(1500));
            String subscription = subscribe(receiver);
            try {
                String first = need("Primo in volo");
                await().atMost(Duration.ofSeconds(15))
                        .pollInterval(Duration.ofMillis(20))
                        .until(() -> receiver.arrivals().contains(first));
                // the receiver keeps the first delivery's turn waiting: this one is stored meanwhile
                Instant published = Instant.now();
                String second = need("Secondo durante il primo");
                await().atMost(Duration.ofSeconds(15))
                        .pollInterval(Duration.ofMillis(20))
                        .until(() -> receiver.deliveries().stream()
                                .anyMatch(d -> d.webhookId().equals(second)));
                assertThat(Duration.between(published, Instant.now())).isLessThan(Duration.ofSeconds(10));
            } finally {
                given().when().delete("/v1/webhooks/" + subscription);
            }
        }
    }

    private static String subscribe(WebhookReceiver receiver) {
        return given().contentType(ContentType.JSON)
                .body("""
                        {"url":"%s","contactEmail":"ced@comune.example.it","municipality":"%s"}""".formatted(receiver.url("127.0.0.1"), MUNICIPALITY))
                .when()
                .post("/v1/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("subscription.id");
    }

    private String need(String title) {
        String id = UUID.randomUUID().toString();
        new TopicProbe(bootstrap)
                .send(
                        "ngs.participation.v1",
                        "slow-receivers",
                        EventCodec.encode(
                                id,
                                "/participation-service",
                                NeedSubmitted.TYPE,
                                UUID.randomUUID().toString(),
                                OffsetDateTime.now(ZoneOffset.UTC),
                                """
                                {"needId":"%s","title":"%s","theme":"MOBILITY","municipalities":["%s"],"origin":"ONLINE",
                                 "submittedAt":"2022-04-12T08:00:00Z"}""".formatted(UUID.randomUUID(), title, MUNICIPALITY)));
        return id;
    }
}
