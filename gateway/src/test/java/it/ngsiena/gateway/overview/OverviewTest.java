package it.ngsiena.gateway.overview;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import it.ngsiena.contracts.comms.AnnouncementArchived;
import it.ngsiena.contracts.comms.AnnouncementPublished;
import it.ngsiena.contracts.feasibility.FundingSourceAdded;
import it.ngsiena.contracts.feasibility.FundingSourceChanged;
import it.ngsiena.contracts.feasibility.StudyCompleted;
import it.ngsiena.contracts.feasibility.StudyRequested;
import it.ngsiena.contracts.feasibility.StudyStarted;
import it.ngsiena.contracts.participation.NeedBecameAreaWide;
import it.ngsiena.contracts.participation.NeedEndorsed;
import it.ngsiena.contracts.participation.NeedStatusChanged;
import it.ngsiena.contracts.participation.NeedSubmitted;
import it.ngsiena.contracts.training.CertificateIssued;
import it.ngsiena.contracts.training.ParticipantEnrolled;
import it.ngsiena.contracts.training.SessionHeld;
import it.ngsiena.gateway.FakeServicesResource;
import it.ngsiena.kernel.events.EventCodec;
import it.ngsiena.testkit.PlatformTestResource;
import it.ngsiena.testkit.TopicProbe;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The municipality overview and the KPIs from a scripted sequence of real events on the real broker,
 * with a duplicate delivery and a study that arrives before the need it is about, as the admin sees
 * them (what other callers see is AccessMatrixTest's).
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(FakeServicesResource.class)
class OverviewTest {

    /** Only the overview test sends events about Trequanda and Montalcino (the KPI test uses Torrita). */
    static final String TREQUANDA = "052036";

    static final String MONTALCINO = "052037";
    static final OffsetDateTime AT = OffsetDateTime.of(2022, 10, 5, 10, 0, 0, 0, ZoneOffset.UTC);

    @ConfigProperty(name = "ngs.events.bootstrap-servers")
    String bootstrap;

    /** Ids of the events sent, to wait until the gateway has stored them all. */
    private final java.util.Set<String> sent = new java.util.HashSet<>();

    private void send(String topic, String type, UUID subject, Object payload) {
        send(topic, UUID.randomUUID().toString(), type, subject, payload);
    }

    private void awaitAllStored() {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                                .call(() -> it.ngsiena.gateway.activity.ActivityEntry.count("eventId in ?1", sent))
                        == sent.size());
    }

    private void send(String topic, String eventId, String type, UUID subject, Object payload) {
        sent.add(eventId);
        byte[] value = EventCodec.encode(
                eventId,
                "/" + topic.split("\\.")[1] + "-service",
                type,
                subject.toString(),
                AT,
                EventCodec.payloadJson(payload));
        new TopicProbe(bootstrap).send(topic, subject.toString(), value);
    }

    private static JsonPath overview(String istat) {
        return given().config(io.restassured.RestAssured.config()
                        .jsonConfig(
                                JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)))
                .when()
                .get("/v1/municipalities/" + istat + "/overview")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    @TestSecurity(user = "admin", roles = "programme-admin")
    void theOverviewCountsEachWorkstreamWhateverTheOrderOfTopics() throws Exception {
        UUID need = UUID.randomUUID();
        UUID study = UUID.randomUUID();
        List<String> both = List.of(TREQUANDA, MONTALCINO);
        // Feasibility first: the study completes before the need it is about has even arrived.
        String feasibility = "ngs.feasibility.v1";
        send(
                feasibility,
                StudyRequested.TYPE,
                study,
                new StudyRequested(study, List.of(need), both, "Studio", List.of("MOBILITY"), null, AT));
        send(feasibility, StudyStarted.TYPE, study, new StudyStarted(study, List.of(need), both, "Open Impact", AT));
        send(
                feasibility,
                StudyCompleted.TYPE,
                study,
                new StudyCompleted(study, List.of(need), both, "FEASIBLE", new BigDecimal("1000.10"), "Studio", AT));
        UUID funded = UUID.randomUUID();
        send(
                feasibility,
                FundingSourceAdded.TYPE,
                study,
                new FundingSourceAdded(study, funded, "PNRR", "M2C2", new BigDecimal("500.05"), "APPLIED", both, AT));
        send(
                feasibility,
                FundingSourceChanged.TYPE,
                study,
                new FundingSourceChanged(
                        study, funded, "PNRR", "M2C2", new BigDecimal("500.05"), "AWARDED", "APPLIED", both, AT));
        send(
                feasibility,
                FundingSourceAdded.TYPE,
                study,
                new FundingSourceAdded(
                        study, UUID.randomUUID(), "PRIVATE", null, new BigDecimal("0.10"), "IDENTIFIED", both, AT));
        // Participation: a need of Trequanda, delivered twice, reviewed, endorsed by Montalcino, area-wide.
        String participation = "ngs.participation.v1";
        String submittedId = UUID.randomUUID().toString();
        var submitted = new NeedSubmitted(need, "Navetta", "MOBILITY", List.of(TREQUANDA), "ONLINE", AT);
        send(participation, submittedId, NeedSubmitted.TYPE, need, submitted);
        send(participation, submittedId, NeedSubmitted.TYPE, need, submitted);
        send(
                participation,
                NeedStatusChanged.TYPE,
                need,
                new NeedStatusChanged(need, "SUBMITTED", "UNDER_REVIEW", List.of(TREQUANDA), null, AT, null));
        send(
                participation,
                NeedEndorsed.TYPE,
                need,
                new NeedEndorsed(need, MONTALCINO, List.of(TREQUANDA), List.of(MONTALCINO), AT));
        send(
                participation,
                NeedBecameAreaWide.TYPE,
                need,
                new NeedBecameAreaWide(need, List.of(TREQUANDA), List.of(MONTALCINO), 1, AT));
        // Another need of Trequanda was area-wide until an endorsement was withdrawn: not counted as area-wide.
        UUID once = UUID.randomUUID();
        send(
                participation,
                NeedBecameAreaWide.TYPE,
                once,
                new NeedBecameAreaWide(once, List.of(TREQUANDA), List.of(MONTALCINO), 2, AT));
        send(
                participation,
                it.ngsiena.contracts.participation.NeedAreaWideEnded.TYPE,
                once,
                new it.ngsiena.contracts.participation.NeedAreaWideEnded(once, List.of(TREQUANDA), List.of(), 2, AT));
        // Training: two people of Trequanda enrolled, one session held with them, one certificate.
        String training = "ngs.training.v1";
        UUID session = UUID.randomUUID();
        UUID course = UUID.randomUUID();
        UUID person = UUID.randomUUID();
        send(
                training,
                ParticipantEnrolled.TYPE,
                session,
                new ParticipantEnrolled(
                        UUID.randomUUID(), session, course, person, TREQUANDA, "EMPLOYEE", "ENROLLED", false, AT));
        send(
                training,
                ParticipantEnrolled.TYPE,
                session,
                new ParticipantEnrolled(
                        UUID.randomUUID(),
                        session,
                        course,
                        UUID.randomUUID(),
                        TREQUANDA,
                        "ADMINISTRATOR",
                        "ENROLLED",
                        false,
                        AT));
        send(
                training,
                SessionHeld.TYPE,
                session,
                new SessionHeld(
                        session,
                        course,
                        "IN_PERSON_DAY",
                        new BigDecimal("4"),
                        List.of(new SessionHeld.MunicipalityAttendance(TREQUANDA, 2, new BigDecimal("7.5"))),
                        AT));
        send(
                training,
                CertificateIssued.TYPE,
                UUID.randomUUID(),
                new CertificateIssued(UUID.randomUUID(), course, person, TREQUANDA, new BigDecimal("4"), AT));
        // Comms: one announcement published, another published then archived.
        String comms = "ngs.comms.v1";
        UUID shown = UUID.randomUUID();
        UUID gone = UUID.randomUUID();
        send(
                comms,
                AnnouncementPublished.TYPE,
                shown,
                new AnnouncementPublished(
                        shown, "Navetta", null, "it", "PUBLIC", List.of(), List.of(TREQUANDA), List.of(), AT));
        send(
                comms,
                AnnouncementPublished.TYPE,
                gone,
                new AnnouncementPublished(
                        gone, "Vecchio", null, "it", "PUBLIC", List.of(), List.of(TREQUANDA), List.of(), AT));
        send(comms, AnnouncementArchived.TYPE, gone, new AnnouncementArchived(gone, "PUBLIC", List.of(TREQUANDA), AT));
        UUID aboutStudy = UUID.randomUUID();
        send(
                comms,
                AnnouncementPublished.TYPE,
                aboutStudy,
                new AnnouncementPublished(
                        aboutStudy,
                        "Studio completato",
                        null,
                        "it",
                        "PUBLIC",
                        List.of(),
                        List.of(),
                        List.of(new it.ngsiena.contracts.comms.ItemReference("STUDY", study.toString())),
                        AT));

        awaitAllStored();
        JsonPath o = overview(TREQUANDA);
        assertThat(o.getString("name")).isEqualTo("Trequanda");
        assertThat(o.getLong("comms.announcements")).isEqualTo(1);
        assertThat(o.getLong("training.certificates")).isEqualTo(1);
        assertThat(o.getLong("participation.areaWideNeeds")).isEqualTo(1);
        assertThat(o.<BigDecimal>get("feasibility.fundingIdentifiedEur")).isEqualByComparingTo("500.15");
        assertThat(o.getLong("training.peopleEnrolled")).isEqualTo(2);
        assertThat(o.getLong("training.peopleEnrolledByRole.EMPLOYEE")).isEqualTo(1);
        assertThat(o.getLong("training.peopleEnrolledByRole.ADMINISTRATOR")).isEqualTo(1);
        assertThat(o.getLong("training.attendances")).isEqualTo(2);
        assertThat(o.<BigDecimal>get("training.hours")).isEqualByComparingTo("7.5");
        assertThat(o.getLong("training.sessionsAttended")).isEqualTo(1);
        assertThat(o.getLong("participation.needs")).isEqualTo(1);
        assertThat(o.getLong("participation.needsByStatus.UNDER_REVIEW")).isEqualTo(1);
        assertThat(o.getLong("participation.endorsementsReceived")).isEqualTo(1);
        assertThat(o.getLong("feasibility.studiesByStatus.COMPLETED")).isEqualTo(1);
        assertThat(o.getLong("feasibility.studiesByVerdict.FEASIBLE")).isEqualTo(1);
        assertThat(o.<BigDecimal>get("feasibility.feasibleEstimatedCostEur")).isEqualByComparingTo("1000.10");
        assertThat(o.<BigDecimal>get("feasibility.fundingAwardedEur")).isEqualByComparingTo("500.05");
        assertThat(o.getString("lastActivity")).startsWith("2022-10-05T10:00");

        JsonPath montalcino = overview(MONTALCINO);
        assertThat(montalcino.getLong("participation.endorsementsGiven")).isEqualTo(1);
        assertThat(montalcino.getLong("participation.needs")).isZero();
        assertThat(montalcino.getLong("feasibility.studies")).isEqualTo(1);
        assertThat(montalcino.getLong("training.certificates")).isZero();

        JsonPath all = given().when()
                .get("/v1/municipalities")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(all.getList("items.istat")).hasSizeGreaterThan(30).contains(TREQUANDA, MONTALCINO);
        assertThat(all.getBoolean("items.find { it.istat == '" + TREQUANDA + "' }.activeIn.training"))
                .isTrue();
        assertThat(all.getBoolean("items.find { it.istat == '" + MONTALCINO + "' }.activeIn.training"))
                .isFalse();
        given().when()
                .get("/v1/municipalities/999999/overview")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");

        // The need's trace: its state, the study that arrived first, its funding, the announcement about the study.
        JsonPath trace = given().when()
                .get("/v1/needs/" + need + "/trace")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(trace.getString("need.status")).isEqualTo("UNDER_REVIEW");
        assertThat(trace.getString("need.title")).isEqualTo("Navetta");
        assertThat(trace.getList("studies")).hasSize(1);
        assertThat(trace.getString("studies[0].status")).isEqualTo("COMPLETED");
        assertThat(trace.getString("studies[0].verdict")).isEqualTo("FEASIBLE");
        assertThat(trace.getList("studies[0].funding")).hasSize(2);
        assertThat(trace.getString("studies[0].funding.find { it.fundingSourceId == '" + funded + "' }.status"))
                .isEqualTo("AWARDED");
        assertThat(trace.getList("announcements.title")).containsExactly("Studio completato");
        // 4 need events (the duplicate stored once), 6 study and funding events, 1 announcement.
        assertThat(trace.getList("timeline")).hasSize(11);
        given().when().get("/v1/needs/" + UUID.randomUUID() + "/trace").then().statusCode(404);

        // Open data: the CSV read back with a CSV library, and the same figures as JSON.
        String csv = given().when()
                .get("/v1/open-data/municipalities.csv")
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .extract()
                .asString();
        try (var parser = org.apache.commons.csv.CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new java.io.StringReader(csv))) {
            assertThat(parser.getHeaderNames())
                    .startsWith("istat_code", "name", "people_enrolled")
                    .contains("feasible_estimated_cost_eur", "announcements")
                    .doesNotContain("email");
            var records = parser.getRecords();
            assertThat(records).hasSizeGreaterThan(30);
            var trequanda = records.stream()
                    .filter(r -> r.get("istat_code").equals(TREQUANDA))
                    .findFirst()
                    .orElseThrow();
            assertThat(trequanda.get("name")).isEqualTo("Trequanda");
            assertThat(trequanda.get("certificates")).isEqualTo("1");
            assertThat(new BigDecimal(trequanda.get("funding_awarded_eur"))).isEqualByComparingTo("500.05");
        }
        given().when()
                .get("/v1/open-data/municipalities.json")
                .then()
                .statusCode(200)
                .body(
                        "items.find { it.istat_code == '" + TREQUANDA + "' }.studies_feasible",
                        org.hamcrest.Matchers.equalTo("1"));
    }

    @Test
    void theKpisArePublicCacheableAndAnswer304WhenUnchanged() {
        var first = given().when()
                .get("/v1/programme/kpis")
                .then()
                .statusCode(200)
                .header("Cache-Control", org.hamcrest.Matchers.containsString("max-age=60"))
                .extract();
        String etag = first.header("ETag");
        assertThat(etag).isNotBlank();
        given().header("If-None-Match", etag)
                .when()
                .get("/v1/programme/kpis")
                .then()
                .statusCode(304);
        UUID need = UUID.randomUUID();
        send(
                "ngs.participation.v1",
                NeedSubmitted.TYPE,
                need,
                new NeedSubmitted(need, "Nuovo", "MOBILITY", List.of("052035"), "ONLINE", AT));
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> given().header("If-None-Match", etag)
                        .when()
                        .get("/v1/programme/kpis")
                        .then()
                        .statusCode(200));
        JsonPath kpis = given().when()
                .get("/v1/programme/kpis")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(kpis.getLong("workstreams.participation.events")).isPositive();
        assertThat(kpis.getLong("workstreams.participation.perMonth.'2022-10'")).isPositive();
        assertThat(kpis.getLong("activeMunicipalities.participation")).isPositive();
    }
}
