package it.ngsiena.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import it.ngsiena.infra.Tokens;
import it.ngsiena.local.LocalPlatform;
import it.ngsiena.testkit.ImapMailbox;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Participants are mailed by the real training service through the platform's mail server and read back over IMAP:
 * a promotion from the waiting list comes with a calendar file ical4j reads; an erased person receives nothing
 * more; the training service stopped (SIGTERM) right after a change that queued a mail to each of 60 people, and
 * started again, has sent each exactly once. Where the stop falls in the batch is up to timing here (the figure is
 * printed); ParticipantMailTest stops the sender in the middle of a batch for certain.
 */
@ExtendWith(RunningPlatform.class)
class ParticipantMailsE2ETest {

    private final LocalPlatform platform = RunningPlatform.platform();
    private final String gateway = platform.gatewayUrl();
    private final String lms =
            "Bearer " + new Tokens(platform.issuer()).forClient("euronike-lms", "euronike-lms-secret");
    private final TrainingSteps training = new TrainingSteps(gateway, lms);

    @Test
    void aPromotionIsMailedWithTheSessionForTheCalendarAndAnErasedPersonIsMailedNothingMore() throws Exception {
        String session = training.session("Posta ai partecipanti (e2e)", "2032-06-01T10:00:00Z", 1);
        String first = address();
        String second = address();
        String seat = training.enrol(session, training.participant(first));
        String promotedId = training.participant(second);
        training.enrol(session, promotedId);
        given().header("Authorization", lms)
                .when()
                .delete(gateway + "/v1/training/enrolments/" + seat)
                .then()
                .statusCode(200);

        List<ImapMailbox.Mail> mails = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> Mailbox.read(platform, second), m -> m.size() >= 2);
        assertThat(mails).hasSize(2);
        ImapMailbox.Mail promoted = mails.get(1);
        assertThat(promoted.subject()).startsWith("Next Generation Siena: Si è liberato un posto: è iscritto/a");
        assertThat(promoted.text()).contains("lei era in lista d'attesa ed ora è iscritto/a");
        List<VEvent> events = new CalendarBuilder()
                .build(new ByteArrayInputStream(promoted.calendar().getBytes(StandardCharsets.UTF_8)))
                .getComponents(Component.VEVENT);
        assertThat(events).hasSize(1);
        assertThat(Instant.from(events.get(0).getDateTimeStart().getDate()))
                .isEqualTo(Instant.parse("2032-06-01T10:00:00Z"));
        assertThat(Instant.from(events.get(0).getDateTimeEnd().getDate()))
                .isEqualTo(Instant.parse("2032-06-01T11:00:00Z"));
        System.out.println("[participant-mails] promoted from the waiting list: " + promoted.subject());

        // erased: the session's cancellation reaches nobody at that address
        given().header("Authorization", lms)
                .when()
                .delete(gateway + "/v1/training/participants/" + promotedId)
                .then()
                .statusCode(204);
        cancel(session);
        Thread.sleep(3000); // the queue sends within a second of the commit
        assertThat(Mailbox.read(platform, second))
                .as("nothing after the erasure")
                .hasSize(2);
    }

    @Test
    void aRestartRightAfterAChangeThatMailsManyLosesNoMailAndSendsNoneTwice() throws Exception {
        int people = 60;
        String session = training.session("Posta ai partecipanti (e2e)", "2032-06-01T10:00:00Z", people);
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            String address = address();
            addresses.add(address);
            training.enrol(session, training.participant(address));
        }
        // one transaction queues a mail to each of them; the service is stopped (SIGTERM, as in a rollout) at once
        cancel(session);
        platform.stop("training");
        int sentBefore = cancellations(addresses).values().stream()
                .mapToInt(Integer::intValue)
                .sum();
        platform.start("training");

        Map<String, Integer> received = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> cancellations(addresses),
                        r -> r.values().stream().mapToInt(Integer::intValue).sum() >= people);
        Thread.sleep(2000); // a mail sent twice would arrive now
        received = cancellations(addresses);
        System.out.printf(
                "[participant-mails] restart after a change mailing %2$d people: %1$d of them sent before the stop,"
                        + " %3$d after; every address has %4$s%n",
                sentBefore,
                people,
                people - sentBefore,
                received.values().stream().distinct().toList());
        assertThat(received)
                .as("one cancellation mail per person: none lost, none twice")
                .allSatisfy((a, n) -> assertThat(n).as(a).isEqualTo(1));
        assertThat(Mailbox.read(platform, addresses.get(people - 1)))
                .extracting(ImapMailbox.Mail::subject)
                .anyMatch(s -> s.startsWith("Next Generation Siena: Sessione annullata"));
    }

    /** Cancellation mails received per address (the server's own record, quicker than 80 IMAP logins). */
    private Map<String, Integer> cancellations(List<String> addresses) throws Exception {
        Map<String, Integer> count = new HashMap<>();
        addresses.forEach(a -> count.put(a, 0));
        for (MimeMessage m : platform.mailServer().getReceivedMessages()) {
            if (m.getSubject().startsWith("Next Generation Siena: Sessione annullata")) {
                Arrays.stream(m.getAllRecipients())
                        .map(Object::toString)
                        .filter(count::containsKey)
                        .forEach(a -> count.merge(a, 1, Integer::sum));
            }
        }
        return count.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static String address() {
        return UUID.randomUUID() + "@comune.montepulciano.example.it";
    }

    private void cancel(String session) {
        given().header("Authorization", lms)
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"Prova\"}")
                .when()
                .post(gateway + "/v1/training/sessions/" + session + "/cancel")
                .then()
                .statusCode(200);
    }
}
