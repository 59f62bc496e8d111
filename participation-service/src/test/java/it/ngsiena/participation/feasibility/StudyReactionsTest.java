package it.ngsiena.participation.feasibility;

import static it.ngsiena.participation.support.Fixtures.SIENA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import it.ngsiena.contracts.feasibility.StudyAbandoned;
import it.ngsiena.contracts.feasibility.StudyCompleted;
import it.ngsiena.contracts.feasibility.StudyRequested;
import it.ngsiena.contracts.participation.NeedStatusChanged;
import it.ngsiena.kernel.events.EventCodec;
import it.ngsiena.participation.need.Need;
import it.ngsiena.participation.need.NeedStatus;
import it.ngsiena.participation.support.Fixtures;
import it.ngsiena.testkit.PlatformTestResource;
import it.ngsiena.testkit.TopicProbe;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class StudyReactionsTest {

    @ConfigProperty(name = "ngs.events.bootstrap-servers")
    String bootstrap;

    @Inject
    Fixtures fixtures;

    private void publish(String eventId, String type, UUID studyId, Object payload) {
        byte[] value = EventCodec.encode(
                eventId,
                "/feasibility-service",
                type,
                studyId.toString(),
                OffsetDateTime.now(ZoneOffset.UTC),
                EventCodec.payloadJson(payload));
        new TopicProbe(bootstrap).send("ngs.feasibility.v1", studyId.toString(), value);
    }

    private void awaitStatus(UUID need, NeedStatus status) {
        await().atMost(Duration.ofSeconds(20)).until(() -> fixtures.load(need).status == status);
    }

    @Test
    void aRequestedStudyMovesAPrioritisedNeedOnceAndACompletedOneAssessesIt() throws Exception {
        UUID need = fixtures.need(NeedStatus.PRIORITISED, SIENA);
        UUID unknown = UUID.randomUUID();
        UUID study = UUID.randomUUID();
        String requestedId = UUID.randomUUID().toString();
        StudyRequested requested = new StudyRequested(
                study,
                List.of(unknown, need),
                List.of(SIENA),
                "Studio",
                List.of("GOVERNANCE"),
                null,
                OffsetDateTime.now(ZoneOffset.UTC));

        publish(requestedId, StudyRequested.TYPE, study, requested);
        publish(requestedId, StudyRequested.TYPE, study, requested);
        awaitStatus(need, NeedStatus.IN_FEASIBILITY);
        assertThat(fixtures.load(need).studyId).isEqualTo(study);

        publish(
                UUID.randomUUID().toString(),
                StudyCompleted.TYPE,
                study,
                new StudyCompleted(
                        study,
                        List.of(need),
                        List.of(SIENA),
                        "FEASIBLE_WITH_CONDITIONS",
                        new BigDecimal("125000.00"),
                        "Studio",
                        OffsetDateTime.now(ZoneOffset.UTC)));
        awaitStatus(need, NeedStatus.ASSESSED);
        Need assessed = fixtures.load(need);
        assertThat(assessed.studyVerdict).isEqualTo("FEASIBLE_WITH_CONDITIONS");
        assertThat(assessed.studyId).isEqualTo(study);

        assertThat(fixtures.events(need, NeedStatusChanged.TYPE))
                .extracting(e ->
                        e.data().get("from").asText() + ">" + e.data().get("to").asText() + " study "
                                + e.data().get("studyId").asText())
                .containsExactly("PRIORITISED>IN_FEASIBILITY study " + study, "IN_FEASIBILITY>ASSESSED study " + study);
        // the service moved the need by itself: its events and the record say so, with no account
        assertThat(fixtures.events(need, NeedStatusChanged.TYPE))
                .extracting(e -> e.actorSubject() + " " + e.actorClient() + " " + e.actorRole())
                .containsOnly("null participation-service system");
        assertThat(assessed.updatedBy).isEqualTo("system:participation-service");
    }

    @Test
    void aStudyForANeedNotYetPrioritisedChangesNothing() throws Exception {
        UUID need = fixtures.need(NeedStatus.SUBMITTED, SIENA);
        requested(UUID.randomUUID(), need);
        UUID marker = fixtures.need(NeedStatus.PRIORITISED, SIENA);
        requested(UUID.randomUUID(), marker);
        awaitStatus(marker, NeedStatus.IN_FEASIBILITY);
        assertThat(fixtures.load(need).status).isEqualTo(NeedStatus.SUBMITTED);
        assertThat(fixtures.events(need)).isEmpty();
    }

    private void requested(UUID study, UUID need) {
        publish(
                UUID.randomUUID().toString(),
                StudyRequested.TYPE,
                study,
                new StudyRequested(
                        study,
                        List.of(need),
                        List.of(SIENA),
                        "Studio",
                        List.of("GOVERNANCE"),
                        null,
                        OffsetDateTime.now(ZoneOffset.UTC)));
    }

    private void abandoned(UUID study, UUID need, String reason) {
        publish(
                UUID.randomUUID().toString(),
                StudyAbandoned.TYPE,
                study,
                new StudyAbandoned(study, List.of(need), List.of(SIENA), reason, OffsetDateTime.now(ZoneOffset.UTC)));
    }

    @Test
    void anAbandonedStudyGivesTheNeedBackWithItsReasonAndANewStudyTakesItOn() throws Exception {
        UUID need = fixtures.need(NeedStatus.PRIORITISED, SIENA);
        UUID first = UUID.randomUUID();
        requested(first, need);
        awaitStatus(need, NeedStatus.IN_FEASIBILITY);

        // A study the need is not in (an older one, abandoned late) says nothing of the need's current study.
        abandoned(UUID.randomUUID(), need, "Studio di un altro bisogno");
        abandoned(first, need, "Il comune capofila ha ritirato il cofinanziamento");
        awaitStatus(need, NeedStatus.FEASIBILITY_ABANDONED);
        Need back = fixtures.load(need);
        assertThat(back.answer).isEqualTo("Il comune capofila ha ritirato il cofinanziamento");
        assertThat(back.studyId).isEqualTo(first);

        UUID second = UUID.randomUUID();
        requested(second, need);
        awaitStatus(need, NeedStatus.IN_FEASIBILITY);
        Need again = fixtures.load(need);
        assertThat(again.studyId).isEqualTo(second);
        assertThat(again.answer).isNull();

        assertThat(fixtures.events(need, NeedStatusChanged.TYPE))
                .extracting(e ->
                        e.data().get("from").asText() + ">" + e.data().get("to").asText() + " study "
                                + e.data().get("studyId").asText() + " answer "
                                + e.data().get("answer").asText())
                .containsExactly(
                        "PRIORITISED>IN_FEASIBILITY study " + first + " answer null",
                        "IN_FEASIBILITY>FEASIBILITY_ABANDONED study " + first
                                + " answer Il comune capofila ha ritirato il cofinanziamento",
                        "FEASIBILITY_ABANDONED>IN_FEASIBILITY study " + second + " answer null");
    }
}
