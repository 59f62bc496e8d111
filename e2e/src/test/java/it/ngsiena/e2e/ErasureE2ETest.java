package it.ngsiena.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import it.ngsiena.contracts.training.ParticipantEnrolled;
import it.ngsiena.contracts.training.ParticipantErased;
import it.ngsiena.infra.Tokens;
import it.ngsiena.local.LocalPlatform;
import it.ngsiena.testkit.EventStreamReader;
import it.ngsiena.testkit.WebhookReceiver;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A participant's erasure reaches every copy a caller or a receiver can read: the training partner enrols
 * a person of Montepulciano, a webhook receiver takes the enrolment, the person is erased; the receiver gets the
 * erasure by the hash of the id it holds, and afterwards the id is nowhere: not in the feed (admin, officer),
 * the live stream, the overview, the KPIs, the open data, a need's trace, the delivery log, nor in what a
 * subscription made after the erasure receives when it replays the whole story.
 */
@ExtendWith(RunningPlatform.class)
class ErasureE2ETest {

    private static final String MONTEPULCIANO = "052015";

    private static final ObjectMapper JSON = new ObjectMapper();

    static LocalPlatform platform;
    static Tokens tokens;
    static String gateway;

    @BeforeAll
    static void usePlatform() {
        platform = RunningPlatform.platform();
        tokens = new Tokens(platform.issuer());
        gateway = platform.gatewayUrl();
    }

    @Test
    void afterAnErasureTheIdIsNowhereACallerOrAReceiverCanRead() throws Exception {
        String lms = "Bearer " + tokens.forClient("euronike-lms", "euronike-lms-secret");
        String admin = "Bearer " + tokens.forUser("admin", "admin");
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);
        String need = given().header("Authorization", admin)
                .contentType(ContentType.JSON)
                .body(PlatformE2ETest.need("Navetta per la formazione (cancellazione)", MONTEPULCIANO))
                .when()
                .post(gateway + "/v1/participation/needs")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        try (WebhookReceiver before = WebhookReceiver.start();
                WebhookReceiver after = WebhookReceiver.start()) {
            String early = subscribe(admin, before);
            String late = null;
            try {
                TrainingSteps training = new TrainingSteps(gateway, lms);
                String person = training.participant();
                String session = training.session("Cancellazione dei dati (e2e)", "2022-06-01T10:00:00Z", 50);
                String enrolment = training.enrol(session, person);
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> received(before, enrolment).isPresent());
                String heldByReceiver = received(before, enrolment)
                        .orElseThrow()
                        .path("data")
                        .path("participantId")
                        .asText();
                assertThat(heldByReceiver).isEqualTo(person);

                given().header("Authorization", lms)
                        .when()
                        .delete(gateway + "/v1/training/participants/" + person)
                        .then()
                        .statusCode(204);
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> received(before, ParticipantErased.TYPE).isPresent());
                JsonNode erasure = received(before, ParticipantErased.TYPE).orElseThrow();
                // the receiver finds what it must erase by hashing the ids it holds
                assertThat(erasure.path("data").path("participantIdSha256").asText())
                        .isEqualTo(ParticipantErased.sha256Of(heldByReceiver));
                assertThat(erasure.toString()).doesNotContain(person);

                // a subscription made afterwards replays the story: the enrolment comes with a pseudonym
                late = subscribe(admin, after);
                given().header("Authorization", admin)
                        .queryParam("from", start.toString())
                        .when()
                        .post(gateway + "/v1/webhooks/" + late + "/replay")
                        .then()
                        .statusCode(200);
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> received(after, ParticipantErased.TYPE).isPresent());
                JsonNode replayedEnrolment = received(after, enrolment).orElseThrow();
                assertThat(replayedEnrolment.path("data").path("participantId").asText())
                        .as("the replayed enrolment names a pseudonym")
                        .matches("[0-9a-f-]{36}")
                        .isNotEqualTo(person);

                String officer = "Bearer " + tokens.forUser("officer-montepulciano", "officer-montepulciano");
                List<String> read = new ArrayList<>();
                read.add(get(admin, "/v1/activity?municipality=" + MONTEPULCIANO + "&limit=100"));
                read.add(get(admin, "/v1/activity?workstream=training&limit=100"));
                read.add(get(officer, "/v1/activity?municipality=" + MONTEPULCIANO + "&limit=100"));
                read.add(streamed(admin, "?municipality=" + MONTEPULCIANO));
                read.add(get(admin, "/v1/municipalities/" + MONTEPULCIANO + "/overview"));
                read.add(get(admin, "/v1/programme/kpis"));
                read.add(get(admin, "/v1/open-data/municipalities.json"));
                read.add(get(admin, "/v1/open-data/municipalities.csv"));
                read.add(get(admin, "/v1/open-data/studies.json"));
                read.add(get(admin, "/v1/needs/" + need + "/trace"));
                read.add(get(admin, "/v1/webhooks/" + early + "/deliveries?limit=100"));
                read.add(get(admin, "/v1/webhooks/" + late + "/deliveries?limit=100"));
                after.deliveries().forEach(d -> read.add(d.text()));
                assertThat(read.get(0))
                        .as("the feed has the story")
                        .contains(erasure.path("id").asText());
                assertThat(read).allSatisfy(text -> assertThat(text).doesNotContain(person));
                System.out.printf(
                        "[erasure] participant erased; the id absent from %d answers and %d deliveries after it%n",
                        read.size() - after.deliveries().size(),
                        after.deliveries().size());
            } finally {
                given().header("Authorization", admin).when().delete(gateway + "/v1/webhooks/" + early);
                if (late != null) {
                    given().header("Authorization", admin).when().delete(gateway + "/v1/webhooks/" + late);
                }
            }
        }
    }

    /** A subscription of the admin to Montepulciano's participants' enrolments and erasures. */
    private static String subscribe(String admin, WebhookReceiver receiver) {
        return given().header("Authorization", admin)
                .contentType(ContentType.JSON)
                .body("""
                        {"url":"%s","contactEmail":"dpo@provincia.siena.example.it","municipality":"%s",
                         "eventTypes":["%s","%s"]}""".formatted(
                        receiver.url("127.0.0.1"), MONTEPULCIANO, ParticipantEnrolled.TYPE, ParticipantErased.TYPE))
                .when()
                .post(gateway + "/v1/webhooks")
                .then()
                .statusCode(201)
                .extract()
                .path("subscription.id");
    }

    /** The delivered event of this type, or the enrolment of this id. */
    private static Optional<JsonNode> received(WebhookReceiver receiver, String typeOrEnrolment) throws Exception {
        for (WebhookReceiver.Delivery delivery : receiver.deliveries()) {
            JsonNode event = JSON.readTree(delivery.text());
            if (typeOrEnrolment.equals(event.path("type").asText())
                    || typeOrEnrolment.equals(
                            event.path("data").path("enrolmentId").asText())) {
                return Optional.of(event);
            }
        }
        return Optional.empty();
    }

    private static String get(String token, String path) {
        return given().header("Authorization", token)
                .when()
                .get(gateway + path)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    /** The live stream from the beginning of the feed, read until it has been quiet for two seconds. */
    private static String streamed(String token, String query) {
        String read = EventStreamReader.untilQuiet(
                URI.create(gateway + "/v1/activity/stream" + query),
                Map.of("Authorization", token, "Last-Event-ID", "0"),
                Duration.ofSeconds(2));
        assertThat(read).as("the stream sent Montepulciano's backlog").contains(ParticipantErased.TYPE);
        return read;
    }
}
