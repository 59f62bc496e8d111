package it.ngsiena.gateway.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.ngsiena.gateway.activity.ActivityEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;

/**
 * A feed entry as a CloudEvents 1.0 event in structured mode ({@code application/cloudevents+json}):
 * the event's own attributes as published, its data, and two extension attributes:
 * {@code ngsposition}, its position in the feed (what a replay or the delivery log names), and
 * {@code ngsmunicipalities}, the ISTAT codes it concerns, comma-separated.
 */
final class CloudEventBody {

    static final String MEDIA_TYPE = "application/cloudevents+json";

    private CloudEventBody() {}

    static byte[] of(ActivityEntry entry, ObjectMapper json) {
        ObjectNode event = json.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", entry.eventId);
        event.put("source", entry.source);
        event.put("type", entry.type);
        if (entry.subject != null) {
            event.put("subject", entry.subject);
        }
        event.put("time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(entry.occurredAt));
        event.put("datacontenttype", "application/json");
        event.put("ngsposition", entry.seq);
        event.put("ngsmunicipalities", String.join(",", entry.municipalities));
        try {
            event.set("data", json.readTree(entry.data));
            return json.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException("stored event " + entry.eventId + " has unreadable data", e);
        }
    }
}
