package it.ngsiena.training.mail;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import it.ngsiena.contracts.training.ParticipantEnrolled;
import it.ngsiena.testkit.ImapMailbox;
import it.ngsiena.testkit.MailServerResource;
import it.ngsiena.testkit.OutboxProbe;
import it.ngsiena.testkit.PlatformTestResource;
import it.ngsiena.training.attendance.AttendanceTest;
import it.ngsiena.training.attendance.Certificate;
import it.ngsiena.training.enrolment.EnrolmentTest;
import it.ngsiena.training.participant.Participant;
import it.ngsiena.training.participant.ParticipantVisibilityTest;
import it.ngsiena.training.session.CourseAndSessionTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/**
 * Participants are mailed over real SMTP (GreenMail) about their enrolments; the calendar file of a mail is read
 * with ical4j, as a calendar program would; an unsubscribed or erased person receives nothing more.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(MailServerResource.class)
class ParticipantMailTest {

    private static final String SIENA = "052032";
    private static final String CHIUSI = "052011";
    /** A session to come (one already over is mailed about to nobody). */
    private static final String FUTURE = CourseAndSessionTest.ONLINE.replace("2022-03-24", "2032-03-24");
    /** Other tests list Siena's and Chiusi's participants expecting their names: an erased one lives here. */
    private static final String MONTALCINO = "052037";

    private static String enrol(String session, UUID participant, String status) {
        return EnrolmentTest.enrol(session, participant)
                .statusCode(201)
                .body("status", equalTo(status))
                .extract()
                .path("id");
    }

    private static String address(UUID participant) {
        return participant + "@comune.example.it";
    }

    /** The person's mails, read over IMAP as their mail program would. */
    private static List<ImapMailbox.Mail> mailsTo(UUID participant) throws Exception {
        return ImapMailbox.read(MailServerResource.imapPort(), address(participant));
    }

    private static List<ImapMailbox.Mail> awaitMails(UUID participant, int count) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(participant).size() >= count);
        return mailsTo(participant);
    }

    private static VEvent event(String calendar) throws Exception {
        Calendar parsed = new CalendarBuilder().build(new ByteArrayInputStream(calendar.getBytes()));
        List<VEvent> events = parsed.getComponents(Component.VEVENT);
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private static Instant start(VEvent e) {
        return Instant.from(e.getDateTimeStart().getDate());
    }

    private static Instant end(VEvent e) {
        return Instant.from(e.getDateTimeEnd().getDate());
    }

    private static String property(VEvent e, String name) {
        return e.getProperty(name).map(Property::getValue).orElse(null);
    }

    private static String link(String text, String path) {
        Matcher m =
                Pattern.compile("https?://\\S*" + Pattern.quote(path) + "\\S*").matcher(text);
        assertThat(m.find()).as("a link to " + path + " in:\n" + text).isTrue();
        return m.group();
    }

    @Test
    @TestSecurity(user = "euronike", roles = "training-partner")
    void aPromotionFromTheWaitingListIsMailedWithTheSessionForTheCalendar() throws Exception {
        String session = EnrolmentTest.sessionWithOneSeat(FUTURE);
        UUID first = ParticipantVisibilityTest.stored(SIENA);
        UUID second = ParticipantVisibilityTest.stored(CHIUSI);
        String seat = enrol(session, first, "ENROLLED");
        enrol(session, second, "WAITING");

        ImapMailbox.Mail confirmed = awaitMails(first, 1).get(0);
        assertThat(confirmed.subject())
                .startsWith("Next Generation Siena: Iscrizione confermata / Enrolment confirmed");
        assertThat(confirmed.text())
                .contains("Buongiorno Nome")
                .contains("la sua iscrizione è confermata")
                .contains("Hello Nome")
                .contains("mercoledì 24 marzo 2032, ore 10:00–12:00");
        assertThat(confirmed.calendar()).isNotNull();
        assertThat(confirmed.header("List-Unsubscribe"))
                .singleElement()
                .asString()
                .contains("/v1/training/mail/unsubscribe?token=");
        assertThat(confirmed.header("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        ImapMailbox.Mail waiting = awaitMails(second, 1).get(0);
        assertThat(waiting.text()).contains("lista d'attesa").contains("waiting list");
        assertThat(waiting.calendar())
                .as("a waiting place is no calendar entry")
                .isNull();

        given().when().delete("/v1/training/enrolments/" + seat).then().statusCode(200);

        List<ImapMailbox.Mail> toSecond = awaitMails(second, 2);
        ImapMailbox.Mail promoted = toSecond.get(1);
        assertThat(promoted.subject())
                .startsWith("Next Generation Siena: Si è liberato un posto: è iscritto/a / A seat became free");
        assertThat(promoted.text()).contains("lei era in lista d'attesa ed ora è iscritto/a");
        VEvent entry = event(promoted.calendar());
        assertThat(start(entry)).isEqualTo(Instant.parse("2032-03-24T09:00:00Z"));
        assertThat(end(entry)).isEqualTo(Instant.parse("2032-03-24T11:00:00Z"));
        assertThat(property(entry, Property.UID)).isEqualTo("training-session-" + session + "@ngsiena");
        assertThat(property(entry, Property.LOCATION)).isEqualTo("https://meet.example.org/kickoff");
        assertThat(property(entry, Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(OutboxProbe.events(UUID.fromString(session), ParticipantEnrolled.TYPE))
                .extracting(e -> e.data().get("status").asText() + ":"
                        + e.data().get("promotedFromWaitingList").asBoolean())
                .containsExactly("ENROLLED:false", "WAITING:false", "ENROLLED:true");
        Thread.sleep(1000); // time for a second mail, were one queued
        assertThat(mailsTo(second)).as("one mail per change").hasSize(2);
        assertThat(mailsTo(first)).as("the withdrawal itself is not mailed").hasSize(1);

        // moved: the seat holder gets the new times as an update of the same entry
        String moved = "{\"startsAt\":\"2032-03-31T15:00:00+02:00\",\"endsAt\":\"2032-03-31T17:30:00+02:00\","
                + "\"venue\":\"Siena, Palazzo Pubblico, Sala delle Lupe\"}";
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(moved)
                .when()
                .put("/v1/training/sessions/" + session + "/schedule")
                .then()
                .statusCode(200);
        ImapMailbox.Mail rescheduled = awaitMails(second, 3).get(2);
        assertThat(rescheduled.text())
                .contains("è stata spostata")
                .contains("mercoledì 31 marzo 2032, ore 15:00–17:30");
        VEvent update = event(rescheduled.calendar());
        assertThat(start(update)).isEqualTo(Instant.parse("2032-03-31T13:00:00Z"));
        assertThat(end(update)).isEqualTo(Instant.parse("2032-03-31T15:30:00Z"));
        assertThat(property(update, Property.UID)).isEqualTo(property(entry, Property.UID));
        assertThat(Integer.parseInt(property(update, Property.SEQUENCE)))
                .isGreaterThan(Integer.parseInt(property(entry, Property.SEQUENCE)));
        assertThat(property(update, Property.LOCATION)).isEqualTo("Siena, Palazzo Pubblico, Sala delle Lupe");

        // cancelled: the entry is cancelled in the calendar
        given().contentType(ContentType.JSON)
                .body("{\"reason\":\"Docente indisponibile\"}")
                .when()
                .post("/v1/training/sessions/" + session + "/cancel")
                .then()
                .statusCode(200);
        ImapMailbox.Mail cancelled = awaitMails(second, 4).get(3);
        assertThat(cancelled.text()).contains("è stata annullata").contains("Motivo: Docente indisponibile");
        assertThat(property(event(cancelled.calendar()), Property.STATUS)).isEqualTo("CANCELLED");
    }

    @Test
    @TestSecurity(user = "euronike", roles = "training-partner")
    void theCertificateIsMailedWithALinkThatVerifiesIt() throws Exception {
        String course = AttendanceTest.twoHourCourse();
        UUID person = ParticipantVisibilityTest.stored(SIENA);
        String session = AttendanceTest.heldSession(course, "2022-04-21", person);
        UUID certificate = UUID.fromString(AttendanceTest.push(session, AttendanceTest.line(person, "2"), 200)
                .getString("certificatesIssued[0]"));
        String code = QuarkusTransaction.requiringNew().call(() -> Certificate.<Certificate>findById(certificate).code);

        // the session was in 2022: its enrolment was mailed to nobody, the certificate it earned is
        ImapMailbox.Mail mail = awaitMails(person, 1).get(0);
        assertThat(mail.subject())
                .startsWith("Next Generation Siena: Attestato di partecipazione / Certificate of attendance");
        assertThat(mail.text()).contains("Codice dell'attestato: " + code).contains("2 ore di presenza");
        assertThat(mail.calendar()).isNull();
        Thread.sleep(1000);
        assertThat(mailsTo(person))
                .as("no mail about the enrolment in a session already over")
                .hasSize(1);
        String verify = link(mail.text(), "/v1/training/certificates/");
        assertThat(verify).endsWith("/v1/training/certificates/" + code);
        given().when()
                .get(URI.create(verify).getPath())
                .then()
                .statusCode(200)
                .body("code", equalTo(code))
                .body("participantInitials", equalTo("N. C."));
    }

    @Test
    @TestSecurity(user = "euronike", roles = "training-partner")
    void theUnsubscribeLinkAndTheErasureStopEveryMail() throws Exception {
        String session = given().contentType(ContentType.JSON)
                .body(FUTURE)
                .when()
                .post("/v1/training/courses/" + CourseAndSessionTest.course() + "/sessions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        UUID leaving = ParticipantVisibilityTest.stored(SIENA);
        UUID erased = ParticipantVisibilityTest.stored(MONTALCINO);
        UUID staying = ParticipantVisibilityTest.stored(SIENA);
        enrol(session, leaving, "ENROLLED");
        enrol(session, erased, "ENROLLED");
        enrol(session, staying, "ENROLLED");
        String unsubscribe = link(awaitMails(leaving, 1).get(0).text(), "/v1/training/mail/unsubscribe");
        awaitMails(erased, 1);
        awaitMails(staying, 1);

        // the link works without signing in; opening it again answers the same; an unknown token is a 404
        URI link = URI.create(unsubscribe);
        String since = given().when()
                .get(link.getPath() + "?" + link.getQuery())
                .then()
                .statusCode(200)
                .body("status", equalTo("UNSUBSCRIBED"))
                .extract()
                .path("since");
        given().when()
                .post(link.getPath() + "?" + link.getQuery())
                .then()
                .statusCode(200)
                .body("since", equalTo(since));
        given().when().get(link.getPath() + "?token=nope").then().statusCode(404);

        given().when().delete("/v1/training/participants/" + erased).then().statusCode(204);
        long kept = QuarkusTransaction.requiringNew().call(() -> (Long) Participant.getEntityManager()
                .createNativeQuery("select count(*) from mail_queue where recipient = ?1", Long.class)
                .setParameter(1, address(erased))
                .getSingleResult());
        assertThat(kept).as("the queue keeps no mail to an erased person").isZero();

        given().contentType(ContentType.JSON)
                .body("{\"reason\":\"Aula non disponibile\"}")
                .when()
                .post("/v1/training/sessions/" + session + "/cancel")
                .then()
                .statusCode(200);
        awaitMails(staying, 2);
        Thread.sleep(1000); // the same batch held any mail to the other two
        assertThat(mailsTo(leaving)).as("unsubscribed: nothing more").hasSize(1);
        assertThat(mailsTo(erased)).as("erased: nothing more").hasSize(1);
    }
}
