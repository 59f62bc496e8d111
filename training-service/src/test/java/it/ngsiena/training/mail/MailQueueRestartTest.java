package it.ngsiena.training.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import it.ngsiena.kernel.mail.MailQueue;
import it.ngsiena.kernel.mail.MailQueueWorker;
import it.ngsiena.testkit.MailServerResource;
import it.ngsiena.testkit.PlatformTestResource;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The kernel's mail worker stopped in the middle of a batch, as a service's shutdown stops it, and started again:
 * the mail in hand is finished and marked, the rest of the batch is given back at once, and in the end every mail
 * has reached the (real) mail server exactly once. The real process restart is ParticipantMailsE2ETest's.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(MailServerResource.class)
class MailQueueRestartTest {

    private static final int MAILS = 30;

    @Inject
    MailQueue queue;

    @Inject
    MailQueueWorker worker;

    @Inject
    MeterRegistry metrics;

    private static Map<String, Integer> received(List<String> addresses) throws Exception {
        Map<String, Integer> count = new HashMap<>();
        addresses.forEach(a -> count.put(a, 0));
        for (MimeMessage m : MailServerResource.server().getReceivedMessages()) {
            String to = m.getAllRecipients()[0].toString();
            if (count.containsKey(to)) {
                count.merge(to, 1, Integer::sum);
            }
        }
        return count;
    }

    private static int total(Map<String, Integer> received) {
        return received.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static long claimedInTheFuture(String run) {
        return QuarkusTransaction.requiringNew().call(() -> (Long) Panache.getEntityManager()
                .createNativeQuery(
                        "select count(*) from mail_queue where key like ?1 and sent_at is null" + " and due_at > now()",
                        Long.class)
                .setParameter(1, "restart:" + run + ":%")
                .getSingleResult());
    }

    @Test
    void aStopInTheMiddleOfABatchLosesNoMailAndSendsNoneTwice() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> addresses = new ArrayList<>();
        double sentBefore = metrics.get("ngs.mail.sent").counter().count();
        SlowableMailSender.delay = Duration.ofMillis(150);
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                for (int i = 0; i < MAILS; i++) {
                    String to = "restart-" + run + "-" + i + "@example.org";
                    addresses.add(to);
                    queue.enqueue(
                            new MailQueue.OutgoingMail("restart:" + run + ":" + i, to, "Prova " + i, "Testo", null));
                }
            });
            await().atMost(Duration.ofSeconds(20)).until(() -> total(received(addresses)) >= 3);
            worker.stop(null);
            int beforeRestart = total(received(addresses));
            assertThat(beforeRestart)
                    .as("stopped in the middle of the first batch")
                    .isBetween(3, 19);
            assertThat(claimedInTheFuture(run))
                    .as("the rest of the batch was given back, not left claimed for two minutes")
                    .isZero();
            Thread.sleep(500);
            assertThat(total(received(addresses)))
                    .as("nothing is sent while stopped")
                    .isEqualTo(beforeRestart);
        } finally {
            SlowableMailSender.delay = Duration.ZERO;
            worker.start(null);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> total(received(addresses)) >= MAILS);
        Thread.sleep(1000); // a mail sent twice would have arrived now
        assertThat(received(addresses))
                .allSatisfy((to, n) -> assertThat(n).as(to).isEqualTo(1));
    }

    @Test
    void sentMailsAreForgottenAfterTheirRetentionAndWaitingOnesNever() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> {
            var em = Panache.getEntityManager();
            String insert = "insert into mail_queue (key, recipient, subject, text_body, queued_at, due_at, sent_at)"
                    + " values (?1, 'x@example.org', 's', 't', now() - interval '40 days', ?2, ?3)";
            Object[][] rows = {
                {"old-sent", null, java.time.OffsetDateTime.now().minusDays(40)},
                {"new-sent", null, java.time.OffsetDateTime.now().minusDays(2)},
                {"old-waiting", java.time.OffsetDateTime.now().plusMinutes(5), null},
                {"old-given-up", null, null}
            };
            for (Object[] row : rows) {
                em.createNativeQuery(insert)
                        .setParameter(1, "keep:" + run + ":" + row[0])
                        .setParameter(2, row[1])
                        .setParameter(3, row[2])
                        .executeUpdate();
            }
        });
        assertThat(worker.forgetOld()).isGreaterThanOrEqualTo(2);
        @SuppressWarnings("unchecked")
        List<String> left = QuarkusTransaction.requiringNew()
                .call(() -> Panache.getEntityManager()
                        .createNativeQuery("select key from mail_queue where key like ?1 order by key")
                        .setParameter(1, "keep:" + run + ":%")
                        .getResultList());
        assertThat(left).containsExactly("keep:" + run + ":new-sent", "keep:" + run + ":old-waiting");
        // the waiting one would otherwise count as waiting for ever in the other test's gauge
        QuarkusTransaction.requiringNew()
                .run(() -> Panache.getEntityManager()
                        .createNativeQuery("delete from mail_queue where key like ?1")
                        .setParameter(1, "keep:" + run + ":%")
                        .executeUpdate());
    }
}
