package it.ngsiena.comms.notification;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import it.ngsiena.kernel.directory.Directory;
import it.ngsiena.kernel.directory.Person;
import it.ngsiena.kernel.worker.Periodic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Once a day, at {@code ngs.notifications.digest-hour} in Europe/Rome, each person with notifications waiting for
 * the digest (categories they set to DAILY) receives one mail listing them. The day's digest lists what was made
 * before that hour and is keyed by person and day in the mail queue, so it is queued once however many replicas
 * run this, and however often; what comes after the hour waits for the next day's. Rows are claimed with SKIP
 * LOCKED and cleared in the transaction that queues the mail.
 */
@ApplicationScoped
public class DailyDigest {

    static final ZoneId ROME = ZoneId.of("Europe/Rome");
    private static final Logger LOG = Logger.getLogger(DailyDigest.class);

    /** One line of a digest. */
    record Item(String titleIt, String titleEn, OffsetDateTime occurredAt) {}

    private final Recipients recipients;
    private final NotificationMails mails;
    private final LocalTime hour;
    private final Duration sweep;
    private Periodic worker;

    DailyDigest(
            Recipients recipients,
            NotificationMails mails,
            @ConfigProperty(name = "ngs.notifications.digest-hour", defaultValue = "08:00") LocalTime hour,
            @ConfigProperty(name = "ngs.notifications.digest-sweep", defaultValue = "1m") Duration sweep) {
        this.recipients = recipients;
        this.mails = mails;
        this.hour = hour;
        this.sweep = sweep;
    }

    void start(@Observes StartupEvent startup) {
        worker = Periodic.start("notification-digest", sweep, () -> sendDue(Instant.now()));
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (worker != null) {
            worker.stop();
        }
    }

    /** The latest digest time at or before {@code now}: today's hour in Rome once passed, else yesterday's. */
    ZonedDateTime cutoff(Instant now) {
        ZonedDateTime local = now.atZone(ROME);
        ZonedDateTime today = local.toLocalDate().atTime(hour).atZone(ROME);
        return today.isAfter(local) ? today.minusDays(1) : today;
    }

    /**
     * Queues the digests due at {@code now} (the clock is a parameter: tests pass the hour they mean).
     *
     * @return how many digests were queued
     */
    int sendDue(Instant now) {
        try {
            ZonedDateTime cutoff = cutoff(now);
            OffsetDateTime before = cutoff.toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
            List<String> waiting = QuarkusTransaction.requiringNew().call(() -> waitingRecipients(before));
            if (waiting.isEmpty()) {
                return 0;
            }
            Map<String, Person> people = recipients.people().stream()
                    .collect(Collectors.toMap(Person::subject, Function.identity(), (a, b) -> a));
            int queued = 0;
            for (String recipient : waiting) {
                Person person = people.get(recipient);
                boolean sent = QuarkusTransaction.requiringNew()
                        .call(() -> digest(recipient, person, before, cutoff.toLocalDate()));
                queued += sent ? 1 : 0;
            }
            return queued;
        } catch (Directory.Unavailable e) {
            LOG.warnf("Digests wait: the directory cannot be read (%s)", e.getMessage());
        } catch (RuntimeException e) {
            LOG.warnf("Digests not sent this time: %s", e.toString());
        }
        return 0;
    }

    @SuppressWarnings("unchecked")
    private static List<String> waitingRecipients(OffsetDateTime before) {
        return Panache.getEntityManager()
                .createNativeQuery("select distinct recipient from notification where digest_due and created_at < ?1")
                .setParameter(1, before)
                .getResultList();
    }

    /** One person's digest of the day: claimed, queued and cleared in one transaction. */
    @SuppressWarnings("unchecked")
    private boolean digest(String recipient, Person person, OffsetDateTime before, LocalDate day) {
        var em = Panache.getEntityManager();
        List<Object[]> rows = em.createNativeQuery("select id, title_it, title_en, occurred_at from notification"
                        + " where recipient = ?1 and digest_due and created_at < ?2 order by occurred_at, id"
                        + " for update skip locked")
                .setParameter(1, recipient)
                .setParameter(2, before)
                .getResultList();
        if (rows.isEmpty()) {
            return false;
        }
        List<Item> items = rows.stream()
                .map(r -> new Item((String) r[1], (String) r[2], NotificationWorker.utc(r[3])))
                .toList();
        // a person no longer in the directory (left, or disabled) keeps the inbox items but gets no mail
        boolean queued = person != null && mails.queueDigest(person, day, items, Preferences.of(recipient));
        em.createNativeQuery("update notification set digest_due = false where id in (?1)")
                .setParameter(1, rows.stream().map(r -> r[0]).toList())
                .executeUpdate();
        return queued;
    }
}
