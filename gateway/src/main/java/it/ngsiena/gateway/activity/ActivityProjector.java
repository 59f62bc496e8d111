package it.ngsiena.gateway.activity;

import com.fasterxml.jackson.databind.JsonNode;
import it.ngsiena.contracts.Workstream;
import it.ngsiena.kernel.events.IncomingEvent;
import it.ngsiena.kernel.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;

/**
 * Adds every event to the activity feed, including types the gateway does not know. Events carry no
 * personal data (the contracts forbid it), so the feed can show their data as it is.
 */
@ApplicationScoped
public class ActivityProjector implements EventHandler {

    private final EntityManager em;
    private final Event<NewActivity.Stored> stored;

    ActivityProjector(EntityManager em, Event<NewActivity.Stored> stored) {
        this.em = em;
        this.stored = stored;
    }

    @Override
    public void handle(IncomingEvent event) {
        store(event, "activity");
        stored.fire(new NewActivity.Stored(event.id()));
    }

    /** Derives the feed row of an event and stores it in the table, once per event id. */
    void store(IncomingEvent event, String table) {
        storeAll(List.of(event), table);
    }

    /** Derives the feed rows of events and stores them in the table in one JDBC batch, once per event id. */
    void storeAll(List<IncomingEvent> events, String table) {
        em.unwrap(Session.class).doWork(connection -> {
            try (var insert = connection.prepareStatement("""
                    insert into %s (event_id, event_type, workstream, source, subject, occurred_at,
                                          municipalities, title, data, public_event)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?) on conflict (event_id) do nothing""".formatted(table))) {
                for (IncomingEvent event : events) {
                    String workstream = Workstream.ofEventType(event.type()).map(Workstream::id)
                            .orElseGet(() -> workstreamOfTopic(event.topic()));
                    OffsetDateTime time = event.time() == null ? OffsetDateTime.now(ZoneOffset.UTC) : event.time();
                    insert.setString(1, event.id());
                    insert.setString(2, event.type());
                    insert.setString(3, workstream);
                    insert.setString(4, event.source());
                    insert.setString(5, event.subject());
                    insert.setObject(6, time);
                    insert.setArray(7, connection.createArrayOf("text", municipalities(event.data()).toArray()));
                    insert.setString(8, event.data().hasNonNull("title") ? event.data().get("title").asText() : null);
                    insert.setString(9, event.data().toString());
                    insert.setBoolean(10, PublicEvents.isPublic(event.type(), event.data()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /** The municipalities an event concerns: its {@code municipalities} list or its {@code municipality}. */
    static List<String> municipalities(JsonNode data) {
        List<String> codes = new ArrayList<>();
        JsonNode many = data.get("municipalities");
        if (many != null && many.isArray()) {
            many.forEach(code -> codes.add(code.asText()));
        }
        JsonNode one = data.get("municipality");
        if (one != null && one.isTextual() && !codes.contains(one.asText())) {
            codes.add(one.asText());
        }
        return codes;
    }

    private static String workstreamOfTopic(String topic) {
        for (Workstream w : Workstream.values()) {
            if (w.topic().equals(topic)) {
                return w.id();
            }
        }
        return "unknown";
    }
}
