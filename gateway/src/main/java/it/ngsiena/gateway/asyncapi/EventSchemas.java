package it.ngsiena.gateway.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.ngsiena.contracts.EventCatalog;
import it.ngsiena.kernel.openapi.PropertyConventions;
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

    /**
     * The same, as a schema embedded in another document: without its own {@code $schema} and {@code $id},
     * its properties described by convention where the schema leaves them undescribed (as the services'
     * schemas are, by the kernel's OpenAPI filter).
     */
    public static ObjectNode embedded(String type) {
        ObjectNode schema = of(type);
        schema.remove("$schema");
        schema.remove("$id");
        describeProperties(schema);
        return schema;
    }

    private static void describeProperties(JsonNode schema) {
        if (schema.get("properties") instanceof ObjectNode properties) {
            properties.properties().forEach(property -> {
                if (property.getValue() instanceof ObjectNode value) {
                    if (!value.has("description")) {
                        PropertyConventions.describe(null, property.getKey())
                                .ifPresent(description -> value.put("description", description));
                    }
                    describeProperties(value);
                }
            });
        }
        if (schema.get("items") instanceof ObjectNode items) {
            describeProperties(items);
        }
    }
}
