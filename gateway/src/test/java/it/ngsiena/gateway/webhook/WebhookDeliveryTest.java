package it.ngsiena.gateway.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import it.ngsiena.contracts.comms.AnnouncementDrafted;
import it.ngsiena.contracts.feasibility.StudyStarted;
import it.ngsiena.contracts.participation.NeedSubmitted;
import it.ngsiena.contracts.programme.WebhookSubscriptionSuspended;
import it.ngsiena.gateway.FakeServicesResource;
import it.ngsiena.gateway.activity.ActivityEntry;
import it.ngsiena.kernel.events.EventCodec;
import it.ngsiena.testkit.MailServerResource;
import it.ngsiena.testkit.OutboxProbe;
import it.ngsiena.testkit.PlatformTestResource;
import it.ngsiena.testkit.TopicProbe;
import it.ngsiena.testkit.WebhookReceiver;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Webhooks end to end: events published on Kafka, stored in the feed, delivered over HTTP to a real
 * receiver ({@link WebhookReceiver}) that checks the signatures as a municipality's system would.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(FakeServicesResource.class)
@WithTestResource(MailServerResource.class)
class WebhookDeliveryTest {

    static final String MONTEPULCIANO = "052015";
    static final String SIENA = "052032";
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    @ConfigProperty(name = "ngs.events.bootstrap-servers")
    String bootstrap;

    @Inject
    DeliveryWorker worker;

    private final ObjectMapper json = new ObjectMapper();

    /** Publishes an event as its service would; one key per test keeps them in one partition, in order. */
    private String publish(String key, String topic, String source, String type, String data) {
        String id = UUID.randomUUID().toString();
        new TopicProbe(bootstrap)
                .send(
                        topic,
                        key,
                        EventCodec.encode(
                                id,
                                source,
                                type,
                                UUID.randomUUID().toString(),
                                OffsetDateTime.now(ZoneOffset.UTC),
                                data));
        return id;
    }

    private String need(String key, String municipality, String title) {
        return publish(key, "ngs.participation.v1", "/participation-service", NeedSubmitted.TYPE, """
                {"needId":"%s","title":"%s","theme":"MOBILITY","municipalities":["%s"],"origin":"ONLINE",
                 "submittedAt":"2022-04-12T08:00:00Z"}""".formatted(
                        UUID.randomUUID(), title, municipality));
    }

    private JsonPath subscribe(String body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/v1/webhooks")
                .then()
                .statusCode(201)
                .header("Location", startsWith("https://api.ngsiena.test/v1/webhooks/"))
                .extract()
                .jsonPath();
    }

    private static String request(String url, String extra) {
        return """
                {"url":"%s","contactEmail":"ced@comune.example.it","description":"Protocollo"%s}""".formatted(url, extra);
    }

    /** The ids in the order they first arrived, as a receiver that de-duplicates on webhook-id keeps them. */
    private static List<String> firstArrivals(List<String> ids) {
        return ids.stream().distinct().toList();
    }

    private static List<String> ids(WebhookReceiver receiver) {
        return receiver.deliveries().stream()
                .map(WebhookReceiver.Delivery::webhookId)
                .toList();
    }

    @Test
    @TestSecurity(user = "officer-montepulciano", roles = "municipality-officer")
    @OidcSecurity(claims = @Claim(key = "municipality", value = MONTEPULCIANO))
    void anOfficerReceivesSignedCloudEventsOfTheirMunicipalityAndNothingTheyMayNotRead() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            JsonPath created = subscribe(request(receiver.url("127.0.0.1"), ""));
            String secret = created.getString("secret");
            String id = created.getString("subscription.id");
            assertThat(secret).startsWith("whsec_");
            // kept sealed in the database: the row holds no trace of it
            assertThat(QuarkusTransaction.requiringNew()
                            .call(() -> WebhookSubscription.<WebhookSubscription>findById(UUID.fromString(id)).secret))
                    .startsWith("sealed:test-1:")
                    .doesNotContain(secret.substring("whsec_".length()));
            assertThat(created.getString("subscription.municipality")).isEqualTo(MONTEPULCIANO);

