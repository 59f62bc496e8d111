package it.ngsiena.feasibility.needs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import it.ngsiena.contracts.feasibility.StudyRequested;
import it.ngsiena.contracts.participation.NeedPrioritised;
import it.ngsiena.feasibility.study.Study;
import it.ngsiena.feasibility.study.StudyLifecycleTest;
import it.ngsiena.feasibility.study.StudyStatus;
import it.ngsiena.kernel.events.EventCodec;
import it.ngsiena.testkit.OutboxProbe;
import it.ngsiena.testkit.PlatformTestResource;
import it.ngsiena.testkit.TopicProbe;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Prioritised needs arrive from the participation topic on the real broker and open one study each. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class PrioritisedNeedsTest {

    @ConfigProperty(name = "ngs.events.bootstrap-servers")
    String bootstrap;

    private void publish(String eventId, UUID need, String title) {
        var payload = new NeedPrioritised(
                need,
                title,
                "MOBILITY",
                List.of("052032", "052015"),
                "Molto richiesto",
                OffsetDateTime.now(ZoneOffset.UTC));
        byte[] value = EventCodec.encode(
                eventId,
                "/participation-service",
                NeedPrioritised.TYPE,
                need.toString(),
                OffsetDateTime.now(ZoneOffset.UTC),
                EventCodec.payloadJson(payload));
        new TopicProbe(bootstrap).send("ngs.participation.v1", need.toString(), value);
    }

    private static List<Study> studiesOf(UUID need) {
        return QuarkusTransaction.requiringNew().call(() -> Study.<Study>list("array_contains(needIds, ?1)", need));
    }

    @Test
    void aPrioritisedNeedOpensExactlyOneStudyHoweverOftenItArrives() {
        UUID need = UUID.randomUUID();
        String first = UUID.randomUUID().toString();
        publish(first, need, "Navetta intercomunale");
        publish(first, need, "Navetta intercomunale");
        publish(UUID.randomUUID().toString(), need, "Navetta intercomunale");
        // A marker need published after the duplicates: once its study exists, the duplicates were consumed.
        UUID marker = UUID.randomUUID();
        publish(UUID.randomUUID().toString(), marker, "Marcatore");
        await().atMost(Duration.ofSeconds(30)).until(() -> !studiesOf(marker).isEmpty());

        assertThat(studiesOf(need)).singleElement().satisfies(s -> {
            assertThat(s.status).isEqualTo(StudyStatus.REQUESTED);
            assertThat(s.sourceEventId).isEqualTo(first);
            assertThat(s.title).isEqualTo("Studio di fattibilità: Navetta intercomunale");
            assertThat(s.themes).containsExactly("MOBILITY");
            assertThat(s.municipalities).containsExactly("052032", "052015");
        });
        UUID study = studiesOf(need).get(0).id;
        assertThat(OutboxProbe.events(study, StudyRequested.TYPE))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.data().get("sourceEventId").asText()).isEqualTo(first);
                    assertThat(e.data().at("/needIds/0").asText()).isEqualTo(need.toString());
                });
    }

    @Test
    @TestSecurity(user = "openimpact", roles = "feasibility-partner")
    void aNeedHasOneOpenStudyAtATimeAndANewOneOnceItsStudyIsAbandoned() {
        UUID need = UUID.randomUUID();
        publish(UUID.randomUUID().toString(), need, "Navetta intercomunale");
        await().atMost(Duration.ofSeconds(30)).until(() -> !studiesOf(need).isEmpty());
        String first = studiesOf(need).get(0).id.toString();

        // However it is opened, a second study of the need while the first is open is refused, naming it.
        given().contentType(ContentType.JSON)
                .body(StudyLifecycleTest.body(need, "Open Impact", "052032"))
                .when()
                .post("/v1/feasibility/studies")
                .then()
                .statusCode(409)
                .contentType(StudyLifecycleTest.PROBLEM)
                .body("needId", equalTo(need.toString()))
                .body("studyId", equalTo(first));

        StudyLifecycleTest.post(first, "abandon", "{\"reason\":\"Cofinanziamento ritirato\"}")
                .statusCode(200);
        // Prioritised again (a new event): a new study, the abandoned one stays as it was.
        publish(UUID.randomUUID().toString(), need, "Navetta intercomunale");
        await().atMost(Duration.ofSeconds(30)).until(() -> studiesOf(need).size() == 2);
        assertThat(studiesOf(need))
                .extracting(s -> s.status)
                .containsExactlyInAnyOrder(StudyStatus.ABANDONED, StudyStatus.REQUESTED);
        String second = studiesOf(need).stream()
                .filter(s -> s.status == StudyStatus.REQUESTED)
                .findFirst()
                .orElseThrow()
                .id
                .toString();
        StudyLifecycleTest.post(second, "abandon", "{\"reason\":\"Ancora nessun capofila\"}")
                .statusCode(200);

        // By hand this time: allowed once no study of the need is open.
        given().contentType(ContentType.JSON)
                .body(StudyLifecycleTest.body(need, "Open Impact", "052032"))
                .when()
                .post("/v1/feasibility/studies")
                .then()
                .statusCode(201);
        assertThat(studiesOf(need)).hasSize(3);
    }
}
