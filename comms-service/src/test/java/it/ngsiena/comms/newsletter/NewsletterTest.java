package it.ngsiena.comms.newsletter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import it.ngsiena.comms.announcement.AnnouncementStatus;
import it.ngsiena.comms.announcement.AnnouncementTest;
import it.ngsiena.comms.announcement.Audience;
import it.ngsiena.contracts.comms.NewsletterSent;
import it.ngsiena.contracts.comms.SubscriberConfirmed;
import it.ngsiena.contracts.comms.SubscriberUnsubscribed;
import it.ngsiena.testkit.MailServerResource;
import it.ngsiena.testkit.OutboxProbe;
import it.ngsiena.testkit.PlatformTestResource;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Double opt-in, matching, delivery over real SMTP read back from GreenMail, one-click unsubscribe. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(MailServerResource.class)
class NewsletterTest {

    private static final Pattern LINK =
            Pattern.compile("(http\\S+/v1/comms/subscribers/(confirm|unsubscribe)\\?token=[\\w-]+)");

    /** Asks for the newsletter; the answer comes before the confirmation mail, which is sent after the commit. */
    static String subscribe(String email, String topics, String municipalities) {
        String body = """
                {"email":"%s","language":"it","topics":[%s],"municipalities":[%s]}""".formatted(email, topics, municipalities);
        given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/v1/comms/subscribers")
                .then()
                .statusCode(202)
                .body("status", equalTo("PENDING"));
        return email;
    }

