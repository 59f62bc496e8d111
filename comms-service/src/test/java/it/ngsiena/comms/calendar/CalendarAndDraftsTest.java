package it.ngsiena.comms.calendar;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import it.ngsiena.comms.announcement.Announcement;
import it.ngsiena.comms.announcement.AnnouncementStatus;
import it.ngsiena.contracts.comms.AnnouncementDrafted;
import it.ngsiena.contracts.feasibility.StudyCompleted;
import it.ngsiena.contracts.participation.WorkshopHeld;
import it.ngsiena.contracts.participation.WorkshopPlanned;
import it.ngsiena.contracts.training.SessionCancelled;
import it.ngsiena.contracts.training.SessionHeld;
import it.ngsiena.contracts.training.SessionRescheduled;
import it.ngsiena.contracts.training.SessionScheduled;
import it.ngsiena.kernel.events.EventCodec;
import it.ngsiena.testkit.MailServerResource;
import it.ngsiena.testkit.OutboxProbe;
import it.ngsiena.testkit.PlatformTestResource;
import it.ngsiena.testkit.TopicProbe;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The other workstreams' events, sent on the real broker, fill the calendar and the editors' drafts. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(MailServerResource.class)
class CalendarAndDraftsTest {

    @ConfigProperty(name = "ngs.events.bootstrap-servers")
    String bootstrap;

    private void send(String topic, String source, String eventId, String type, UUID subject, Object payload) {
        send(topic, source, eventId, type, subject, payload, OffsetDateTime.now(ZoneOffset.UTC));
    }

    private void send(
            String topic,
            String source,
            String eventId,
            String type,
            UUID subject,
            Object payload,
            OffsetDateTime time) {
        byte[] value =
                EventCodec.encode(eventId, source, type, subject.toString(), time, EventCodec.payloadJson(payload));
        new TopicProbe(bootstrap).send(topic, subject.toString(), value);
    }

    private void training(String type, UUID session, Object payload) {
        send("ngs.training.v1", "/training-service", UUID.randomUUID().toString(), type, session, payload);
    }

    /** The drafts about an item in one language ({@code it} or {@code en}). */
    private static List<Announcement> draftsAbout(String id, String language) {
        return draftsAbout(id).stream().filter(a -> a.language.equals(language)).toList();
    }

