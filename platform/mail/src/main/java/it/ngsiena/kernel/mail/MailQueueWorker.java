package it.ngsiena.kernel.mail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.mailer.Mail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import it.ngsiena.kernel.worker.Periodic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends the queued mails: woken when a mail is queued, and every {@code ngs.mail.sweep} for those whose send failed.
 * A batch is claimed for a while (SKIP LOCKED: two replicas never take the same mail) and each mail is marked sent
 * once the mail server took it. A failed send is tried again after a growing pause, up to {@link #MAX_ATTEMPTS}
 * times. A process killed between the server's acceptance and the mark sends that one mail again once its claim
 * runs out, with the same Message-ID (derived from the key), which mail clients show once. A graceful stop (a
 * restart, a rollout) finishes the mail in hand, marks it, and gives the rest of its batch back at once: nothing is
 * lost, nothing sent twice, and the next instance sends them without waiting for the claim to run out.
 */
@ApplicationScoped
public class MailQueueWorker {

    private record Due(
            String key,
            String to,
            String subject,
            String text,
            String html,
            String attachmentName,
            String attachmentType,
            String attachmentBody,
            String unsubscribe) {}

    private static final Logger LOG = Logger.getLogger(MailQueueWorker.class);
    static final int MAX_ATTEMPTS = 8;
    private static final int BATCH = 20;
    private static final Duration CLAIM = Duration.ofMinutes(2);
    /** Within the services' shutdown timeout (5 s on a laptop): a send takes milliseconds, or fails at its own. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(4);

    private final MailSender sender;
    private final Duration sweep;
    private final String domain;
    private final Duration keep;
    private Periodic worker;
    private Periodic retention;
    private final AtomicLong waiting = new AtomicLong();
    private final AtomicLong oldestWaitingSeconds = new AtomicLong();
    private final AtomicLong givenUp = new AtomicLong();
    private final Counter sent;
    private final Counter failed;
    private volatile boolean stopping;

    MailQueueWorker(
            MailSender sender,
            @ConfigProperty(name = "ngs.mail.sweep", defaultValue = "5s") Duration sweep,
            @ConfigProperty(name = "ngs.mail.message-id-domain", defaultValue = "ngsiena.example.org") String domain,
            @ConfigProperty(name = "ngs.mail.keep", defaultValue = "30d") Duration keep,
            MeterRegistry metrics) {
        this.keep = keep;
        // a queue that does not drain shows here (/q/metrics): mails waiting, the oldest one's age, mails given up
        metrics.gauge("ngs.mail.waiting", waiting);
        metrics.gauge("ngs.mail.oldest.waiting.seconds", oldestWaitingSeconds);
        metrics.gauge("ngs.mail.given.up", givenUp);
        this.sent = metrics.counter("ngs.mail.sent");
        this.failed = metrics.counter("ngs.mail.failed");
        this.sender = sender;
        this.sweep = sweep;
        this.domain = domain;
    }

    /** Starts sending (at the service's start; public for the tests that stop and start it as a restart would). */
    public void start(@Observes StartupEvent startup) {
        stopping = false;
        worker = Periodic.start("mail-queue", sweep, this::sendDue);
        retention = Periodic.start("mail-retention", Duration.ofHours(1), this::forgetOld);
    }

    /** Stops sending after the mail in hand, giving the rest of its batch back (at the service's stop). */
    public void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
        if (retention != null) {
            retention.stop();
        }
        if (worker != null) {
            worker.stopAfterRun(STOP_GRACE);
        }
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) MailQueue.Queued queued) {
        if (worker != null) {
            worker.now();
        }
    }

    /** Sends every mail that is due, a batch at a time. */
    void sendDue() {
        try {
            List<Due> due;
            do {
                if (stopping) {
                    return;
                }
                due = QuarkusTransaction.requiringNew().call(this::claim);
                for (int i = 0; i < due.size(); i++) {
                    if (stopping) {
                        giveBack(due.subList(i, due.size()));
                        return;
                    }
                    send(due.get(i));
                }
            } while (due.size() == BATCH);
            QuarkusTransaction.requiringNew().run(this::measure);
        } catch (RuntimeException e) {
            LOG.warnf("Queued mails not sent this time: %s", e.toString());
        }
    }

    @SuppressWarnings("unchecked")
    private List<Due> claim() {
        var em = Panache.getEntityManager();
        List<Object[]> rows = em.createNativeQuery(
                        "select key, recipient, subject, text_body, html_body, attachment_name, attachment_type,"
                                + " attachment_body, unsubscribe_url from mail_queue"
                                + " where due_at <= now() order by due_at limit " + BATCH + " for update skip locked")
                .getResultList();
        List<Due> due = rows.stream()
                .map(r -> new Due(
                        (String) r[0],
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        (String) r[5],
                        (String) r[6],
                        (String) r[7],
                        (String) r[8]))
                .toList();
        for (Due mail : due) {
            em.createNativeQuery("update mail_queue set due_at = now() + make_interval(secs => ?1) where key = ?2")
                    .setParameter(1, CLAIM.toSeconds())
                    .setParameter(2, mail.key())
                    .executeUpdate();
        }
        return due;
    }

    /** What the gauges show, read once a sweep. */
    private void measure() {
        Object[] row = (Object[]) Panache.getEntityManager()
                .createNativeQuery("select count(*) filter (where due_at is not null),"
                        + " coalesce(extract(epoch from now() - min(queued_at) filter (where due_at is not null)), 0),"
                        + " count(*) filter (where due_at is null and sent_at is null) from mail_queue")
                .getSingleResult();
        waiting.set(((Number) row[0]).longValue());
        oldestWaitingSeconds.set(((Number) row[1]).longValue());
        givenUp.set(((Number) row[2]).longValue());
    }

    /**
     * Forgets the mails sent, or given up, more than {@code ngs.mail.keep} ago (30 days by default): what was written
     * to people is not kept for years; a mail still to be sent is never forgotten.
     *
     * @return how many were forgotten
     */
    public int forgetOld() {
        try {
            return QuarkusTransaction.requiringNew()
                    .call(() -> Panache.getEntityManager()
                            .createNativeQuery("delete from mail_queue where due_at is null"
                                    + " and coalesce(sent_at, queued_at) < now() - make_interval(secs => ?1)")
                            .setParameter(1, keep.toSeconds())
                            .executeUpdate());
        } catch (RuntimeException e) {
            LOG.warnf("Old mails not forgotten this time: %s", e.toString());
            return 0;
        }
    }

    /** Claimed mails not sent because the service stops: due again now, for whichever instance runs next. */
    private void giveBack(List<Due> left) {
        QuarkusTransaction.requiringNew()
                .run(() -> Panache.getEntityManager()
                        .createNativeQuery("update mail_queue set due_at = now() where key in (?1) and sent_at is null")
                        .setParameter(1, left.stream().map(Due::key).toList())
                        .executeUpdate());
        LOG.infof("Stopping: %d claimed mails given back to the queue", left.size());
    }

    private void send(Due due) {
        Mail mail = Mail.withText(due.to(), due.subject(), due.text()).addHeader("Message-ID", messageId(due.key()));
        if (due.html() != null) {
            mail.setHtml(due.html());
        }
        if (due.attachmentName() != null) {
            mail.addAttachment(
                    due.attachmentName(), due.attachmentBody().getBytes(StandardCharsets.UTF_8), due.attachmentType());
        }
        if (due.unsubscribe() != null) {
            // RFC 8058: mail clients offer "unsubscribe" and POST to the address without opening it in a browser
            mail.addHeader("List-Unsubscribe", "<" + due.unsubscribe() + ">")
                    .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        String failure = null;
        try {
            sender.send(mail);
        } catch (RuntimeException e) {
            failure = e.toString();
        }
        String error = failure;
        QuarkusTransaction.requiringNew().run(() -> {
            var em = Panache.getEntityManager();
            if (error == null) {
                sent.increment();
                em.createNativeQuery("update mail_queue set sent_at = now(), due_at = null, attempts = attempts + 1,"
                                + " last_error = null where key = ?1")
                        .setParameter(1, due.key())
                        .executeUpdate();
                return;
            }
            failed.increment();
            // a growing pause: 30 s, 1 min, 2 min ... at most an hour; given up (due_at null) after MAX_ATTEMPTS
            em.createNativeQuery("update mail_queue set attempts = attempts + 1, last_error = ?1, due_at = case when"
                            + " attempts + 1 >= ?2 then null else now() + make_interval(secs => least(3600, 15 *"
                            + " power(2, attempts + 1))) end where key = ?3")
                    .setParameter(1, error)
                    .setParameter(2, MAX_ATTEMPTS)
                    .setParameter(3, due.key())
                    .executeUpdate();
            LOG.warnf("Mail %s not sent: %s", due.key(), error);
        });
    }

    /** The same mail has the same Message-ID however often it is sent. */
    private String messageId(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(hash, 0, 16) + "@" + domain + ">";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
