package it.ngsiena.participation.need;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import it.ngsiena.testkit.PlatformTestResource;
import it.ngsiena.testkit.TestBroker;
import it.ngsiena.testkit.TopicProbe;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class NeedEventsTest {

    @ConfigProperty(name = "ngs.events.bootstrap-servers")
    String bootstrap;

    @Inject
    EntityManager em;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    @TestSecurity(user = "codesign", roles = "participation-partner")
    void aSubmittedNeedIsPublishedAsACloudEventKeyedByTheNeed() throws Exception {
        String id = submit("Trasporto a chiamata");

        var record = new TopicProbe(bootstrap)
                .await("ngs.participation.v1", r -> id.equals(r.key()), Duration.ofSeconds(20));
        JsonNode event = json.readTree(new String(record.value(), StandardCharsets.UTF_8));
        assertThat(event.get("specversion").asText()).isEqualTo("1.0");
        assertThat(event.get("type").asText()).isEqualTo("it.ngsiena.participation.need.submitted.v1");
        assertThat(event.get("source").asText()).isEqualTo("/participation-service");
        assertThat(event.get("subject").asText()).isEqualTo(id);
        assertThat(event.get("data").get("needId").asText()).isEqualTo(id);
        assertThat(event.get("data").get("municipalities").get(0).asText()).isEqualTo("052032");
        assertThat(event.get("data").has("submitterOrganisation"))
                .as("no submitter data in events")
                .isFalse();
        assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                .isEqualTo("application/cloudevents+json");
        // who did it: the caller's account and role as extension attributes, and in the record
        assertThat(event.get("actorsub").asText()).isEqualTo("codesign");
        assertThat(event.get("actorrole").asText()).isEqualTo("participation-partner");
        assertThat(event.has("actorclient")).as("a test identity has no client").isFalse();
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> em.createNativeQuery(
                                        "select created_by || ' ' || updated_by from need where id = cast(?1 as uuid)")
                                .setParameter(1, id)
                                .getSingleResult()))
                .isEqualTo("codesign codesign");
    }

    @Test
    @TestSecurity(user = "codesign", roles = "participation-partner")
    void aNeedCollectedEarlierKeepsItsDateInTheEventAndTheRecordKeepsWhenItArrived() throws Exception {
        String body = NeedResourceTest.need("Raccolto al laboratorio di aprile", "052032")
                .replaceFirst("\\}$", ", \"occurredAt\": \"2022-04-12T10:00:00+02:00\"}");
        var created = given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/v1/participation/needs")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        String id = created.getString("id");
        assertThat(java.time.OffsetDateTime.parse(created.getString("submittedAt")))
                .isAtSameInstantAs(java.time.OffsetDateTime.parse("2022-04-12T08:00:00Z"));
        assertThat(java.time.OffsetDateTime.parse(created.getString("createdAt")))
                .isAfter(java.time.OffsetDateTime.now().minusMinutes(5));

        var record = new TopicProbe(bootstrap)
                .await("ngs.participation.v1", r -> id.equals(r.key()), Duration.ofSeconds(20));
        JsonNode event = json.readTree(new String(record.value(), StandardCharsets.UTF_8));
        assertThat(java.time.OffsetDateTime.parse(event.get("time").asText()))
                .isAtSameInstantAs(java.time.OffsetDateTime.parse("2022-04-12T08:00:00Z"));
        assertThat(java.time.OffsetDateTime.parse(event.at("/data/submittedAt").asText()))
                .isAtSameInstantAs(java.time.OffsetDateTime.parse("2022-04-12T08:00:00Z"));

        // Not in the future, not before the programme's start: 422 naming the field, nothing stored.
        for (String when :
                new String[] {java.time.OffsetDateTime.now().plusDays(1).toString(), "2021-12-31T10:00:00+01:00"}) {
            given().contentType(ContentType.JSON)
                    .body(NeedResourceTest.need("Data impossibile", "052032")
                            .replaceFirst("\\}$", ", \"occurredAt\": \"" + when + "\"}"))
                    .when()
                    .post("/v1/participation/needs")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("violations.field", org.hamcrest.Matchers.contains("occurredAt"));
        }
        given().when()
                .get("/v1/participation/needs?q=Data impossibile")
                .then()
                .statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    @TestSecurity(user = "codesign", roles = "participation-partner")
    void aNeedSubmittedWhileKafkaIsDownIsAcceptedAndPublishedOnceItIsBack() throws Exception {
        // The service stays ready (a load balancer keeps sending writes) and says it is degraded.
        TestBroker.stop();
        String id;
        try {
            id = submit("Mentre Kafka dorme");
            Thread.sleep(1500);
            assertThat(unsent(id))
                    .as("waiting in the outbox while the broker is down")
                    .isEqualTo(1);
            given().when()
                    .get("/q/health/ready")
                    .then()
                    .statusCode(200)
                    .body("checks.find { it.name == 'kafka' }.data.reachable", org.hamcrest.Matchers.equalTo(false));
            given().when()
                    .get("/status")
                    .then()
                    .statusCode(200)
                    .contentType("application/problem+json")
                    .body("type", org.hamcrest.Matchers.equalTo("urn:ngsiena:problem:degraded"))
                    .body("detail", org.hamcrest.Matchers.containsString("wait in the outbox (the oldest for"));
            // Operators see the backlog grow old on /q/metrics, and the relay is alive while it retries.
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(metric("ngs_outbox_backlog")).isGreaterThanOrEqualTo(1);
                assertThat(metric("ngs_outbox_oldest_unsent_seconds")).isGreaterThanOrEqualTo(1);
            });
            given().when()
                    .get("/q/health/live")
                    .then()
                    .statusCode(200)
                    .body("checks.find { it.name == 'outbox-relay' }.status", org.hamcrest.Matchers.equalTo("UP"));
        } finally {
            TestBroker.start();
        }
        await().atMost(Duration.ofSeconds(40))
                .untilAsserted(() -> assertThat(unsent(id)).isZero());
        var records = new TopicProbe(bootstrap).readAll("ngs.participation.v1", Duration.ofSeconds(2));
        assertThat(records.stream().filter(r -> id.equals(r.key())).count()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(metric("ngs_outbox_backlog")).isZero();
            assertThat(metric("ngs_outbox_oldest_unsent_seconds")).isZero();
        });
    }

    /** The value of a gauge on /q/metrics (Prometheus text format, one series). */
    static double metric(String name) {
        String body = given().when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return body.lines()
                .filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not on /q/metrics"));
    }

    private String submit(String title) {
        return given().contentType(ContentType.JSON)
                .body(NeedResourceTest.need(title, "052032"))
                .when()
                .post("/v1/participation/needs")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private long unsent(String subject) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(
                                        "select count(*) from outbox_event where subject = ?1 and sent_at is null")
                                .setParameter(1, subject)
                                .getSingleResult())
                        .longValue());
    }
}
