package it.ngsiena.kernel.events;

import com.fasterxml.jackson.databind.JsonNode;
import it.ngsiena.contracts.EventCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Who may read an event, worked out from its data by the visibility its type declares ({@link EventCatalog}): the
 * one reading for every place that shows or tells an event to someone (the gateway's feed, the comms service's
 * notifications).
 */
public final class EventReaders {

    private EventReaders() {}

    /** The {@code Readers} names that may read this event. */
    public static Set<String> of(IncomingEvent event) {
        return readers(event.type(), event.data());
    }

    /** The {@code Readers} names that may read an event of this type with this data. */
    public static Set<String> readers(String type, JsonNode data) {
        return EventCatalog.PLATFORM.readers(type, municipalities(data), audience(data));
    }

    /** The municipalities an event concerns: its {@code municipalities} list or its {@code municipality}. */
    public static List<String> municipalities(JsonNode data) {
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

    /** An announcement's audience, or the one reader a notice is addressed to (Visibility.ADDRESSED). */
    public static String audience(JsonNode data) {
        JsonNode audience = data.hasNonNull("audience") ? data.get("audience") : data.get("addressedTo");
        return audience != null && audience.isTextual() ? audience.asText() : null;
    }
}
