package it.ngsiena.kernel.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * CloudEvents 1.0 in structured JSON mode ({@code application/cloudevents+json}), through the
 * CloudEvents Java SDK: the one encoding of every record on every topic.
 */
public final class EventCodec {

    public static final String CONTENT_TYPE = JsonFormat.CONTENT_TYPE;

    /** Writes payloads as the contracts describe them; reads them tolerantly. */
    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

    private static final EventFormat FORMAT = new JsonFormat();

    private EventCodec() {}

    /** Event data (or a merge of it) read into a record, as tolerantly as consumers read payloads. */
    public static <T> T dataAs(Object data, Class<T> type) {
        return JSON.convertValue(data, type);
    }

    /** A payload record as the JSON text stored in the outbox. */
    public static String payloadJson(Object payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (Exception e) {
            throw new IllegalArgumentException("payload cannot be written as JSON: " + payload.getClass(), e);
        }
    }

    public static byte[] encode(
            String id, String source, String type, String subject, OffsetDateTime time, String dataJson) {
        return encode(id, source, type, subject, time, dataJson, null);
    }

    /** An event with who made it happen in its extension attributes ({@link Actor}; null: not known). */
    public static byte[] encode(
            String id, String source, String type, String subject, OffsetDateTime time, String dataJson, Actor actor) {
        CloudEventBuilder event = CloudEventBuilder.v1()
                .withId(id)
                .withSource(URI.create(source))
                .withType(type)
                .withSubject(subject)
                .withTime(time.withOffsetSameInstant(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(dataJson.getBytes(StandardCharsets.UTF_8));
        if (actor != null) {
            actor.extensions().forEach(event::withExtension);
        }
        return FORMAT.serialize(event.build());
    }

    private static Actor actorOf(CloudEvent event) {
        String subject = text(event.getExtension(Actor.SUBJECT_EXTENSION));
        String client = text(event.getExtension(Actor.CLIENT_EXTENSION));
        String role = text(event.getExtension(Actor.ROLE_EXTENSION));
        return subject == null && client == null && role == null ? null : new Actor(subject, client, role);
    }

    private static String text(Object extension) {
        return extension == null ? null : extension.toString();
    }

    /** Reads a record value; anything that is not a CloudEvent with JSON data is malformed. */
    public static IncomingEvent decode(String topic, byte[] value) {
        try {
            if (value == null) {
                throw new IllegalArgumentException("empty record");
            }
            CloudEvent event = FORMAT.deserialize(value);
            if (event.getData() == null) {
                throw new IllegalArgumentException("event has no data");
            }
            JsonNode data = JSON.readTree(event.getData().toBytes());
            if (data == null || !data.isObject()) {
                throw new IllegalArgumentException("event data is not a JSON object");
            }
            return new IncomingEvent(
                    event.getId(),
                    event.getType(),
                    event.getSource().toString(),
                    event.getSubject(),
                    event.getTime(),
                    topic,
                    data,
                    actorOf(event));
        } catch (MalformedEventException e) {
            throw e;
        } catch (Exception e) {
            throw new MalformedEventException("not a readable CloudEvent: " + e.getMessage(), e);
        }
    }
}