            String key = UUID.randomUUID().toString();
            String sienaStudy =
                    publish(key, "ngs.feasibility.v1", "/feasibility-service", StudyStarted.TYPE, """
                    {"studyId":"%s","needIds":["0f0e7c1a-2b3c-4d5e-8f90-a1b2c3d4e5f6"],"municipalities":["%s"],"leadOrganisation":"Open Impact",
                     "startedAt":"2022-05-02T08:00:00Z"}""".formatted(
                                    UUID.randomUUID(), SIENA));
            String draft = publish(key, "ngs.comms.v1", "/comms-service", AnnouncementDrafted.TYPE, """
                    {"announcementId":"%s","title":"Bozza","language":"it","audience":"PUBLIC",
                     "municipalities":["%s"],"references":[],"draftedAt":"2022-05-02T08:00:00Z"}""".formatted(
                            UUID.randomUUID(), MONTEPULCIANO));
            String jointStudy =
                    publish(key, "ngs.feasibility.v1", "/feasibility-service", StudyStarted.TYPE, """
                    {"studyId":"%s","needIds":["0f0e7c1a-2b3c-4d5e-8f90-a1b2c3d4e5f6"],"municipalities":["%s","%s"],"leadOrganisation":"Open Impact",
                     "startedAt":"2022-05-02T08:00:00Z"}""".formatted(
                                    UUID.randomUUID(), SIENA, MONTEPULCIANO));
            String need = need(key, MONTEPULCIANO, "Navetta per il mercato");

            await().atMost(Duration.ofSeconds(30)).until(() -> ids(receiver).contains(need));
            // Siena's study (not about Montepulciano) and the draft (Montepulciano named, but editors only) never come
            assertThat(ids(receiver)).containsExactly(jointStudy, need).doesNotContain(sienaStudy, draft);

            WebhookReceiver.Delivery delivery = receiver.deliveries().get(1);
            assertThat(delivery.contentType()).isEqualTo("application/cloudevents+json");
            assertThat(WebhookReceiver.verify(secret, delivery, TOLERANCE, Instant.now()))
                    .isTrue();
            JsonNode event = json.readTree(delivery.body());
            assertThat(event.get("specversion").asText()).isEqualTo("1.0");
            assertThat(event.get("id").asText()).isEqualTo(need);
            assertThat(event.get("type").asText()).isEqualTo(NeedSubmitted.TYPE);
            assertThat(event.get("source").asText()).isEqualTo("/participation-service");
            assertThat(event.get("ngsmunicipalities").asText()).isEqualTo(MONTEPULCIANO);
            assertThat(event.get("data").get("title").asText()).isEqualTo("Navetta per il mercato");

            // forged: the body changed, or signed with another secret, or replayed after the tolerance
            WebhookReceiver.Delivery forged = new WebhookReceiver.Delivery(
                    delivery.webhookId(),
                    delivery.webhookTimestamp(),
                    delivery.webhookSignature(),
                    delivery.contentType(),
                    delivery.host(),
                    delivery.text().replace("Navetta", "Navette").getBytes(),
                    delivery.receivedAt());
            assertThat(WebhookReceiver.verify(secret, forged, TOLERANCE, Instant.now()))
                    .isFalse();
            assertThat(WebhookReceiver.verify(WebhookSignature.newSecret(), delivery, TOLERANCE, Instant.now()))
                    .isFalse();
            assertThat(WebhookReceiver.verify(
                            secret, delivery, TOLERANCE, Instant.now().plus(Duration.ofMinutes(6))))
                    .isFalse();

            // the README's Node.js check (docs/webhooks/verify.mjs) says the same
            assertThat(nodeVerifies(secret, delivery)).isTrue();
            assertThat(nodeVerifies(secret, forged)).isFalse();
            // and so do the reference libraries a receiver would use: Standard Webhooks and the CloudEvents SDK
            assertThat(ReferenceReceiver.verifies(secret, delivery)).isTrue();
            assertThat(ReferenceReceiver.verifies(secret, forged)).isFalse();
            assertThat(ReferenceReceiver.verifies(WebhookSignature.newSecret(), delivery))
                    .isFalse();
            CloudEvent parsed = ReferenceReceiver.cloudEvent(delivery);
            assertThat(parsed.getId()).isEqualTo(need).isEqualTo(delivery.webhookId());
            assertThat(parsed.getType()).isEqualTo(NeedSubmitted.TYPE);
            assertThat(parsed.getSource()).hasToString("/participation-service");
            assertThat(parsed.getExtension("ngsmunicipalities")).isEqualTo(MONTEPULCIANO);
            assertThat(json.readTree(parsed.getData().toBytes()).get("title").asText())
                    .isEqualTo("Navetta per il mercato");

