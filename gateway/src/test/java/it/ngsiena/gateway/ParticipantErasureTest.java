package it.ngsiena.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import it.ngsiena.contracts.training.CertificateIssued;
import it.ngsiena.contracts.training.ParticipantEnrolled;
import it.ngsiena.contracts.training.ParticipantErased;
import it.ngsiena.gateway.activity.ActivityEntry;
import it.ngsiena.kernel.events.EventCodec;
import it.ngsiena.testkit.EventStreamReader;
import it.ngsiena.testkit.PlatformTestResource;
import it.ngsiena.testkit.TopicProbe;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * An erasure reaches the feed: the erased participant's id leaves every row (replaced by one pseudonym), in
 * the database, the feed, the live stream and the figures' inputs; an event about them read after the
 * erasure (another partition, late) gets the pseudonym as well, and a rebuild from the log, which still
 * names them, ends in the same feed.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(FakeServicesResource.class)
class ParticipantErasureTest {

    /** Only this test sends events about Casole d'Elsa. */
    private static final String CASOLE = "052004";

    private static final String TRAINING = "ngs.training.v1";
    private static final OffsetDateTime AT = OffsetDateTime.parse("2022-05-02T09:00:00Z");

    @ConfigProperty(name = "ngs.events.bootstrap-servers")
    String bootstrap;

    @TestHTTPResource("/v1/activity/stream")
    URL stream;

    @Inject
    EntityManager em;

    @Test
    @TestSecurity(user = "admin", roles = "programme-admin")
    void theErasedIdLeavesTheFeedTheStreamAndARebuildAndLateEventsGetThePseudonym() throws Exception {
        UUID erased = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        UUID course = UUID.randomUUID();
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            sent.add(enrol(erased, course, "EMPLOYEE"));
        }
        sent.add(enrol(kept, course, "ADMINISTRATOR"));
        UUID certificate = UUID.randomUUID();
        sent.add(send(
                certificate,
                CertificateIssued.TYPE,
                new CertificateIssued(certificate, course, erased, CASOLE, new BigDecimal("8"), AT)));
        awaitStored(sent);
        // the live stream keeps the newest entries in memory: these now hold the id
        assertThat(streamed()).contains(erased.toString());
        String figuresBefore = training();
        assertThat(rowsNaming(erased)).isEqualTo(3);

        String hash = ParticipantErased.sha256Of(erased);
        String erasure = send(hash, ParticipantErased.TYPE, new ParticipantErased(hash, CASOLE, AT.plusDays(1)));
        awaitStored(List.of(erasure));

        assertThat(rowsNaming(erased)).as("feed rows holding the id").isZero();
        assertThat(rowsNaming(kept)).as("another participant's rows").isEqualTo(1);
        List<String> pseudonyms = participantIds(CASOLE).stream()
                .filter(id -> !id.equals(kept.toString()))
                .distinct()
                .toList();
        assertThat(pseudonyms)
                .as("one pseudonym for the erased participant's three rows")
                .hasSize(1);
        assertThat(feed()).doesNotContain(erased.toString()).contains(hash).contains(pseudonyms.get(0));
        assertThat(streamed()).as("the stream from the beginning").doesNotContain(erased.toString());
        assertThat(training()).as("the municipality's training figures").isEqualTo(figuresBefore);

        // an enrolment of the erased participant read after the erasure (from another partition, late)
        String late = enrol(erased, course, "EMPLOYEE");
        awaitStored(List.of(late));
        assertThat(rowsNaming(erased)).isZero();
        assertThat(participantIds(CASOLE))
                .filteredOn(id -> !id.equals(kept.toString()))
                .containsOnly(pseudonyms.get(0));

        // a rebuild reads the log, which still names them, and changes nothing in the feed
        var rebuilt = given().when()
                .post("/v1/admin/read-models/rebuild")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(rebuilt.getLong("rowsChanged")).isZero();
        assertThat(rebuilt.getLong("rowsAdded")).isZero();
        assertThat(rowsNaming(erased)).isZero();
        assertThat(participantIds(CASOLE))
                .filteredOn(id -> !id.equals(kept.toString()))
                .containsOnly(pseudonyms.get(0));

        // the feed lost, the rebuild restores it from the log without the id, with the same pseudonym
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("delete from activity where municipalities @> array['" + CASOLE + "']")
                        .executeUpdate());
        given().when().post("/v1/admin/read-models/rebuild").then().statusCode(200);
        assertThat(rowsNaming(erased)).isZero();
        assertThat(participantIds(CASOLE))
                .hasSize(5)
                .filteredOn(id -> !id.equals(kept.toString()))
                .containsOnly(pseudonyms.get(0));
    }

    private String enrol(UUID participant, UUID course, String role) {
        UUID session = UUID.randomUUID();
        return send(
                session,
                ParticipantEnrolled.TYPE,
                new ParticipantEnrolled(
                        UUID.randomUUID(), session, course, participant, CASOLE, role, "ENROLLED", false, AT));
    }

    private String send(Object subject, String type, Record payload) {
        String id = UUID.randomUUID().toString();
        byte[] value = EventCodec.encode(
                id,
                "/training-service",
                type,
                subject.toString(),
                OffsetDateTime.now(ZoneOffset.UTC),
                EventCodec.payloadJson(payload));
        new TopicProbe(bootstrap).send(TRAINING, subject.toString(), value);
        return id;
    }

    private void awaitStored(List<String> ids) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> ActivityEntry.count("eventId in ?1", ids))
                        == ids.size());
    }

    /** Rows of the feed whose data holds the id anywhere, as text. */
    private long rowsNaming(UUID id) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("select count(*) from activity where data::text like ?1")
                                .setParameter(1, "%" + id + "%")
                                .getSingleResult())
                        .longValue());
    }

    @SuppressWarnings("unchecked")
    private List<String> participantIds(String municipality) {
        return QuarkusTransaction.requiringNew()
                .call(() ->
                        em.createNativeQuery("""
                                select data ->> 'participantId' from activity
                                where ?1 = any(municipalities) and data -> 'participantId' is not null order by seq""").setParameter(1, municipality).getResultList());
    }

    private static String feed() {
        return given().queryParam("municipality", CASOLE)
                .queryParam("limit", 100)
                .when()
                .get("/v1/activity")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    private static String training() {
        return given().when()
                .get("/v1/municipalities/" + CASOLE + "/overview")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("training")
                .toString();
    }

    /** What the stream sends from the beginning of the feed about Casole, read until it has been quiet for a second. */
    private String streamed() throws Exception {
        String read = EventStreamReader.untilQuiet(
                URI.create(stream + "?municipality=" + CASOLE), Map.of("Last-Event-ID", "0"), Duration.ofSeconds(1));
        assertThat(read).as("the stream sent the backlog").contains("data:");
        return read;
    }
}
