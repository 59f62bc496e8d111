package it.ngsiena.gateway.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.ngsiena.contracts.EventCatalog;
import it.ngsiena.contracts.EventSchema;
import it.ngsiena.contracts.EventType;
import it.ngsiena.kernel.openapi.PropertyConventions;
import java.util.Comparator;
import java.util.List;

/**
 * The contracts' JSON Schemas of event data ({@link EventSchema}) as the gateway's AsyncAPI and OpenAPI
 * documents embed them.
 */
public final class EventSchemas {

    private EventSchemas() {}

    /** A catalogue's types in the order the documents list them: by name. */
    public static List<EventType> byName(EventCatalog catalog) {
        return catalog.types().stream()
                .sorted(Comparator.comparing(EventType::name))
                .toList();
    }

    /**
     * The schema of a type's data embedded in another document: without its own {@code $schema} and
     * {@code $id}, its properties described by convention where the schema leaves them undescribed (as the
     * services' schemas are, by the kernel's OpenAPI filter).
     */
    public static ObjectNode embedded(EventType type) {
        ObjectNode schema = EventSchema.of(type);
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
