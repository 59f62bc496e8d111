package it.ngsiena.comms.notification;

import io.quarkus.hibernate.orm.panache.Panache;
import it.ngsiena.kernel.events.IncomingEvent;
import it.ngsiena.kernel.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Keeps each event that somebody is to be told of, in the transaction that records it as handled; the
 * {@link NotificationWorker} then works out whom to tell. An event delivered twice is kept once.
 */
@ApplicationScoped
public class NotificationEvents implements EventHandler {

    private final Event<NotificationWorker.Kept> kept;

    NotificationEvents(Event<NotificationWorker.Kept> kept) {
        this.kept = kept;
    }

    @Override
    public void handle(IncomingEvent event) {
        SessionStaff.record(event);
        if (NotificationRules.of(event.type()).isEmpty()) {
            return;
        }
        Panache.getEntityManager()
                .createNativeQuery("insert into notification_event (event_id, event_type, subject_id, occurred_at,"
                        + " data, received_at) values (?1, ?2, ?3, ?4, cast(?5 as jsonb), ?6)"
                        + " on conflict (event_id) do nothing")
                .setParameter(1, event.id())
                .setParameter(2, event.type())
                .setParameter(3, event.subject() == null ? "" : event.subject())
                .setParameter(4, event.time() == null ? OffsetDateTime.now(ZoneOffset.UTC) : event.time())
                .setParameter(5, event.data().toString())
                .setParameter(6, OffsetDateTime.now(ZoneOffset.UTC))
                .executeUpdate();
        kept.fire(new NotificationWorker.Kept());
    }
}
