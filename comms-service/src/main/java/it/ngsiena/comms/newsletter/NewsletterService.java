package it.ngsiena.comms.newsletter;

import static it.ngsiena.kernel.persistence.AuditedEntity.now;

import io.quarkus.mailer.Mail;
import it.ngsiena.comms.announcement.Announcement;
import it.ngsiena.comms.announcement.AnnouncementStatus;
import it.ngsiena.comms.announcement.Audience;
import it.ngsiena.comms.announcement.MarkdownRenderer;
import it.ngsiena.contracts.Workstream;
import it.ngsiena.contracts.comms.NewsletterSent;
import it.ngsiena.kernel.outbox.Outbox;
import it.ngsiena.kernel.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Newsletters: composed from the public announcements published since the last newsletter sent in
 * that language, previewed, then sent over SMTP once to every confirmed subscriber who wants its
 * topics and municipalities, each message with its own one-click unsubscribe link. The send log
 * keeps one line per subscriber. Messages already handed to the SMTP server cannot be recalled: if
 * the service stops in the middle of a send, the transaction rolls back and a new send would reach
 * those subscribers again.
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
        OffsetDateTime since = Newsletter.<Newsletter>find("status = 'SENT' and language = ?1 order by sentAt desc",
                request.language()).firstResultOptional().map(n -> n.sentAt)
                .orElse(OffsetDateTime.parse("2000-01-01T00:00:00Z"));
        List<UUID> announcements = Announcement.<Announcement>list(
                "status = ?1 and audience = ?2 and language = ?3 and publishedAt > ?4 order by publishedAt",
                AnnouncementStatus.PUBLISHED, Audience.PUBLIC, request.language(), since).stream()
                .filter(a -> request.topics() == null || request.topics().isEmpty()
                        || a.tags.stream().anyMatch(request.topics()::contains))
                .map(a -> a.id).toList();
        if (announcements.isEmpty()) {
            throw ProblemException.unprocessable("No public announcement in this language was published since the"
                    + " last newsletter", List.of());
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
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(n.language)
                .append("\"><head><meta charset=\"utf-8\"><title>").append(escape(n.subject))
                .append("</title></head><body><h1>").append(escape(n.subject)).append("</h1>");
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
        html.append("<hr><p><a href=\"").append(escape(unsubscribeLink)).append("\">")
                .append(italian ? "Annulla l'iscrizione" : "Unsubscribe").append("</a></p></body></html>");
        return html.toString();
    }

    @Transactional
    public Newsletter send(UUID id) {
        Newsletter n = found(id);
        if (!"DRAFT".equals(n.status)) {
            throw ProblemException.conflict("This newsletter was already sent", Map.of("currentStatus", n.status));
        }
        List<Subscriber> recipients = Subscriber.<Subscriber>list("status = ?1 and language = ?2",
                Subscriber.CONFIRMED, n.language).stream()
                .filter(s -> s.wants(n.topics, n.municipalities)).toList();
        OffsetDateTime now = now();
        int failed = 0;
        for (Subscriber s : recipients) {
            Delivery d = new Delivery();
            d.newsletterId = n.id;
            d.subscriberId = s.id;
            d.sentAt = now;
            String unsubscribe = subscribers.unsubscribeLink(s);
            try {
                mailer.send(Mail.withHtml(s.email, n.subject, html(n, unsubscribe))
                        .addHeader("List-Unsubscribe", "<" + unsubscribe + ">")
                        .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));
                d.outcome = "SENT";
            } catch (RuntimeException e) {
                LOG.warnf("Newsletter %s to subscriber %s failed: %s", n.id, s.id, e.getMessage());
                d.outcome = "FAILED: " + e.getMessage();
                failed++;
            }
            d.persist();
        }
        n.status = "SENT";
        n.sentAt = now;
        n.recipients = recipients.size() - failed;
        n.updatedAt = now;
        Newsletter.flush();
        outbox.append(Workstream.COMMS, NewsletterSent.TYPE, n.id, new NewsletterSent(n.id, n.language,
                n.announcementIds.size(), n.recipients, failed, now));
        return n;
    }

    public List<Delivery> log(UUID id) {
        found(id);
        return Delivery.list("newsletterId = ?1 order by sentAt, subscriberId", id);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
