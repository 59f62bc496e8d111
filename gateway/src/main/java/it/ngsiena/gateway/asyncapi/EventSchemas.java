package it.ngsiena.gateway.asyncapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.ngsiena.contracts.EventCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The JSON Schema (2020-12) of each event type's data, as the contracts module publishes it under
 * {@code schemas/<type>.json}: the one description of an event's data that the AsyncAPI and OpenAPI
 * documents both build on.
 */
public final class EventSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventSchemas() {
    }

    /** A fresh copy of the schema of {@code type}'s data (callers may change it). */
    public static ObjectNode of(String type) {
        try (InputStream in = EventCatalog.class.getResourceAsStream("/schemas/" + type + ".json")) {
            if (in == null) {
                throw new IllegalStateException("No schema for " + type + " in the contracts");
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same, as a schema embedded in another document: without its own {@code $schema} and {@code $id}. */
    public static ObjectNode embedded(String type) {
        ObjectNode schema = of(type);
        schema.remove("$schema");
        schema.remove("$id");
        return schema;
    }
}
