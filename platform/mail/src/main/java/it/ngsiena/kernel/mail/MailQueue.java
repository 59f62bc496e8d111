package it.ngsiena.kernel.mail;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Queues e-mail in the caller's transaction: the mail exists if and only if the change that causes it commits.
 * {@link MailQueueWorker} sends it afterwards. The key is the mail's identity: queuing a second mail with the
 * same key does nothing, so a retried change does not mail twice.
 */
@ApplicationScoped
public class MailQueue {

    /** Fired when a mail was queued; the worker acts on it once the transaction has committed. */
    public record Queued() {}

    /** One mail: plain text always, HTML when there is one. */
    public record OutgoingMail(String key, String to, String subject, String text, String html) {}

    private final Event<Queued> queued;

    MailQueue(Event<Queued> queued) {
        this.queued = queued;
    }

    /** @return whether it was queued (false: a mail with this key already was) */
    public boolean enqueue(OutgoingMail mail) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int added = Panache.getEntityManager()
                .createNativeQuery("insert into mail_queue (key, recipient, subject, text_body, html_body, queued_at,"
                        + " due_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?6) on conflict (key) do nothing")
                .setParameter(1, mail.key())
                .setParameter(2, mail.to())
                .setParameter(3, mail.subject())
                .setParameter(4, mail.text())
                .setParameter(5, mail.html())
                .setParameter(6, now)
                .executeUpdate();
        if (added == 1) {
            queued.fire(new Queued());
        }
        return added == 1;
    }
}
