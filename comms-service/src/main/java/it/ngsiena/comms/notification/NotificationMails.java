package it.ngsiena.comms.notification;

import io.quarkus.qute.Engine;
import it.ngsiena.kernel.directory.Person;
import it.ngsiena.kernel.mail.MailQueue;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The mail that tells a person of one notification, in their language (Qute templates
 * {@code notification/one-<it|en>.<txt|html>}), queued in the transaction that made the notification. Its key is
 * the person and the event: one mail per person and event, however often the event comes.
 */
@ApplicationScoped
public class NotificationMails {

    private final MailQueue queue;
    private final Engine templates;
    private final String base;

    NotificationMails(
            MailQueue queue, Engine templates, @ConfigProperty(name = "ngs.comms.public-base-url") String base) {
        this.queue = queue;
        this.templates = templates;
        this.base = base.replaceAll("/+$", "");
    }

    /** The day's digest of a person: one mail per person and day (its key), the items in the order they happened. */
    boolean queueDigest(Person person, LocalDate day, List<DailyDigest.Item> items, Preferences preferences) {
        boolean italian = preferences.italian();
        String language = italian ? "it" : "en";
        DateTimeFormatter at = DateTimeFormatter.ofPattern("d/M HH:mm");
        List<Map<String, String>> lines = items.stream()
                .map(i -> Map.of(
                        "title",
                        italian ? i.titleIt() : i.titleEn(),
                        "at",
                        at.format(i.occurredAt().atZoneSameInstant(DailyDigest.ROME))))
                .toList();
        Map<String, Object> data = Map.of(
                "name",
                person.name(),
                "items",
                lines,
                "count",
                items.size(),
                "inbox",
                base + "/v1/notifications",
                "preferences",
                base + "/v1/notifications/preferences");
        String subject = italian
                ? "Next Generation Siena: " + items.size() + (items.size() == 1 ? " notifica" : " notifiche") + " del "
                        + DateTimeFormatter.ofPattern("d/M/yyyy").format(day)
                : "Next Generation Siena: " + items.size() + (items.size() == 1 ? " notification" : " notifications")
                        + " of "
                        + DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH)
                                .format(day);
        return queue.enqueue(new MailQueue.OutgoingMail(
                "digest:" + person.subject() + ":" + day,
                person.email(),
                subject,
                templates
                        .getTemplate("notification/digest-" + language + ".txt")
                        .render(data),
                templates
                        .getTemplate("notification/digest-" + language + ".html")
                        .render(data)));
    }

    void queue(Person person, String eventId, Preferences preferences, String titleIt, String titleEn) {
        boolean italian = preferences.italian();
        String language = italian ? "it" : "en";
        String title = italian ? titleIt : titleEn;
        Map<String, Object> data = Map.of(
                "name",
                person.name(),
                "title",
                title,
                "inbox",
                base + "/v1/notifications",
                "preferences",
                base + "/v1/notifications/preferences");
        String text =
                templates.getTemplate("notification/one-" + language + ".txt").render(data);
        String html =
                templates.getTemplate("notification/one-" + language + ".html").render(data);
        queue.enqueue(new MailQueue.OutgoingMail(
                "notification:" + person.subject() + ":" + eventId,
                person.email(),
                "Next Generation Siena: " + title,
                text,
                html));
    }
}