    private static List<Announcement> draftsAbout(String id) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Announcement.<Announcement>list("status = ?1", AnnouncementStatus.DRAFT).stream()
                        .filter(a -> a.references.stream().anyMatch(r -> r.id().equals(id)))
                        .toList());
    }

    private static List<VEvent> events(String ics, String uid) throws Exception {
        var calendar = new CalendarBuilder().build(new StringReader(ics));
        return calendar.<VEvent>getComponents(Component.VEVENT).stream()
                .filter(e -> e.getUid().map(u -> u.getValue().equals(uid)).orElse(false))
                .toList();
    }

    @Test
    void sessionsAndWorkshopsFillTheCalendarThatCalendarClientsRead() throws Exception {
        UUID session = UUID.randomUUID();
        UUID course = UUID.randomUUID();
        OffsetDateTime start = OffsetDateTime.parse("2022-10-06T09:30:00+02:00");
        training(
                SessionScheduled.TYPE,
                session,
                new SessionScheduled(
                        session,
                        course,
                        "Laboratorio: governance di area",
                        "CAPACITY_LAB",
                        start,
                        start.plusHours(4),
                        "Sala, Siena",
                        30,
                        start.minusDays(30)));
        training(
                SessionRescheduled.TYPE,
                session,
                new SessionRescheduled(
                        session,
                        course,
                        start.plusDays(7),
                        start.plusDays(7).plusHours(4),
                        "Sala, Siena",
                        1,
                        start.minusDays(20)));
        training(
                SessionCancelled.TYPE,
                session,
                new SessionCancelled(session, course, "Docente indisponibile", 2, start.minusDays(10)));
        UUID workshop = UUID.randomUUID();
        send(
                "ngs.participation.v1",
                "/participation-service",
                UUID.randomUUID().toString(),
                WorkshopPlanned.TYPE,
                workshop,
                new WorkshopPlanned(
                        workshop,
                        "Laboratorio partecipativo, Chiusi",
                        start,
                        start.plusHours(3),
                        "Chiusi; sala civica",
                        List.of("052011"),
                        0));

        String sessionUid = CalendarEntry.uidOf(CalendarEntry.SESSION, session);
        String workshopUid = CalendarEntry.uidOf(CalendarEntry.WORKSHOP, workshop);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> {
                    CalendarEntry s = CalendarEntry.findById(sessionUid);
                    return s != null && "CANCELLED".equals(s.status) && CalendarEntry.findById(workshopUid) != null;
                }));

        String ics = given().when()
                .get("/v1/comms/calendar.ics")
                .then()
                .statusCode(200)
                .contentType("text/calendar")
                .extract()
                .asString();
        assertThat(ics).contains("\r\n").doesNotContain("\n\n");
        assertThat(ics.split("\r\n"))
                .allSatisfy(line -> assertThat(line.getBytes("UTF-8").length).isLessThanOrEqualTo(75));
        VEvent cancelled = events(ics, sessionUid).get(0);
        assertThat(cancelled.getStatus().getValue()).isEqualTo("CANCELLED");
        assertThat(cancelled.getSequence().getSequenceNo()).isEqualTo(2);
        assertThat(cancelled
                        .getDateTimeStart()
                        .getParameter("TZID")
                        .orElseThrow()
                        .getValue())
                .isEqualTo("Europe/Rome");
        assertThat(cancelled.getDateTimeStart().getValue()).isEqualTo("20221013T093000");
        VEvent planned = events(ics, workshopUid).get(0);
        assertThat(planned.getStatus().getValue()).isEqualTo("CONFIRMED");
        assertThat(planned.getSequence().getSequenceNo()).isZero();
        assertThat(planned.getLocation().getValue()).isEqualTo("Chiusi; sala civica");

        // Filter by municipality: the Chiusi workshop and the programme-wide session, nothing for Siena's workshop.
        List<String> chiusi = given().queryParam("municipality", "052011")
                .when()
                .get("/v1/comms/calendar")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.uid");
        assertThat(chiusi).contains(workshopUid, sessionUid);
        List<String> siena = given().queryParam("municipality", "052032")
                .when()
                .get("/v1/comms/calendar")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.uid");
        assertThat(siena).contains(sessionUid).doesNotContain(workshopUid);
        given().queryParam("from", "yesterday")
                .when()
                .get("/v1/comms/calendar")
                .then()
                .statusCode(400);
        // The scheduled session got a draft for the editors, in Italian and in English.
        assertThat(draftsAbout(session.toString(), "it"))
                .singleElement()
                .satisfies(a -> assertThat(a.title).isEqualTo("In programma: Laboratorio: governance di area"));
        assertThat(draftsAbout(session.toString(), "en"))
                .singleElement()
                .satisfies(a -> assertThat(a.title).isEqualTo("Coming up: Laboratorio: governance di area"));
    }

    @Test
    @io.quarkus.test.security.TestSecurity(user = "ananse", roles = "comms-partner")
    void eachSourceEventMakesOneDraftInEachLanguageHoweverOftenItArrives() {
        UUID study = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        var completed = new StudyCompleted(
                study,
                List.of(UUID.randomUUID()),
                List.of("052032"),
                "FEASIBLE_WITH_CONDITIONS",
                new BigDecimal("185000.50"),
                "Sportello digitale",
                OffsetDateTime.parse("2022-10-05T10:00:00Z"));
        // a study completed in 2022 and recorded now: its draft is dated with it
        OffsetDateTime completedAt = OffsetDateTime.parse("2022-10-05T10:00:00Z");
        send("ngs.feasibility.v1", "/feasibility-service", eventId, StudyCompleted.TYPE, study, completed, completedAt);
        send("ngs.feasibility.v1", "/feasibility-service", eventId, StudyCompleted.TYPE, study, completed, completedAt);
        UUID workshop = UUID.randomUUID();
        send(
                "ngs.participation.v1",
                "/participation-service",
                UUID.randomUUID().toString(),
                WorkshopHeld.TYPE,
                workshop,
                new WorkshopHeld(
                        workshop, "Laboratorio di Montepulciano", List.of("052015"), 24, OffsetDateTime.now()));
        UUID session = UUID.randomUUID();
        training(
                SessionHeld.TYPE,
                session,
                new SessionHeld(
                        session,
                        UUID.randomUUID(),
                        "ONLINE_SEMINAR",
                        new BigDecimal("2.00"),
                        List.of(new SessionHeld.MunicipalityAttendance("052032", 3, new BigDecimal("6"))),
                        OffsetDateTime.now()));
        // The session event is the last one sent: once its draft exists, the duplicates were consumed too.
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> !draftsAbout(session.toString()).isEmpty());

        // One Italian draft and its English translation per source event, however often it arrived.
        assertThat(draftsAbout(study.toString())).hasSize(2);
        Announcement italian = draftsAbout(study.toString(), "it").get(0);
        assertThat(italian.sourceEventId).isEqualTo(eventId);
        assertThat(italian.body).contains("fattibile a condizioni").contains("185.000,50");
        assertThat(italian.municipalities).containsExactly("052032");
        assertThat(italian.translationOf).isNull();
        assertThat(draftsAbout(study.toString(), "en")).singleElement().satisfies(a -> {
            assertThat(a.translationOf).isEqualTo(italian.id);
            assertThat(a.title).isEqualTo("Study completed: Sportello digitale");
            assertThat(a.body).contains("feasible with conditions").contains("€185,000.50");
        });
        assertThat(draftsAbout(workshop.toString(), "it"))
                .singleElement()
                .satisfies(a -> assertThat(a.body).contains("24 partecipanti"));
        assertThat(draftsAbout(workshop.toString(), "en"))
                .singleElement()
                .satisfies(a -> assertThat(a.body).contains("with 24 participants"));
        assertThat(draftsAbout(session.toString(), "it"))
                .singleElement()
                .satisfies(a -> assertThat(a.body).contains("3 partecipanti da 1 comuni"));
        assertThat(draftsAbout(session.toString(), "en"))
                .singleElement()
                .satisfies(a -> assertThat(a.body).startsWith("*A training session* was held: 2 hours"));
        // the editors find the translation from the original
        given().queryParam("translationOf", italian.id.toString())
                .when()
                .get("/v1/comms/announcements")
                .then()
                .statusCode(200)
                .body("items.language", org.hamcrest.Matchers.contains("en"));
        UUID draft = italian.id;
        assertThat(OutboxProbe.events(draft, AnnouncementDrafted.TYPE))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.data().get("sourceEventId").asText()).isEqualTo(eventId);
                    assertThat(e.time()).isAtSameInstantAs(completedAt);
                });
    }
}
