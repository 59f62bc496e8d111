package it.ngsiena.kernel.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/**
 * A CloudEvent read from a topic, with its data as JSON. Consumers read the data tolerantly into the
 * payload record of the contracts module with {@link #dataAs(Class)}.
 */
public record IncomingEvent(
        String id, String type, String source, String subject, OffsetDateTime time, String topic, JsonNode data) {

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