            given().when()
                    .get("/v1/webhooks/" + id + "/deliveries")
                    .then()
                    .statusCode(200)
                    .body("items[0].eventId", equalTo(need))
                    .body("items[0].outcome", equalTo("DELIVERED"))
                    .body("items[0].httpStatus", equalTo(204))
                    .body("items[0].attempt", equalTo(1));

            // during a rotation the next delivery carries both signatures: either secret verifies it
            String rotated = given().when()
                    .post("/v1/webhooks/" + id + "/secret")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("secret");
            String afterRotation = need(key, MONTEPULCIANO, "Navetta dopo la rotazione");
            await().atMost(Duration.ofSeconds(30)).until(() -> ids(receiver).contains(afterRotation));
            WebhookReceiver.Delivery rotating =
                    receiver.deliveries().get(ids(receiver).indexOf(afterRotation));
            assertThat(rotating.webhookSignature().split(" ")).hasSize(2);
            assertThat(ReferenceReceiver.verifies(rotated, rotating)).isTrue();
            assertThat(ReferenceReceiver.verifies(secret, rotating)).isTrue();
            assertThat(ReferenceReceiver.verifies(WebhookSignature.newSecret(), rotating))
                    .isFalse();

            // an officer cannot subscribe to another municipality
            given().contentType(ContentType.JSON)
                    .body(request(receiver.url("127.0.0.1"), ",\"municipality\":\"" + SIENA + "\""))
                    .when()
                    .post("/v1/webhooks")
                    .then()
                    .statusCode(403);
            given().when().delete("/v1/webhooks/" + id).then().statusCode(204);
        }
    }

    @Test
    @TestSecurity(user = "admin", roles = "programme-admin")
    void aReceiverDownForAWhileGetsEveryEventOnceItIsBackInOrder() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String municipality = "052001";
            String id = subscribe(request(
                            receiver.url("127.0.0.1"),
                            ",\"municipality\":\"" + municipality + "\",\"eventTypes\":[\"" + NeedSubmitted.TYPE
                                    + "\"]"))
                    .getString("subscription.id");
            receiver.down();
            String key = UUID.randomUUID().toString();
            List<String> published = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                published.add(need(key, municipality, "Bisogno " + i));
            }
            // tried, failed, tried again: the log shows the attempts and the subscription its failure
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> given().when()
                                    .get("/v1/webhooks/" + id)
                                    .then()
                                    .extract()
                                    .jsonPath()
                                    .getInt("failedAttempts")
                            >= 3);
            given().when()
                    .get("/v1/webhooks/" + id)
                    .then()
                    .body("status", equalTo("ACTIVE"))
                    .body("lastError", equalTo("connection refused or unreachable"));
            given().when()
                    .get("/v1/webhooks/" + id + "/deliveries?limit=2")
                    .then()
                    .statusCode(200)
                    .body("items[0].outcome", equalTo("FAILED"))
                    .body("items[0].eventId", equalTo(published.get(0)));

            receiver.up();
            // at least once: a receiver de-duplicates on webhook-id, and then has every event, in order
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> firstArrivals(ids(receiver)).size() >= 5);
            assertThat(firstArrivals(ids(receiver))).containsExactlyElementsOf(published);
            // caught up: no retry pending (a resent event has arrived by then)
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() ->
                            given().when().get("/v1/webhooks/" + id).then().body("failedAttempts", equalTo(0)));

            // replay from the third event: the last three again, in order
            int before = ids(receiver).size();
            given().queryParam("fromEventId", published.get(2))
                    .when()
                    .post("/v1/webhooks/" + id + "/replay")
                    .then()
                    .statusCode(200);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> firstArrivals(ids(receiver)
                                            .subList(before, ids(receiver).size()))
                                    .size()
                            >= 3);
            assertThat(firstArrivals(ids(receiver).subList(before, ids(receiver).size())))
                    .containsExactlyElementsOf(published.subList(2, 5));
            given().when().post("/v1/webhooks/" + id + "/replay").then().statusCode(400);

            // the log keeps 30 days of attempts: one made 31 days ago goes at the next purge, the others stay
            long logged = QuarkusTransaction.requiringNew()
                    .call(() -> WebhookDelivery.count("subscriptionId", UUID.fromString(id)));
            QuarkusTransaction.requiringNew().run(() -> {
                WebhookDelivery old = new WebhookDelivery();
                old.subscriptionId = UUID.fromString(id);
                old.eventId = published.get(0);
                old.eventType = NeedSubmitted.TYPE;
                old.position = 1;
                old.attempt = 1;
                old.outcome = WebhookDelivery.Outcome.DELIVERED;
                old.attemptedAt = OffsetDateTime.now(ZoneOffset.UTC).minusDays(31);
                old.persist();
            });
            assertThat(worker.purgeDeliveryLog()).isEqualTo(1);
            assertThat(QuarkusTransaction.requiringNew()
                            .call(() -> WebhookDelivery.count("subscriptionId", UUID.fromString(id))))
                    .isEqualTo(logged);
            given().when().delete("/v1/webhooks/" + id).then().statusCode(204);
        }
    }

    @Test
    @TestSecurity(user = "admin", roles = "programme-admin")
    void aSubscriptionFailingForTheWholeWindowIsSuspendedItsOwnerToldAndResumedWithoutLoss() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String municipality = "052002";
            receiver.answer(500);
            String id = subscribe(request(receiver.url("127.0.0.1"), ",\"municipality\":\"" + municipality + "\""))
                    .getString("subscription.id");
            String need = need(UUID.randomUUID().toString(), municipality, "Sportello unico");

            // the tests' retry window is 5 s (24 h in production)
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> "SUSPENDED"
                            .equals(given().when()
                                    .get("/v1/webhooks/" + id)
                                    .then()
                                    .extract()
                                    .jsonPath()
                                    .getString("status")));
            given().when()
                    .get("/v1/webhooks/" + id)
                    .then()
                    .body("lastError", equalTo("answered 500"))
                    .body("suspensionReason", equalTo("DELIVERIES_FAILING"));
            // operators see it on the liveness check, whose worker is alive and looking for work
            given().when()
                    .get("/q/health/live")
                    .then()
                    .statusCode(200)
                    .body("checks.find { it.name == 'webhook-deliveries' }.status", equalTo("UP"))
                    .body(
                            "checks.find { it.name == 'webhook-deliveries' }.data.suspendedSubscriptions",
                            org.hamcrest.Matchers.greaterThanOrEqualTo(1));
            // told by an event too, addressed to the owner's account alone (here the admin's), in the suspension's
            // transaction; their feed shows it
            assertThat(OutboxProbe.events(UUID.fromString(id), WebhookSubscriptionSuspended.TYPE))
                    .singleElement()
                    .satisfies(e -> {
                        assertThat(e.data().get("addressedTo").asText()).isEqualTo("subject:admin");
                        assertThat(e.data().get("reason").asText()).isEqualTo("DELIVERIES_FAILING");
                    });
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> given().queryParam("type", WebhookSubscriptionSuspended.TYPE)
                            .when()
                            .get("/v1/activity")
                            .then()
                            .body("items.find { it.subject == '" + id + "' }.data.lastError", equalTo("answered 500")));
            // nobody else reads it: not the other officers or partners of the owner's group
            assertThat(QuarkusTransaction.requiringNew()
                            .call(() -> ActivityEntry.<ActivityEntry>find(
                                            "type = ?1 and subject = ?2", WebhookSubscriptionSuspended.TYPE, id)
                                    .singleResult()
                                    .readers))
                    .containsExactlyInAnyOrder("admin", "subject:admin");
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> Arrays.stream(MailServerResource.server().getReceivedMessages())
                            .anyMatch(m -> mentions(m, id)));
            MimeMessage mail = Arrays.stream(MailServerResource.server().getReceivedMessages())
                    .filter(m -> mentions(m, id))
                    .findFirst()
                    .orElseThrow();
            assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("ced@comune.example.it");

            receiver.answer(204);
            given().when()
                    .post("/v1/webhooks/" + id + "/resume")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("ACTIVE"));
            await().atMost(Duration.ofSeconds(20)).until(() -> ids(receiver).contains(need));
            given().when().delete("/v1/webhooks/" + id).then().statusCode(204);
        }
    }

    /** Runs docs/webhooks/verify.mjs on a delivery, as a receiver written in JavaScript would check it. */
    private boolean nodeVerifies(String secret, WebhookReceiver.Delivery delivery) throws Exception {
        Path file = Files.createTempFile("delivery", ".json");
        try {
            Map<String, Object> saved = Map.of(
                    "headers",
                    Map.of(
                            "webhook-id",
                            delivery.webhookId(),
                            "webhook-timestamp",
                            delivery.webhookTimestamp(),
                            "webhook-signature",
                            delivery.webhookSignature()),
                    "body",
                    delivery.text());
            json.writeValue(file.toFile(), saved);
            Process node = new ProcessBuilder(
                            "node",
                            Path.of("..", "docs", "webhooks", "verify.mjs").toString(),
                            secret,
                            file.toString())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(node.getInputStream().readAllBytes());
            assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(output).matches("(authentic|refused)\\s*");
            return node.exitValue() == 0;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static boolean mentions(MimeMessage message, String text) {
        try {
            return message.getContent().toString().contains(text);
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    @TestSecurity(user = "admin", roles = "programme-admin")
    void internalAddressesAreRefusedAtRegistrationAndAtDeliveryWhenTheNameMoves() {
        ProgrammableResolver.point("metadata.ngsiena.test", "169.254.169.254");
        for (String url : List.of(
                "https://[::1]/hook",
                "http://10.1.2.3/hook",
                "http://169.254.169.254/latest/meta-data",
                "https://metadata.ngsiena.test/",
                "ftp://127.0.0.1/",
                "http://user:secret@127.0.0.1:9/")) {
            given().contentType(ContentType.JSON)
                    .body(request(url, ""))
                    .when()
                    .post("/v1/webhooks")
                    .then()
                    .statusCode(422)
                    .body("violations[0].field", equalTo("url"));
        }

        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            ProgrammableResolver.point("rebind.ngsiena.test", "127.0.0.1");
            String municipality = "052003";
            String id = subscribe(
                            request(receiver.url("rebind.ngsiena.test"), ",\"municipality\":\"" + municipality + "\""))
                    .getString("subscription.id");
            // after registration the name moves to the cloud metadata address
            ProgrammableResolver.point("rebind.ngsiena.test", "169.254.169.254");
            String need = need(UUID.randomUUID().toString(), municipality, "Rete civica");
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> given().when()
                                    .get("/v1/webhooks/" + id)
                                    .then()
                                    .extract()
                                    .jsonPath()
                                    .getInt("failedAttempts")
                            >= 1);
            given().when()
                    .get("/v1/webhooks/" + id + "/deliveries")
                    .then()
                    .body("items[0].outcome", equalTo("FAILED"))
                    // said without the address the name resolved to: the log tells nothing of the network
                    .body("items[0].error", equalTo("refused: the URL " + TargetGuard.HOST_NOT_ALLOWED));
            assertThat(receiver.deliveries()).isEmpty();

            ProgrammableResolver.point("rebind.ngsiena.test", "127.0.0.1");
            await().atMost(Duration.ofSeconds(20)).until(() -> ids(receiver).contains(need));
            assertThat(receiver.deliveries().get(0).host()).startsWith("rebind.ngsiena.test");
            given().when().delete("/v1/webhooks/" + id).then().statusCode(204);
        }
    }

    @Test
    @TestSecurity(user = "participation-partner", roles = "participation-partner")
    void aPartnerSubscribesToItsWorkstreamAndSeesOnlyItsOwnSubscriptions() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            JsonPath created = subscribe(request(receiver.url("127.0.0.1"), ""));
            assertThat(created.getString("subscription.workstream")).isEqualTo("participation");
            given().contentType(ContentType.JSON)
                    .body(request(receiver.url("127.0.0.1"), ",\"workstream\":\"training\""))
                    .when()
                    .post("/v1/webhooks")
                    .then()
                    .statusCode(403);
            given().contentType(ContentType.JSON)
                    .body(request(receiver.url("127.0.0.1"), ",\"eventTypes\":[\"it.ngsiena.no.such.type.v1\"]"))
                    .when()
                    .post("/v1/webhooks")
                    .then()
                    .statusCode(422)
                    .body("violations[0].field", equalTo("eventTypes[0]"));
            String id = created.getString("subscription.id");
            String rotated = given().when()
                    .post("/v1/webhooks/" + id + "/secret")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getString("secret");
            assertThat(rotated).startsWith("whsec_").isNotEqualTo(created.getString("secret"));
            given().when().get("/v1/webhooks").then().statusCode(200).body("items.size()", equalTo(1));
            given().when().get("/v1/webhooks/" + UUID.randomUUID()).then().statusCode(404);
            given().when().delete("/v1/webhooks/" + id).then().statusCode(204);
        }
    }
}
