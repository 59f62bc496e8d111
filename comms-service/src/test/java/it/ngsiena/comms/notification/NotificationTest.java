package it.ngsiena.comms.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import it.ngsiena.contracts.feasibility.StudyStarted;
import it.ngsiena.contracts.participation.NeedPrioritised;
import it.ngsiena.contracts.training.AttendanceRecorded;
import it.ngsiena.contracts.training.EnrolmentWithdrawn;
import it.ngsiena.contracts.training.ParticipantEnrolled;
import it.ngsiena.contracts.training.SessionCancelled;
import it.ngsiena.contracts.training.SessionHeld;
import it.ngsiena.contracts.training.SessionRescheduled;
import it.ngsiena.contracts.training.SessionScheduled;
import it.ngsiena.kernel.events.EventCodec;
import it.ngsiena.testkit.ImapMailbox;
import it.ngsiena.testkit.MailServerResource;
import it.ngsiena.testkit.PlatformTestResource;
import it.ngsiena.testkit.TopicProbe;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Events sent on the real broker become inbox items for the people the rules name, never for anyone the event's
 * visibility keeps it from; the inbox API shows each person their own.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(MailServerResource.class)
class NotificationTest {

    private static final String SIENA = "052032";
    private static final String MONTEPULCIANO = "052015";
    private static final String CHIUSI = "052011";

    @ConfigProperty(name = "ngs.events.bootstrap-servers")
    String bootstrap;

    private String send(String topic, String source, String type, UUID subject, Object payload) {
        String eventId = UUID.randomUUID().toString();
        sendAgain(topic, source, type, subject, payload, eventId);
        return eventId;
    }

    private void sendAgain(String topic, String source, String type, UUID subject, Object payload, String eventId) {
        byte[] value = EventCodec.encode(
                eventId,
                source,
                type,
                subject.toString(),
                OffsetDateTime.now(ZoneOffset.UTC),
                EventCodec.payloadJson(payload));
        new TopicProbe(bootstrap).send(topic, subject.toString(), value);
    }

    /** A Montepulciano participant enrolled in the session: personal data, for that municipality. */
    private String enrolInMontepulciano(UUID session) {
        return send(
                "ngs.training.v1",
                "/training-service",
                ParticipantEnrolled.TYPE,
                session,
                new ParticipantEnrolled(
                        UUID.randomUUID(),
                        session,
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        MONTEPULCIANO,
                        "EMPLOYEE",
                        "ENROLLED",
                        false,
                        OffsetDateTime.now(ZoneOffset.UTC)));
    }

