package it.ngsiena.gateway.activity;

import it.ngsiena.kernel.events.IncomingEvent;
import it.ngsiena.kernel.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.hibernate.Session;

/**
 * Adds every event to the activity feed, including types the gateway does not know, with who may read
 * it (see {@link FeedRow}): the feed shows an event's data as it is, to those readers only.
 */
@ApplicationScoped
public class ActivityProjector implements EventHandler {

    private final EntityManager em;
    private final ParticipantErasures erasures;
    private final Event<NewActivity.Stored> stored;

    ActivityProjector(EntityManager em, ParticipantErasures erasures, Event<NewActivity.Stored> stored) {
        this.em = em;
        this.erasures = erasures;
        this.stored = stored;
    }

    @Override
    public void handle(IncomingEvent event) {
        handleAll(List.of(event));
    }

    /** Stores a poll's rows in one JDBC batch, and tells the streams once. */
    @Override
    public void handleAll(List<IncomingEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        store(events.stream().map(FeedRow::of).toList());
        stored.fire(new NewActivity.Stored(events.get(events.size() - 1).id()));
    }

    /** Stores the rows in the feed, once per event id, with erasures applied. */
    private void store(List<FeedRow> received) {
        em.unwrap(Session.class).doWork(connection -> {
            List<FeedRow> rows = erasures.beforeStoring(connection, received);
            try (var insert = connection.prepareStatement("""
                    insert into activity (event_id, event_type, workstream, source, subject, occurred_at,
                                          municipalities, title, data, readers, actor_sub, actor_client, actor_role)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?) on conflict (event_id) do nothing""")) {
                for (FeedRow row : rows) {
                    insert.setString(1, row.eventId());
                    insert.setString(2, row.type());
                    insert.setString(3, row.workstream());
                    insert.setString(4, row.source());
                    insert.setString(5, row.subject());
                    insert.setObject(6, row.time());
                    insert.setArray(
                            7,
                            connection.createArrayOf(
                                    "text", row.municipalities().toArray()));
                    insert.setString(8, row.title());
                    insert.setString(9, row.data());
                    insert.setArray(
                            10, connection.createArrayOf("text", row.readers().toArray()));
                    insert.setString(11, row.actorSubject());
                    insert.setString(12, row.actorClient());
                    insert.setString(13, row.actorRole());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }
}
