package it.ngsiena.comms.newsletter;

import static it.ngsiena.kernel.persistence.AuditedEntity.now;

import io.quarkus.mailer.Mail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import it.ngsiena.comms.announcement.Announcement;
import it.ngsiena.comms.announcement.AnnouncementStatus;
import it.ngsiena.comms.announcement.Audience;
import it.ngsiena.contracts.comms.NewsletterSent;
import it.ngsiena.kernel.mail.MailSender;
import it.ngsiena.kernel.outbox.Outbox;
import it.ngsiena.kernel.problem.ProblemException;
import it.ngsiena.kernel.text.MarkdownRenderer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Newsletters: composed from the public announcements published since the last newsletter sent in
 * that language, previewed, then sent over SMTP once to every confirmed subscriber who wants its
 * topics and municipalities, each message with its own one-click unsubscribe link.
 *
 * <p>A send claims the newsletter in a short transaction of its own (SENDING; a second send meanwhile is
 * a 409), then mails outside any long transaction, one delivery row per subscriber written SENDING
 * before the mail leaves and SENT or FAILED after it. When some failed, the newsletter is INCOMPLETE and
 * a new send resumes it with those (and whoever it never reached); when all went, it is SENT and the
 * event is published. A send that died is taken over once its claim is {@link #CLAIM} old; a delivery
 * it left SENDING becomes UNKNOWN and is not mailed again, since a mail handed to the server cannot be
 * recalled.
 */
@ApplicationScoped
public class NewsletterService {

    private static final Logger LOG = Logger.getLogger(NewsletterService.class);

    private final SubscriberService subscribers;
    private final MarkdownRenderer markdown;
    private final MailSender mailer;
    private final Outbox outbox;

    NewsletterService(SubscriberService subscribers, MarkdownRenderer markdown, MailSender mailer, Outbox outbox) {
        this.subscribers = subscribers;
        this.markdown = markdown;
        this.mailer = mailer;
        this.outbox = outbox;
    }

    @Transactional
    public Newsletter compose(NewsletterRequests.Compose request) {
        OffsetDateTime since = Newsletter.<Newsletter>find(
                        "status = 'SENT' and language = ?1 order by sentAt desc", request.language())
                .firstResultOptional()
                .map(n -> n.sentAt)
                .orElse(OffsetDateTime.parse("2000-01-01T00:00:00Z"));
        List<UUID> announcements = Announcement.<Announcement>list(
                        "status = ?1 and audience = ?2 and language = ?3 and publishedAt > ?4 order by publishedAt",
                        AnnouncementStatus.PUBLISHED,
                        Audience.PUBLIC,
                        request.language(),
                        since)
                .stream()
                .filter(a -> request.topics() == null
                        || request.topics().isEmpty()
                        || a.tags.stream().anyMatch(request.topics()::contains))
                .map(a -> a.id)
                .toList();
        if (announcements.isEmpty()) {
            throw ProblemException.unprocessable(
                    "No public announcement in this language was published since the" + " last newsletter", List.of());
        }
        Newsletter n = new Newsletter();
        n.id = UUID.randomUUID();
        n.subject = request.subject().strip();
        n.language = request.language();
        n.topics = request.topics() == null ? List.of() : List.copyOf(request.topics());
        n.municipalities = request.municipalities() == null ? List.of() : List.copyOf(request.municipalities());
        n.announcementIds = announcements;
        n.status = "DRAFT";
        n.createdAt = now();
        n.updatedAt = n.createdAt;
        n.persist();
        return n;
    }

    public Newsletter found(UUID id) {
        return Newsletter.<Newsletter>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Newsletter", id));
    }

    /** The HTML every subscriber gets, with the place of their own unsubscribe link. */
    public String html(Newsletter n, String unsubscribeLink) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"")
                .append(n.language)
                .append("\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(n.subject))
                .append("</title></head><body><h1>")
                .append(escape(n.subject))
                .append("</h1>");
        for (UUID id : n.announcementIds) {
            Announcement a = Announcement.findById(id);
            if (a == null || a.status != AnnouncementStatus.PUBLISHED) {
                continue;
            }
            html.append("<article><h2>").append(escape(a.title)).append("</h2>");
            if (a.summary != null) {
                html.append("<p><em>").append(escape(a.summary)).append("</em></p>");
            }
            html.append(markdown.toSafeHtml(a.body)).append("</article>");
        }
        boolean italian = "it".equals(n.language);
        html.append("<hr><p><a href=\"")
                .append(escape(unsubscribeLink))
                .append("\">")
                .append(italian ? "Annulla l'iscrizione" : "Unsubscribe")
                .append("</a></p></body></html>");
        return html.toString();
    }

    /** How long a send holds its newsletter before another may take it over (a send that died). */
    static final Duration CLAIM = Duration.ofMinutes(10);

    /** Sends, or resumes, the newsletter; never inside one long transaction. */
    public Newsletter send(UUID id) {
        QuarkusTransaction.requiringNew().run(() -> claim(id));
        List<UUID> recipients = QuarkusTransaction.requiringNew().call(() -> stillToReach(id));
        for (UUID subscriber : recipients) {
            deliver(id, subscriber);
        }
        return QuarkusTransaction.requiringNew().call(() -> finish(id));
    }

    /** Takes the newsletter for this send, or refuses: sent already, or another send holds it. */
    private void claim(UUID id) {
        Newsletter n = Newsletter.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (n == null) {
            throw ProblemException.notFound("Newsletter", id);
        }
        OffsetDateTime now = now();
        if ("SENT".equals(n.status)) {
            throw ProblemException.conflict("This newsletter was already sent", Map.of("currentStatus", n.status));
        }
        if ("SENDING".equals(n.status) && n.sendingSince.isAfter(now.minus(CLAIM))) {
            throw ProblemException.conflict("This newsletter is being sent", Map.of("currentStatus", n.status));
        }
        // a send that died left these in the middle of their mail: it may have left, so it is not sent again
        Delivery.update("outcome = 'UNKNOWN' where newsletterId = ?1 and outcome = 'SENDING'", id);
        n.status = "SENDING";
        n.sendingSince = now;
        n.updatedAt = now;
    }

    /** The confirmed subscribers it is for whom no send has reached (or may have reached) yet. */
    private List<UUID> stillToReach(UUID id) {
        Newsletter n = found(id);
        Set<UUID> done =
                Delivery.<Delivery>list("newsletterId = ?1 and (outcome = 'SENT' or outcome = 'UNKNOWN')", id).stream()
                        .map(d -> d.subscriberId)
                        .collect(Collectors.toSet());
        return Subscriber.<Subscriber>list("status = ?1 and language = ?2", Subscriber.CONFIRMED, n.language).stream()
                .filter(s -> s.wants(n.topics, n.municipalities) && !done.contains(s.id))
                .map(s -> s.id)
                .toList();
    }

    /** One mail: its delivery row says SENDING before it leaves, and what came of it after. */
    private void deliver(UUID id, UUID subscriberId) {
        Mail mail = QuarkusTransaction.requiringNew().call(() -> {
            Newsletter n = found(id);
            Subscriber s = Subscriber.findById(subscriberId);
            Delivery d = Delivery.findById(new Delivery.Key(id, subscriberId));
            if (d == null) {
                d = new Delivery();
                d.newsletterId = id;
                d.subscriberId = subscriberId;
            }
            d.sentAt = now();
            d.outcome = "SENDING";
            d.persist();
            String unsubscribe = subscribers.unsubscribeLink(s);
            return Mail.withHtml(s.email, n.subject, html(n, unsubscribe))
                    .addHeader("List-Unsubscribe", "<" + unsubscribe + ">")
                    .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        });
        String outcome;
        try {
            mailer.send(mail);
            outcome = "SENT";
        } catch (RuntimeException e) {
            LOG.warnf("Newsletter %s to subscriber %s failed: %s", id, subscriberId, e.getMessage());
            outcome = "FAILED: " + e.getMessage();
        }
        String result = outcome;
        QuarkusTransaction.requiringNew().run(() -> {
            Delivery d = Delivery.findById(new Delivery.Key(id, subscriberId));
            d.outcome = result;
            d.sentAt = now();
        });
    }

    /** SENT with its event when every delivery went; INCOMPLETE (for a new send to resume) otherwise. */
    private Newsletter finish(UUID id) {
        Newsletter n = Newsletter.findById(id, LockModeType.PESSIMISTIC_WRITE);
        long failed = Delivery.count("newsletterId = ?1 and outcome like 'FAILED%'", id);
        OffsetDateTime now = now();
        n.sendingSince = null;
        n.updatedAt = now;
        if (failed > 0) {
            n.status = "INCOMPLETE";
            return n;
        }
        long reached = Delivery.count("newsletterId = ?1 and outcome = 'SENT'", id);
        n.status = "SENT";
        n.sentAt = now;
        n.recipients = (int) reached;
        Newsletter.flush();
        outbox.append(n.id, new NewsletterSent(n.id, n.language, n.announcementIds.size(), n.recipients, 0, now));
        return n;
    }

    public List<Delivery> log(UUID id) {
        found(id);
        return Delivery.list("newsletterId = ?1 order by sentAt, subscriberId", id);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