    private static List<String> toldOf(String eventId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Notification.<Notification>list("eventId = ?1", eventId).stream()
                        .map(n -> n.recipient)
                        .sorted()
                        .toList());
    }

    private static List<String> awaitTold(String eventId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !toldOf(eventId).isEmpty());
        return toldOf(eventId);
    }

    @Test
    void eachEventTellsThePeopleItsRuleNamesAndItsVisibilityAllows() throws Exception {
        UUID need = UUID.randomUUID();
        String title = "Sportello digitale " + need.toString().substring(0, 8); // no other test's mail has it
        NeedPrioritised prioritised = new NeedPrioritised(
                need,
                title,
                "DIGITAL_TRANSITION",
                List.of(SIENA),
                "Richiesto da tre comuni",
                OffsetDateTime.now(ZoneOffset.UTC));
        String event = send("ngs.participation.v1", "/participation-service", NeedPrioritised.TYPE, need, prioritised);
        assertThat(awaitTold(event)).as("Siena's officer only").containsExactly("officer-siena");
        Notification told = QuarkusTransaction.requiringNew()
                .call(() ->
                        Notification.<Notification>find("eventId = ?1", event).firstResult());
        assertThat(told.titleIt).isEqualTo("Bisogno prioritario: «" + title + "»");
        assertThat(told.titleEn).isEqualTo("Need prioritised: «" + title + "»");
        assertThat(told.category).isEqualTo(Category.NEEDS);
        ImapMailbox.Mail mail = awaitOneMail("officer-siena@demo.ngsiena.invalid", title);
        assertThat(mail.subject()).isEqualTo("Next Generation Siena: Bisogno prioritario: «" + title + "»");
        assertThat(mail.text())
                .contains("Buongiorno officer-siena")
                .contains("Bisogno prioritario: «" + title + "»")
                .contains("/v1/notifications/preferences");
        assertThat(mail.header("Message-ID"))
                .as("one Message-ID, the queue's own (a mail sent again after a crash has the same)")
                .singleElement()
                .asString()
                .endsWith("@ngsiena.example.org>");

        // delivered again: nobody is told twice
        sendAgain("ngs.participation.v1", "/participation-service", NeedPrioritised.TYPE, need, prioritised, event);
        UUID study = UUID.randomUUID();
        String started = send(
                "ngs.feasibility.v1",
                "/feasibility-service",
                StudyStarted.TYPE,
                study,
                new StudyStarted(study, List.of(need), List.of(SIENA), "Open Impact", OffsetDateTime.now()));
        assertThat(awaitTold(started)).containsExactly("officer-siena");
        assertThat(toldOf(event)).as("the redelivered event told nobody again").hasSize(1);
        assertThat(mailsTo("officer-siena@demo.ngsiena.invalid", title))
                .as("nor mailed anybody again")
                .hasSize(1);
        assertThat(mailsTo("officer-montepulciano@demo.ngsiena.invalid", title)).isEmpty();

        // personal data: the participant's municipality and the training partner, nobody else
        UUID session = UUID.randomUUID();
        String enrolled = enrolInMontepulciano(session);
        assertThat(awaitTold(enrolled)).containsExactly("euronike", "officer-montepulciano");
    }

    @Test
    void theRulesNeverNameSomeoneTheVisibilityKeepsOut() {
        // a rule naming the feasibility partner for a PERSONAL training event would be refused by the readers
        var rule = new NotificationRules.Rule(
                Category.TRAINING, List.of(NotificationRules.Told.FEASIBILITY_PARTNER), "%s", "%s");
        var data = new com.fasterxml.jackson.databind.ObjectMapper()
                .createObjectNode()
                .put("municipality", SIENA);
        var toTell = NotificationRules.toTell(rule, ParticipantEnrolled.TYPE, data);
        var readers = it.ngsiena.kernel.events.EventReaders.readers(ParticipantEnrolled.TYPE, data);
        assertThat(TestDirectory.PEOPLE.stream()
                        .filter(p -> NotificationRules.isFor(p.grants(), toTell, readers))
                        .toList())
                .as("the feasibility partner may not read a participant's enrolment")
                .isEmpty();
        var siena = new NotificationRules.Rule(
                Category.TRAINING, List.of(NotificationRules.Told.OFFICERS_NAMED), "%s", "%s");
        assertThat(TestDirectory.PEOPLE.stream()
                        .filter(p -> NotificationRules.isFor(
                                p.grants(), NotificationRules.toTell(siena, ParticipantEnrolled.TYPE, data), readers))
                        .map(p -> p.subject())
                        .toList())
                .as("the same check lets Siena's officer read it")
                .containsExactly("officer-siena");
    }

    @Test
    @TestSecurity(user = "officer-siena", roles = "municipality-officer")
    void theInboxShowsTheCallerTheirOwnAndMarksThemRead() {
        UUID mine = UUID.randomUUID();
        UUID theirs = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            Notification.delete("recipient = ?1", "officer-siena");
            store(mine, "officer-siena");
            store(UUID.randomUUID(), "officer-siena");
            store(theirs, "officer-montepulciano");
        });
        given().when()
                .get("/v1/notifications")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(2))
                .body("total", equalTo(2));
        given().when()
                .get("/v1/notifications/unread-count")
                .then()
                .statusCode(200)
                .body("unread", equalTo(2));
        given().when()
                .post("/v1/notifications/" + mine + "/read")
                .then()
                .statusCode(200)
                .body("id", equalTo(mine.toString()));
        given().when().get("/v1/notifications/unread-count").then().body("unread", equalTo(1));
        given().queryParam("unread", true)
                .when()
                .get("/v1/notifications")
                .then()
                .body("items.size()", equalTo(1));
        given().when()
                .post("/v1/notifications/" + theirs + "/read")
                .then()
                .statusCode(404); // another person's notification is not there for this caller
        given().when().post("/v1/notifications/read-all").then().statusCode(200).body("marked", equalTo(1));
        given().when().get("/v1/notifications/unread-count").then().body("unread", equalTo(0));
    }

    @Test
    @TestSecurity(user = "officer-montepulciano", roles = "municipality-officer")
    void aPersonChoosesTheirLanguageAndWhichCategoriesAreMailed() throws Exception {
        given().when()
                .get("/v1/notifications/preferences")
                .then()
                .statusCode(200)
                .body("language", equalTo("it"))
                .body("modes.TRAINING", equalTo("IMMEDIATE"));
        given().contentType("application/json")
                .body("{\"language\":\"en\",\"modes\":{\"TRAINING\":\"OFF\"}}")
                .when()
                .put("/v1/notifications/preferences")
                .then()
                .statusCode(200)
                .body("language", equalTo("en"))
                .body("modes.TRAINING", equalTo("OFF"))
                .body("modes.NEEDS", equalTo("IMMEDIATE"));
        given().contentType("application/json")
                .body("{\"language\":\"fr\"}")
                .when()
                .put("/v1/notifications/preferences")
                .then()
                .statusCode(400);

        // TRAINING off: the enrolment is in the inbox, and no mail comes
        UUID session = UUID.randomUUID();
        String enrolled = enrolInMontepulciano(session);
        assertThat(awaitTold(enrolled)).contains("officer-montepulciano");
        // NEEDS still at once, now in English
        UUID need = UUID.randomUUID();
        String title = "Trasporto a chiamata " + need.toString().substring(0, 8);
        send(
                "ngs.participation.v1",
                "/participation-service",
                NeedPrioritised.TYPE,
                need,
                new NeedPrioritised(
                        need, title, "MOBILITY", List.of(MONTEPULCIANO), "Prova", OffsetDateTime.now(ZoneOffset.UTC)));
        ImapMailbox.Mail mail = awaitOneMail("officer-montepulciano@demo.ngsiena.invalid", title);
        assertThat(mail.subject()).isEqualTo("Next Generation Siena: Need prioritised: «" + title + "»");
        assertThat(mail.text()).contains("Hello officer-montepulciano");
        assertThat(mailsTo("officer-montepulciano@demo.ngsiena.invalid", session.toString()))
                .as("the training category is off: no mail of the enrolment")
                .isEmpty();
        QuarkusTransaction.requiringNew()
                .run(() -> io.quarkus.hibernate.orm.panache.Panache.getEntityManager()
                        .createNativeQuery("delete from notification_preference")
                        .executeUpdate());
    }

    /** The person's mails about something (in the subject), read over IMAP as their mail program would. */
    private static List<ImapMailbox.Mail> mailsTo(String email, String about) throws Exception {
        return ImapMailbox.read(MailServerResource.imapPort(), email).stream()
                .filter(m -> m.subject().contains(about))
                .toList();
    }

    private static ImapMailbox.Mail awaitOneMail(String email, String about) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> mailsTo(email, about), m -> !m.isEmpty())
                .get(0);
    }

    @Inject
    DailyDigest digest;

    private String prioritiseInChiusi(String title) {
        UUID need = UUID.randomUUID();
        return send(
                "ngs.participation.v1",
                "/participation-service",
                NeedPrioritised.TYPE,
                need,
                new NeedPrioritised(
                        need, title, "MOBILITY", List.of(CHIUSI), "Prova", OffsetDateTime.now(ZoneOffset.UTC)));
    }

    @Test
    @TestSecurity(user = "officer-chiusi", roles = "municipality-officer")
    void withTheDailyDigestFiveNotificationsMakeOneMailAtTheHour() throws Exception {
        String chiusi = "officer-chiusi@demo.ngsiena.invalid";
        given().contentType("application/json")
                .body("{\"language\":\"it\",\"modes\":{\"NEEDS\":\"DAILY\"}}")
                .when()
                .put("/v1/notifications/preferences")
                .then()
                .statusCode(200)
                .body("modes.NEEDS", equalTo("DAILY"));
        String day = "Riepilogo " + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 1; i <= 5; i++) {
            assertThat(awaitTold(prioritiseInChiusi(day + " n. " + i))).containsExactly("officer-chiusi");
        }
        Thread.sleep(1000); // time for mails, were any queued at once
        assertThat(mailsTo(chiusi, day)).as("DAILY: nothing at once").isEmpty();

        // the clock is the test's: a minute before the next digest hour nothing is due, at the hour one mail
        ZonedDateTime next = digest.cutoff(Instant.now()).plusDays(1);
        assertThat(digest.sendDue(next.minusMinutes(1).toInstant())).isZero();
        assertThat(digest.sendDue(next.toInstant())).isEqualTo(1);
        ImapMailbox.Mail mail = await().atMost(Duration.ofSeconds(30))
                .until(() -> mailsTo(chiusi, "notifiche del"), m -> !m.isEmpty())
                .get(0);
        assertThat(mail.subject())
                .isEqualTo("Next Generation Siena: 5 notifiche del "
                        + java.time.format.DateTimeFormatter.ofPattern("d/M/yyyy")
                                .format(next));
        String listed = mail.text();
        for (int i = 1; i <= 5; i++) {
            assertThat(listed).contains("Bisogno prioritario: «" + day + " n. " + i + "»");
        }
        assertThat(listed.lines().filter(l -> l.startsWith("- "))).hasSize(5);
        assertThat(digest.sendDue(next.toInstant())).as("once a day").isZero();
        assertThat(digest.sendDue(next.plusDays(1).toInstant()))
                .as("nothing new, no mail")
                .isZero();

        // OFF: in the inbox, in no mail and in no digest
        given().contentType("application/json")
                .body("{\"language\":\"it\",\"modes\":{\"NEEDS\":\"OFF\"}}")
                .when()
                .put("/v1/notifications/preferences")
                .then()
                .statusCode(200);
        String off = "Spento " + UUID.randomUUID().toString().substring(0, 8);
        assertThat(awaitTold(prioritiseInChiusi(off))).containsExactly("officer-chiusi");
        assertThat(digest.sendDue(next.plusDays(2).toInstant())).isZero();
        Thread.sleep(1000);
        assertThat(mailsTo(chiusi, off)).isEmpty();
        assertThat(mailsTo(chiusi, "notifiche del")).hasSize(1);
        QuarkusTransaction.requiringNew()
                .run(() -> io.quarkus.hibernate.orm.panache.Panache.getEntityManager()
                        .createNativeQuery("delete from notification_preference where recipient = 'officer-chiusi'")
                        .executeUpdate());
    }

    @Test
    void aSessionMovedOrCancelledTellsTheOfficersWhoseStaffIsInItByItsTitle() {
        UUID session = UUID.randomUUID();
        UUID course = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String title = "Laboratorio PNRR " + session.toString().substring(0, 8);
        send(
                "ngs.training.v1",
                "/training-service",
                SessionScheduled.TYPE,
                session,
                new SessionScheduled(
                        session,
                        course,
                        title,
                        "CAPACITY_LAB",
                        now.plusDays(30),
                        now.plusDays(30).plusHours(3),
                        "Siena",
                        20,
                        now));
        UUID sienaSeat = UUID.randomUUID();
        UUID montepulcianoSeat = UUID.randomUUID();
        for (Object[] e : new Object[][] {{sienaSeat, SIENA}, {montepulcianoSeat, MONTEPULCIANO}}) {
            send(
                    "ngs.training.v1",
                    "/training-service",
                    ParticipantEnrolled.TYPE,
                    session,
                    new ParticipantEnrolled(
                            (UUID) e[0],
                            session,
                            course,
                            UUID.randomUUID(),
                            (String) e[1],
                            "EMPLOYEE",
                            "ENROLLED",
                            false,
                            now));
        }
        // Montepulciano's person withdraws: their officer is no longer concerned by the session
        send(
                "ngs.training.v1",
                "/training-service",
                EnrolmentWithdrawn.TYPE,
                session,
                new EnrolmentWithdrawn(montepulcianoSeat, session, course, UUID.randomUUID(), MONTEPULCIANO, now));
        String moved = send(
                "ngs.training.v1",
                "/training-service",
                SessionRescheduled.TYPE,
                session,
                new SessionRescheduled(
                        session, course, now.plusDays(31), now.plusDays(31).plusHours(3), "Siena", 1, now));
        assertThat(awaitTold(moved)).containsExactly("officer-siena");
        String cancelled = send(
                "ngs.training.v1",
                "/training-service",
                SessionCancelled.TYPE,
                session,
                new SessionCancelled(session, course, "Aula non disponibile", 2, now));
        assertThat(awaitTold(cancelled)).containsExactly("officer-siena");
        Notification told = QuarkusTransaction.requiringNew()
                .call(() -> Notification.<Notification>find("eventId = ?1", cancelled)
                        .firstResult());
        assertThat(told.titleIt).isEqualTo("Sessione «" + title + "» annullata");
        assertThat(told.titleEn).isEqualTo("Session «" + title + "» cancelled");

        // attendance: the officers of the municipalities in its totals
        String attended = send(
                "ngs.training.v1",
                "/training-service",
                AttendanceRecorded.TYPE,
                session,
                new AttendanceRecorded(
                        session,
                        course,
                        List.of(new SessionHeld.MunicipalityAttendance(CHIUSI, 3, new java.math.BigDecimal("6"))),
                        now));
        assertThat(awaitTold(attended)).containsExactly("officer-chiusi");
    }

    @Test
    void anonymousCallersHaveNoInbox() {
        given().when().get("/v1/notifications").then().statusCode(401);
    }

    private static void store(UUID id, String recipient) {
        Notification n = new Notification();
        n.id = id;
        n.recipient = recipient;
        n.eventId = UUID.randomUUID().toString();
        n.eventType = NeedPrioritised.TYPE;
        n.category = Category.NEEDS;
        n.subjectId = UUID.randomUUID().toString();
        n.titleIt = "Bisogno prioritario: «Prova»";
        n.titleEn = "Need prioritised: «Prova»";
        n.occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
        n.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        n.persist();
    }
}
