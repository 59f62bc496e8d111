package it.ngsiena.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import it.ngsiena.kernel.events.EventCodec;
import it.ngsiena.testkit.PlatformTestResource;
import it.ngsiena.testkit.TopicProbe;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The live stream (SSE) resumes with Last-Event-ID, anonymous callers see public events only, and a stream
 * ends when its token expires.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(FakeServicesResource.class)
class ActivityStreamTest {

    /** Only this test sends events about Radicondoli. */
    static final String RADICONDOLI = "052025";

    static final String SUBMITTED = "it.ngsiena.participation.need.submitted.v1";
    static final String ENROLLED = "it.ngsiena.training.participant.enrolled.v1";

    record Received(String id, String type, String data) {}

    @ConfigProperty(name = "ngs.events.bootstrap-servers")
    String bootstrap;

    @TestHTTPResource("/v1/activity/stream")
    URL stream;

    private String publishNeed(String title) {
        UUID need = UUID.randomUUID();
        send("ngs.participation.v1", SUBMITTED, need, """
                {"needId":"%s","title":"%s","theme":"MOBILITY","municipalities":["%s"],"origin":"ONLINE",
                 "submittedAt":"2022-05-01T10:00:00Z"}""".formatted(need, title, RADICONDOLI));
        return need.toString();
    }

    private String publishEnrolment() {
        UUID session = UUID.randomUUID();
        send("ngs.training.v1", ENROLLED, session, """
                {"enrolmentId":"%s","sessionId":"%s","courseId":"%s","participantId":"%s","municipality":"%s",
                 "status":"ENROLLED","at":"2022-05-01T10:00:00Z"}""".formatted(
                        UUID.randomUUID(), session, UUID.randomUUID(), UUID.randomUUID(), RADICONDOLI));
        return session.toString();
    }

    private void send(String topic, String type, UUID subject, String data) {
        byte[] value = EventCodec.encode(
                UUID.randomUUID().toString(),
                "/" + topic.split("\\.")[1] + "-service",
                type,
                subject.toString(),
                OffsetDateTime.now(ZoneOffset.UTC),
                data);
        new TopicProbe(bootstrap).send(topic, subject.toString(), value);
    }

