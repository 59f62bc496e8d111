package it.ngsiena.comms.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import it.ngsiena.kernel.directory.Directory;
import it.ngsiena.kernel.directory.Person;
import it.ngsiena.kernel.events.EventReaders;
import it.ngsiena.kernel.worker.Periodic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Turns the kept events into notifications: for each, the people the rule names whom the event's visibility lets
 * read it, one inbox item each, in one transaction with the kept event's removal (so a crash halfway tells nobody
 * twice: the unique (recipient, event) holds), and for those who want it at once a mail queued in the same
 * transaction (kernel mail queue). Events are taken with SKIP LOCKED, so two instances share the work.
 * While the directory cannot be read, the events wait and are tried again at the next sweep.
 */
@ApplicationScoped
public class NotificationWorker {

    /** Fired when an event was kept; acted on once its transaction has committed. */
    public record Kept() {}

    private record Pending(String eventId, String type, String subjectId, OffsetDateTime occurredAt, JsonNode data) {}

    private static final Logger LOG = Logger.getLogger(NotificationWorker.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 50;

    private final Recipients recipients;
    private final NotificationMails mails;
    private final Duration sweep;
    private Periodic worker;

    NotificationWorker(
            Recipients recipients,
            NotificationMails mails,
            @ConfigProperty(name = "ngs.notifications.sweep", defaultValue = "5s") Duration sweep) {
        this.recipients = recipients;
        this.mails = mails;
        this.sweep = sweep;
    }

    void start(@Observes StartupEvent startup) {
        worker = Periodic.start("notifications", sweep, this::notifyKept);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (worker != null) {
            worker.stop();
        }
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Kept kept) {
        if (worker != null) {
            worker.now();
        }
    }

    /** Notifies for every kept event, a batch at a time. */
    void notifyKept() {
        try {
            int done;
            do {
                if (!QuarkusTransaction.requiringNew().call(NotificationWorker::anyKept)) {
                    return; // nothing waits: the directory is not asked (an idle sweep costs one query)
                }
                List<Person> people = recipients.people();
                done = QuarkusTransaction.requiringNew().call(() -> notifyBatch(people));
            } while (done == BATCH);
        } catch (Directory.Unavailable e) {
            LOG.warnf("Notifications wait: the directory cannot be read (%s)", e.getMessage());
        } catch (RuntimeException e) {
            LOG.warnf("Notifications not made this time: %s", e.toString());
        }
    }

    private static boolean anyKept() {
        return (Boolean) Panache.getEntityManager()
                .createNativeQuery("select exists (select 1 from notification_event)")
                .getSingleResult();
    }

    @SuppressWarnings("unchecked")
    private int notifyBatch(List<Person> people) {
        var em = Panache.getEntityManager();
        List<Object[]> rows = em.createNativeQuery("select event_id, event_type, subject_id, occurred_at,"
                        + " cast(data as text) from notification_event order by received_at, event_id"
                        + " limit " + BATCH + " for update skip locked")
                .getResultList();
        Map<String, Preferences> chosen = rows.isEmpty() ? Map.of() : Preferences.stored(); // once a batch
        for (Object[] row : rows) {
            Pending event =
                    new Pending((String) row[0], (String) row[1], (String) row[2], utc(row[3]), parse((String) row[4]));
            notifyOf(event, people, chosen);
            em.createNativeQuery("delete from notification_event where event_id = ?1")
                    .setParameter(1, event.eventId())
                    .executeUpdate();
        }
        return rows.size();
    }

    private void notifyOf(Pending event, List<Person> people, Map<String, Preferences> chosen) {
        NotificationRules.of(event.type()).ifPresent(rule -> {
            String session = event.data().path("sessionId").asText(null);
            List<String> staffOf = rule.told().contains(NotificationRules.Told.OFFICERS_ENROLLED)
                    ? SessionStaff.municipalities(session)
                    : List.of();
            Set<String> toTell = NotificationRules.toTell(rule, event.type(), event.data(), staffOf);
            Set<String> readers = EventReaders.readers(event.type(), event.data());
            // a session's events carry its id only: the calendar has its title
            String label = event.data().hasNonNull("title")
                    ? NotificationRules.label(event.data(), event.subjectId())
                    : SessionStaff.title(session)
                            .map(t -> "«" + t + "»")
                            .orElseGet(() -> NotificationRules.label(event.data(), event.subjectId()));
            List<String> titles = NotificationRules.titles(rule, event.type(), event.data(), label);
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            for (Person person : people) {
                if (NotificationRules.isFor(person.grants(), toTell, readers)) {
                    String titleIt = titles.get(0);
                    String titleEn = titles.get(1);
                    Preferences preferences = chosen.getOrDefault(person.subject(), Preferences.defaults());
                    Preferences.Mode mode = preferences.modeOf(rule.category());
                    int made = Panache.getEntityManager()
                            .createNativeQuery("insert into notification (id, recipient, event_id, event_type,"
                                    + " category, subject_id, title_it, title_en, occurred_at, created_at, digest_due)"
                                    + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
                                    + " on conflict (recipient, event_id) do nothing")
                            .setParameter(1, UUID.randomUUID())
                            .setParameter(2, person.subject())
                            .setParameter(3, event.eventId())
                            .setParameter(4, event.type())
                            .setParameter(5, rule.category().name())
                            .setParameter(6, event.subjectId())
                            .setParameter(7, titleIt)
                            .setParameter(8, titleEn)
                            .setParameter(9, event.occurredAt())
                            .setParameter(10, now)
                            .setParameter(11, mode == Preferences.Mode.DAILY)
                            .executeUpdate();
                    if (made == 1 && mode == Preferences.Mode.IMMEDIATE) {
                        mails.queue(person, event.eventId(), preferences, titleIt, titleEn);
                    }
                }
            }
        });
    }

    /** A timestamptz as the driver hands it over (an Instant, an OffsetDateTime or a Timestamp). */
    static OffsetDateTime utc(Object time) {
        if (time instanceof OffsetDateTime t) {
            return t;
        }
        if (time instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        return ((java.time.Instant) time).atOffset(ZoneOffset.UTC);
    }

    private static JsonNode parse(String data) {
        try {
            return JSON.readTree(data);
        } catch (Exception e) {
            return JSON.createObjectNode();
        }
    }
}
