package it.ngsiena.kernel.events;

import com.fasterxml.jackson.databind.JsonNode;
import it.ngsiena.contracts.EventSource;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A CloudEvent read from a topic, with its data as JSON. Consumers read the data tolerantly into the
 * payload record of the contracts module with {@link #dataAs(Class)}; {@code actor} is who made it happen,
 * when the event says ({@link Actor}).
 */
public record IncomingEvent(
        String id,
        String type,
        String source,
        String subject,
        OffsetDateTime time,
        String topic,
        JsonNode data,
        Actor actor) {

    /** An event whose actor is not known (published before events carried one, or by a test). */
    public IncomingEvent(
            String id, String type, String source, String subject, OffsetDateTime time, String topic, JsonNode data) {
        this(id, type, source, subject, time, topic, data, null);
    }

    /**
     * Why this event may not be taken from the topic it came on, if it may not: on a topic of the platform's
     * (a workstream's, or the programme's) only that publisher's events are accepted, by their CloudEvents
     * source and type. Whoever may write to one topic (a service's Kafka user, a replayed dead letter) cannot
     * pass off another workstream's events through it. Topics of no known publisher (a test's own) are not
     * judged. The consumers send such an event to the DLQ; the gateway's rebuild skips it.
     */
    public Optional<String> foreignToItsTopic() {
        Optional<EventSource> owner =
                EventSource.all().stream().filter(s -> s.topic().equals(topic)).findFirst();
        if (owner.isEmpty()
                || (owner.get().source().equals(source)
                        && type != null
                        && type.startsWith(owner.get().typePrefix()))) {
            return Optional.empty();
        }
        return Optional.of("foreign to its topic: " + topic + " carries only "
                + owner.get().id() + " events (source " + owner.get().source() + ", types "
                + owner.get().typePrefix() + "*), not " + type + " from " + source);
    }

    /** The data as a payload record; unknown fields are ignored. */
    public <T> T dataAs(Class<T> payloadType) {
        try {
            return EventCodec.JSON.treeToValue(data, payloadType);
        } catch (Exception e) {
            throw new MalformedEventException(
                    "event " + id + " of type " + type + " has unreadable data: " + e.getMessage(), e);
        }
    }
}