    /** Reads {@code count} events from the stream, then hangs up. */
    private List<Received> read(String lastEventId, int count) throws Exception {
        HttpURLConnection connection =
                (HttpURLConnection) new URL(stream + "?municipality=" + RADICONDOLI).openConnection();
        connection.setRequestProperty("Accept", "text/event-stream");
        if (lastEventId != null) {
            connection.setRequestProperty("Last-Event-ID", lastEventId);
        }
        connection.setReadTimeout(20_000);
        List<Received> events = new ArrayList<>();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8))) {
            String id = null;
            String type = null;
            String line;
            while (events.size() < count && (line = reader.readLine()) != null) {
                if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    type = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    events.add(new Received(id, type, line.substring(5).strip()));
                }
            }
        } finally {
            connection.disconnect();
        }
        return events;
    }

    private static int inAnonymousFeed(String subject) {
        return given()
                .queryParam("municipality", RADICONDOLI)
                .queryParam("limit", 100)
                .when()
                .get("/v1/activity")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.subject", String.class)
                .stream()
                .filter(subject::equals)
                .toList()
                .size();
    }

    @Test
    void anonymousCallersFollowThePublicStreamAndResumeWithoutLossOrRepetition() throws Exception {
        String first = publishNeed("Primo");
        String enrolment = publishEnrolment();
        String second = publishNeed("Secondo");
        String third = publishNeed("Terzo");
        await().atMost(Duration.ofSeconds(30)).until(() -> inAnonymousFeed(third) == 1);
        assertThat(inAnonymousFeed(first)).isEqualTo(1);
        assertThat(inAnonymousFeed(enrolment)).as("an enrolment is not public").isZero();

        List<Received> all = read("0", 3);
        assertThat(all).extracting(Received::type).containsOnly(SUBMITTED);
        assertThat(all)
                .extracting(r -> r.data().contains("\"subject\":\"" + first + "\"")
                        || r.data().contains("\"subject\":\"" + second + "\"")
                        || r.data().contains("\"subject\":\"" + third + "\""))
                .containsOnly(true);
        assertThat(all.get(0).data()).contains(first);
        assertThat(all.get(2).data()).contains(third);

        // Resume after the second: the third comes next, then one published while we were away.
        String fourth = publishNeed("Quarto");
        List<Received> resumed = read(all.get(1).id(), 2);
        assertThat(resumed.get(0).data()).contains(third);
        assertThat(resumed.get(1).data()).contains(fourth);
        assertThat(Long.parseLong(resumed.get(0).id()))
                .isGreaterThan(Long.parseLong(all.get(1).id()));

        given().header("Last-Event-ID", "not-a-number")
                .when()
                .get("/v1/activity/stream")
                .then()
                .statusCode(400);
    }

    /** An anonymous caller keeps at most ten streams open; the eleventh is refused until one closes. */
    @Test
    void aCallerKeepsAtMostTenStreamsOpenAndAnAnonymousOneEndsAfterItsMaximumAge() throws Exception {
        String marker = publishNeed("Segnale");
        await().atMost(Duration.ofSeconds(30)).until(() -> inAnonymousFeed(marker) == 1);
        List<HttpURLConnection> open = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                HttpURLConnection connection = openStream();
                assertThat(connection.getResponseCode()).isEqualTo(200);
                open.add(connection);
            }
            HttpURLConnection refused = openStream();
            assertThat(refused.getResponseCode()).isEqualTo(429);
            assertThat(refused.getHeaderField("Retry-After")).isEqualTo("30");
            assertThat(refused.getContentType()).isEqualTo("application/problem+json");
            refused.disconnect();

            // the test profile ends anonymous streams after 8 s: each of the ten ends by itself
            long started = System.nanoTime();
            for (HttpURLConnection connection : open) {
                try (var body = connection.getInputStream()) {
                    body.readAllBytes();
                }
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
            await().atMost(Duration.ofSeconds(5)).until(() -> {
                HttpURLConnection again = openStream();
                int status = again.getResponseCode();
                again.disconnect();
                return status == 200;
            });
        } finally {
            open.forEach(HttpURLConnection::disconnect);
        }
    }

    /** An anonymous stream that starts at the beginning (so that it has something to send at once). */
    private HttpURLConnection openStream() throws Exception {
        HttpURLConnection connection =
                (HttpURLConnection) new URL(stream + "?municipality=" + RADICONDOLI).openConnection();
        connection.setRequestProperty("Accept", "text/event-stream");
        connection.setRequestProperty("Last-Event-ID", "0");
        connection.setReadTimeout(20_000);
        return connection;
    }

    @Test
    @TestSecurity(user = "euronike", roles = "training-partner")
    @OidcSecurity(claims = @Claim(key = "exp", value = "1000000000", type = ClaimType.LONG))
    void aStreamEndsOnceItsTokenHasExpired() throws Exception {
        publishEnrolment();
        long started = System.nanoTime();
        List<Received> events = read("0", 1000);
        assertThat(events).as("nothing is sent once the token has expired").isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("the server ends the stream")
                .isLessThan(Duration.ofSeconds(15));
    }

    @Test
    @TestSecurity(user = "euronike", roles = "training-partner")
    void theTrainingPartnerAlsoSeesTheEventsAboutPeople() throws Exception {
        String enrolment = publishEnrolment();
        String marker = publishNeed("Marcatore");
        await().atMost(Duration.ofSeconds(30)).until(() -> inAnonymousFeed(marker) == 1);
        assertThat(inAnonymousFeed(enrolment))
                .as("the training partner sees it in the feed")
                .isEqualTo(1);
        // (inAnonymousFeed calls the feed as whoever the test is: here the training partner.)
        int visible = given().queryParam("municipality", RADICONDOLI)
                .queryParam("limit", 100)
                .when()
                .get("/v1/activity")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items")
                .size();
        List<Received> events = read("0", visible).stream()
                .filter(r -> r.data().contains(enrolment))
                .toList();
        assertThat(events).singleElement().satisfies(r -> assertThat(r.type()).isEqualTo(ENROLLED));
    }
}
