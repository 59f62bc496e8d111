package it.ngsiena.gateway.activity;

import com.fasterxml.jackson.databind.JsonNode;
import it.ngsiena.contracts.EventSource;
import it.ngsiena.kernel.events.Actor;
import it.ngsiena.kernel.events.EventReaders;
import it.ngsiena.kernel.events.IncomingEvent;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The feed row of an event, with who may read it and who made it happen ({@link Actor}, null if not said) ({@link EventCatalog#readers}), derived in one place for the live feed ({@link ActivityProjector}) and for
 * a rebuild's scratch table ({@link ActivityRebuild}).
 */
record FeedRow(
        String eventId,
        String type,
        String workstream,
        String source,
        String subject,
        OffsetDateTime time,
        List<String> municipalities,
        String title,
        String data,
        List<String> readers,
        Actor actor) {

    static FeedRow of(IncomingEvent event) {
        JsonNode data = event.data();
        List<String> municipalities = EventReaders.municipalities(data);
        return new FeedRow(
                event.id(),
                event.type(),
                EventSource.ofEventType(event.type())
                        .map(EventSource::id)
                        .orElseGet(() -> workstreamOfTopic(event.topic())),
                event.source(),
                event.subject(),
                toMicroseconds(event.time() == null ? OffsetDateTime.now(ZoneOffset.UTC) : event.time()),
                municipalities,
                data.hasNonNull("title") ? data.get("title").asText() : null,
                data.toString(),
                List.copyOf(EventReaders.of(event)),
                event.actor());
    }

    /** The same row with other data (an erased participant's id replaced: ParticipantErasures). */
    FeedRow withData(String other) {
        return new FeedRow(
                eventId, type, workstream, source, subject, time, municipalities, title, other, readers, actor);
    }

    String actorSubject() {
        return actor == null ? null : actor.subject();
    }

    String actorClient() {
        return actor == null ? null : actor.client();
    }

    String actorRole() {
        return actor == null ? null : actor.role();
    }

    /**
     * PostgreSQL keeps microseconds. Rounded here (half up, as the JDBC driver rounds), so a row written
     * live and its copy in a rebuild hold the same instant; left to PostgreSQL's text parsing, an
     * instant half-way between two microseconds could round the other way.
     */
    static OffsetDateTime toMicroseconds(OffsetDateTime time) {
        return time.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
    }

    private static String workstreamOfTopic(String topic) {
        for (EventSource s : EventSource.all()) {
            if (s.topic().equals(topic)) {
                return s.id();
            }
        }
        return "unknown";
    }
}
