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

    /**
     * One mail: plain text always, HTML when there is one; an attachment and a one-click unsubscribe address
     * (sent as List-Unsubscribe, RFC 8058) when given.
     */
    public record OutgoingMail(
            String key,
            String to,
            String subject,
            String text,
            String html,
            Attachment attachment,
            String unsubscribe) {

        public OutgoingMail(String key, String to, String subject, String text, String html) {
            this(key, to, subject, text, html, null, null);
        }
    }

    /** A text attachment, e.g. an iCalendar file ({@code text/calendar}). */
    public record Attachment(String name, String contentType, String body) {}

    private final Event<Queued> queued;

    MailQueue(Event<Queued> queued) {
        this.queued = queued;
    }

    /** @return whether it was queued (false: a mail with this key already was) */
    public boolean enqueue(OutgoingMail mail) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Attachment attachment = mail.attachment();
        int added = Panache.getEntityManager()
                .createNativeQuery("insert into mail_queue (key, recipient, subject, text_body, html_body, queued_at,"
                        + " due_at, attachment_name, attachment_type, attachment_body, unsubscribe_url)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7, ?8, ?9, ?10) on conflict (key) do nothing")
                .setParameter(1, mail.key())
                .setParameter(2, mail.to())
                .setParameter(3, mail.subject())
                .setParameter(4, mail.text())
                .setParameter(5, mail.html())
                .setParameter(6, now)
                .setParameter(7, attachment == null ? null : attachment.name())
                .setParameter(8, attachment == null ? null : attachment.contentType())
                .setParameter(9, attachment == null ? null : attachment.body())
                .setParameter(10, mail.unsubscribe())
                .executeUpdate();
        if (added == 1) {
            queued.fire(new Queued());
        }
        return added == 1;
    }

    /**
     * Forgets every mail to an address, sent or waiting (an erasure): none is sent afterwards, and the queue keeps
     * no copy of what was written to the person.
     *
     * @return how many were forgotten
     */
    public int forget(String address) {
        return Panache.getEntityManager()
                .createNativeQuery("delete from mail_queue where recipient = ?1")
                .setParameter(1, address)
                .executeUpdate();
    }
}