    /**
     * Waits until {@code count} mails reached the address: long enough for one failed send (the mail
     * time-out, 10 s) and the service's first retry 30 s later, as happened once on a busy machine.
     */
    static void awaitMails(String email, int count) {
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(60))
                .pollInterval(java.time.Duration.ofMillis(100))
                .until(() -> mailTo(email).size() >= count);
    }

    static List<MimeMessage> mailTo(String email) {
        return Arrays.stream(MailServerResource.server().getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getRecipients(Message.RecipientType.TO)[0]
                                .toString()
                                .equals(email);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    static String link(MimeMessage message, String kind) {
        // quoted-printable: soft line breaks (CRLF or LF) and encoded "=" inside the link
        Matcher m = LINK.matcher(
                GreenMailUtil.getBody(message).replaceAll("=\r?\n", "").replace("=3D", "="));
        while (m.find()) {
            if (m.group(2).equals(kind)) {
                return m.group(1).replaceFirst("^http://[^/]+", "");
            }
        }
        throw new AssertionError("no " + kind + " link in " + GreenMailUtil.getBody(message));
    }

    static void confirm(String email) {
        awaitMails(email, 1);
        String path = link(mailTo(email).get(0), "confirm");
        given().when().get(path).then().statusCode(200).body("status", equalTo("CONFIRMED"));
    }

    @Test
    @TestSecurity(user = "ananse", roles = "comms-partner")
    void aNewsletterReachesConfirmedMatchingSubscribersOverSmtpAndOneClickUnsubscribes() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String wantsTraining = subscribe("formazione-" + run + "@example.org", "\"formazione\"", "");
        String wantsChiusi = subscribe("chiusi-" + run + "@example.org", "", "\"052011\"");
        String neverConfirms = subscribe("pending-" + run + "@example.org", "", "");
        String wantsOther = subscribe("altro-" + run + "@example.org", "\"fattibilita\"", "");
        for (String address : List.of(wantsTraining, wantsChiusi, neverConfirms, wantsOther)) {
            awaitMails(address, 1);
        }
        assertThat(mailTo(wantsTraining)).hasSize(1);
        assertThat(mailTo(neverConfirms).get(0).getSubject()).contains("Conferma");
        confirm(wantsTraining);
        confirm(wantsChiusi);
        confirm(wantsOther);
        confirm(wantsTraining);
        subscribe(wantsTraining, "\"formazione\"", "");
        Thread.sleep(1000);
        assertThat(mailTo(wantsTraining))
                .as("no new confirmation for a confirmed address")
                .hasSize(1);

        AnnouncementTest.stored(
                AnnouncementStatus.PUBLISHED,
                Audience.PUBLIC,
                "formazione",
                "Notizia **" + run + "** <script>x()</script>");
        String id = given().contentType(ContentType.JSON)
                .body("{\"subject\":\"Novità " + run + "\",\"language\":\"it\",\"topics\":[\"formazione\"],"
                        + "\"municipalities\":[\"052011\"]}")
                .when()
                .post("/v1/comms/newsletters")
                .then()
                .statusCode(201)
                .body("status", equalTo("DRAFT"))
                .extract()
                .path("id");
        String preview = given().when()
                .get("/v1/comms/newsletters/" + id + "/preview")
                .then()
                .statusCode(200)
                .contentType("text/html")
                .extract()
                .asString();
        assertThat(preview).contains("<strong>" + run + "</strong>").doesNotContain("<script>");

        given().when()
                .post("/v1/comms/newsletters/" + id + "/send")
                .then()
                .statusCode(200)
                .body("status", equalTo("SENT"));
        given().when().post("/v1/comms/newsletters/" + id + "/send").then().statusCode(409);

        MimeMessage received = mailTo(wantsTraining).stream()
                .filter(m -> subject(m).contains(run))
                .findFirst()
                .orElseThrow();
        assertThat(received.getHeader("List-Unsubscribe")[0]).contains("/v1/comms/subscribers/unsubscribe?token=");
        assertThat(received.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(GreenMailUtil.getBody(received)).contains(run);
        assertThat(mailTo(wantsChiusi).stream().filter(m -> subject(m).contains(run)))
                .hasSize(1);
        assertThat(mailTo(neverConfirms).stream().filter(m -> subject(m).contains(run)))
                .isEmpty();
        assertThat(mailTo(wantsOther).stream().filter(m -> subject(m).contains(run)))
                .isEmpty();

        List<String> log = given().when()
                .get("/v1/comms/newsletters/" + id + "/deliveries")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.outcome");
        assertThat(log).hasSize(2).containsOnly("SENT");
        assertThat(OutboxProbe.events(UUID.fromString(id), NewsletterSent.TYPE))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.data().get("recipients").asInt()).isEqualTo(2);
                    assertThat(e.data().toString()).doesNotContain("@");
                });

        // One click (RFC 8058 POST) from the message's header.
        String unsubscribe =
                received.getHeader("List-Unsubscribe")[0].replaceAll("[<>]", "").replaceFirst("^http://[^/]+", "");
        given().when().post(unsubscribe).then().statusCode(200).body("status", equalTo("UNSUBSCRIBED"));
        UUID subscriber = QuarkusTransaction.requiringNew()
                .call(() -> Subscriber.<Subscriber>find("email", wantsTraining).firstResult().id);
        assertThat(OutboxProbe.events(subscriber))
                .extracting(OutboxProbe.Event::type)
                .containsExactly(SubscriberConfirmed.TYPE, SubscriberUnsubscribed.TYPE);
        OutboxProbe.events(subscriber)
                .forEach(e -> assertThat(e.data().toString()).doesNotContain("@"));
        given().when().get("/v1/comms/subscribers/confirm?token=nope").then().statusCode(404);
        // A line break in a subject would start a new mail header.
        given().contentType(ContentType.JSON)
                .body("{\"subject\":\"Novità\\r\\nBcc: tutti@example.org\",\"language\":\"it\"}")
                .when()
                .post("/v1/comms/newsletters")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("subject"));
        given().contentType(ContentType.JSON)
                .body("{\"subject\":\"Di nuovo\",\"language\":\"it\",\"topics\":[\"formazione\"]}")
                .when()
                .post("/v1/comms/newsletters")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "ananse", roles = "comms-partner")
    void subscriberDataIsExportedAndErasedOnRequest() {
        String email = subscribe("erase-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org", "", "");
        confirm(email);
        UUID id = QuarkusTransaction.requiringNew()
                .call(() -> Subscriber.<Subscriber>find("email", email).firstResult().id);
        given().when()
                .get("/v1/comms/subscribers/" + id + "/export")
                .then()
                .statusCode(200)
                .body("subscriber.email", equalTo(email))
                .body("subscriber.consentAt", org.hamcrest.Matchers.notNullValue());
        given().when().delete("/v1/comms/subscribers/" + id).then().statusCode(204);
        given().when()
                .get("/v1/comms/subscribers/" + id + "/export")
                .then()
                .statusCode(200)
                .body("subscriber.status", equalTo("ERASED"))
                .body("subscriber.email", org.hamcrest.Matchers.nullValue());
        given().contentType(ContentType.JSON)
                .body("{\"email\":\"not-an-email\",\"language\":\"it\"}")
                .when()
                .post("/v1/comms/subscribers")
                .then()
                .statusCode(400);
    }

    /** Subscribers confirmed for a topic of their own, an announcement with it, and a newsletter composed of it. */
    private static String newsletterFor(String topic, List<String> addresses) {
        for (String address : addresses) {
            subscribe(address, "\"" + topic + "\"", "");
            confirm(address);
        }
        AnnouncementTest.stored(AnnouncementStatus.PUBLISHED, Audience.PUBLIC, topic, "Notizia " + topic);
        return given().contentType(ContentType.JSON)
                .body("{\"subject\":\"Invio " + topic + "\",\"language\":\"it\",\"topics\":[\"" + topic + "\"]}")
                .when()
                .post("/v1/comms/newsletters")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static long mailsAbout(String address, String topic) {
        return mailTo(address).stream().filter(m -> subject(m).contains(topic)).count();
    }

    @Test
    @TestSecurity(user = "ananse", roles = "comms-partner")
    void aSendThatMeetsAFailingMailServerIsResumedAndEveryoneGetsExactlyOneMail() {
        String topic = "ripresa-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> addresses =
                List.of("a-" + topic + "@example.org", "b-" + topic + "@example.org", "c-" + topic + "@example.org");
        String id = newsletterFor(topic, addresses);
        FlakyMailSender.FAIL_ONCE.add(addresses.get(1));

        given().when()
                .post("/v1/comms/newsletters/" + id + "/send")
                .then()
                .statusCode(200)
                .body("status", equalTo("INCOMPLETE"));
        // (confirmed subscribers of other tests who want every topic get it too)
        List<String> outcomes = given().when()
                .get("/v1/comms/newsletters/" + id + "/deliveries")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.outcome", String.class);
        assertThat(outcomes)
                .hasSizeGreaterThanOrEqualTo(3)
                .filteredOn(o -> o.startsWith("FAILED"))
                .hasSize(1);
        assertThat(OutboxProbe.events(UUID.fromString(id), NewsletterSent.TYPE)).isEmpty();

        given().when()
                .post("/v1/comms/newsletters/" + id + "/send")
                .then()
                .statusCode(200)
                .body("status", equalTo("SENT"));
        for (String address : addresses) {
            assertThat(mailsAbout(address, topic)).as(address).isEqualTo(1);
        }
        given().when().post("/v1/comms/newsletters/" + id + "/send").then().statusCode(409);
        assertThat(OutboxProbe.events(UUID.fromString(id), NewsletterSent.TYPE))
                .singleElement()
                .satisfies(e -> assertThat(e.data().get("recipients").asInt()).isEqualTo(outcomes.size()));
    }

    @Test
    @TestSecurity(user = "ananse", roles = "comms-partner")
    void ofTwoSendsAtOnceOneIsRefusedAndNobodyGetsTwoMails() throws Exception {
        String topic = "insieme-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> addresses = List.of("a-" + topic + "@example.org", "b-" + topic + "@example.org");
        String id = newsletterFor(topic, addresses);
        FlakyMailSender.delay = java.time.Duration.ofMillis(700);
        List<Integer> statuses;
        try {
            var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            var first = pool.submit(() ->
                    given().when().post("/v1/comms/newsletters/" + id + "/send").statusCode());
            var second = pool.submit(() ->
                    given().when().post("/v1/comms/newsletters/" + id + "/send").statusCode());
            statuses = java.util.stream.Stream.of(first.get(), second.get())
                    .sorted()
                    .toList();
            pool.shutdown();
        } finally {
            FlakyMailSender.delay = java.time.Duration.ZERO;
        }
        assertThat(statuses).containsExactly(200, 409);
        for (String address : addresses) {
            assertThat(mailsAbout(address, topic)).as(address).isEqualTo(1);
        }
    }

    /** Nobody can mail-bomb an address through the sign-up: 3 confirmation mails a day, then the same answer and no mail. */
    @Test
    void anAddressGetsAtMostThreeConfirmationMailsADay() throws Exception {
        String email = "ripetuto-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        for (int i = 1; i <= 3; i++) {
            subscribe(email, "", "");
            awaitMails(email, i);
        }
        for (int i = 0; i < 3; i++) {
            subscribe(email, "", "");
        }
        Thread.sleep(1500);
        assertThat(mailTo(email)).hasSize(3);
        // each mail carried a link of its own, and the last one confirms
        given().when()
                .get(link(mailTo(email).get(2), "confirm"))
                .then()
                .statusCode(200)
                .body("status", equalTo("CONFIRMED"));
    }

    @Test
    @TestSecurity(user = "viewer", roles = "viewer")
    void onlyTheEditorsSeeSubscribers() {
        given().when().get("/v1/comms/subscribers").then().statusCode(403);
        given().when()
                .get("/v1/comms/subscribers/" + UUID.randomUUID() + "/export")
                .then()
                .statusCode(403);
        given().when()
                .post("/v1/comms/newsletters/" + UUID.randomUUID() + "/send")
                .then()
                .statusCode(403);
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
