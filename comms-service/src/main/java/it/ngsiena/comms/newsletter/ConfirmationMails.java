package it.ngsiena.comms.newsletter;

import static it.ngsiena.kernel.persistence.AuditedEntity.now;

import io.quarkus.mailer.Mail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import it.ngsiena.kernel.mail.MailSender;
import it.ngsiena.kernel.worker.Periodic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends the confirmation mails that subscriptions queued, on a thread of its own and outside any
 * database transaction: woken when a subscription commits, and looking again every few seconds for
 * mails whose send failed. A mail is claimed for a while before it is sent (so that two instances of
 * the service do not both send it) and marked sent afterwards; a process that dies in between sends it
 * again once the claim has run out: at least once, never lost. Failed sends are retried with a growing
 * pause, up to {@link #MAX_ATTEMPTS} times.
 */
@ApplicationScoped
public class ConfirmationMails {

    /** Fired by a subscription that queued a mail; acted on once its transaction has committed. */
    public record Queued() {}

    private record Due(UUID subscriber, String email, String language, String confirmToken, String link) {}

    private static final Logger LOG = Logger.getLogger(ConfirmationMails.class);
    static final int MAX_ATTEMPTS = 8;
    private static final Duration CLAIM = Duration.ofMinutes(2);
    private static final int BATCH = 20;

    private final MailSender mailer;
    private final SubscriberService subscribers;
    private final Duration sweep;
    private Periodic worker;

    ConfirmationMails(
            MailSender mailer,
            SubscriberService subscribers,
            @ConfigProperty(name = "ngs.comms.confirmations-sweep", defaultValue = "5s") Duration sweep) {
        this.mailer = mailer;
        this.subscribers = subscribers;
        this.sweep = sweep;
    }

    void start(@Observes StartupEvent startup) {
        worker = Periodic.start("confirmation-mails", sweep, this::sendDue);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (worker != null) {
            worker.stop();
        }
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Queued queued) {
        if (worker != null) {
            worker.now();
        }
    }

    /** Sends every confirmation mail that is due, a batch at a time. */
    void sendDue() {
        try {
            List<Due> due;
            do {
                due = QuarkusTransaction.requiringNew().call(this::claim);
                for (Due mail : due) {
                    try {
                        send(mail);
                    } catch (RuntimeException e) {
                        // its claim runs out and it is sent again: at least once, never lost
                        LOG.warnf(
                                "Confirmation mail to subscriber %s not recorded as sent: %s",
                                mail.subscriber(), e.toString());
                    }
                }
            } while (due.size() == BATCH);
        } catch (RuntimeException e) {
            LOG.warnf("Confirmation mails not sent this time: %s", e.toString());
        }
    }

    /** Takes the due mails for a while ({@link #CLAIM}), so that no other instance sends them meanwhile. */
    private List<Due> claim() {
        OffsetDateTime now = now();
        List<Subscriber> subscribers = Subscriber.getEntityManager()
                .createQuery(
                        "from Subscriber where confirmationDueAt <= :now and status = :pending order by confirmationDueAt",
                        Subscriber.class)
                .setParameter("now", now)
                .setParameter("pending", Subscriber.PENDING)
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED
                .setMaxResults(BATCH)
                .getResultList();
        return subscribers.stream()
                .map(s -> {
                    s.confirmationDueAt = now.plus(CLAIM);
                    return new Due(s.id, s.email, s.language, s.confirmToken, this.subscribers.confirmLink(s));
                })
                .toList();
    }

    private void send(Due due) {
        boolean italian = "it".equals(due.language());
        Mail mail = Mail.withText(
                due.email(),
                italian
                        ? "Conferma l'iscrizione alla newsletter di Next Generation Siena"
                        : "Confirm your subscription to the Next Generation Siena newsletter",
                (italian
                                ? "Per ricevere la newsletter conferma l'iscrizione aprendo questo link:\n\n"
                                : "To receive the newsletter, confirm your subscription by opening this link:\n\n")
                        + due.link()
                        + (italian
                                ? "\n\nSe non hai chiesto tu l'iscrizione, ignora questo messaggio.\n"
                                : "\n\nIf you did not ask for it, ignore this message.\n"));
        RuntimeException failure = null;
        try {
            mailer.send(mail);
        } catch (RuntimeException e) {
            failure = e;
        }
        RuntimeException failed = failure;
        QuarkusTransaction.requiringNew().run(() -> {
            // locked, so that a sign-up of the same address meanwhile is seen, not overwritten
            Subscriber s = Subscriber.findById(due.subscriber(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (s == null || s.confirmationDueAt == null) {
                return;
            }
            if (failed == null) {
                // a request that came meanwhile asked for a mail with a newer link: that one is still due
                if (due.confirmToken().equals(s.confirmToken)) {
                    s.confirmationDueAt = null;
                    s.confirmationAttempts = 0;
                }
                return;
            }
            s.confirmationAttempts++;
            if (s.confirmationAttempts >= MAX_ATTEMPTS) {
                LOG.warnf(
                        "Confirmation mail to subscriber %s given up after %d attempts: %s",
                        s.id, s.confirmationAttempts, failed.toString());
                s.confirmationDueAt = null;
            } else {
                long pause = Math.min(3600, 15L << Math.min(s.confirmationAttempts, 8));
                LOG.infof(
                        "Confirmation mail to subscriber %s failed (%s); next try in %d s",
                        s.id, failed.toString(), pause);
                s.confirmationDueAt = now().plusSeconds(pause);
            }
        });
    }
}
