package it.ngsiena.gateway.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import it.ngsiena.contracts.EventCatalog;
import it.ngsiena.contracts.EventType;
import it.ngsiena.gateway.asyncapi.EventSchemas;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Gives the activity feed's items their real data in the API document: {@code ActivityItem} becomes a
 * {@code oneOf} with one variant per event type of the catalogue, told apart by {@code type} (a
 * discriminator), each variant's {@code data} being the contracts' JSON Schema of that type. Generated
 * clients then decode an item's data as the event's own class instead of a map. The fields every item
 * has stay in {@code ActivityItemCommon}, which the Java record {@code ActivityItem} describes.
 */
final class TypedActivityItems {

    static final String ITEM = "ActivityItem";
    static final String COMMON = "ActivityItemCommon";

    private TypedActivityItems() {}

    static void apply(ObjectNode document) {
        ObjectNode schemas = document.withObjectProperty("components").withObjectProperty("schemas");
        if (!(schemas.get(ITEM) instanceof ObjectNode common)) {
            return; // the gateway's own document is missing: nothing to type
        }
        common.withObjectProperty("properties").remove("type");
        common.withObjectProperty("properties").remove("data");
        common.put("description", "What every item of the activity feed has, whatever its type");
        schemas.set(COMMON, common);

        ObjectNode item = schemas.putObject(ITEM);
        item.put(
                "description",
                "One event of the feed: the fields every item has, a type from the event catalogue,"
                        + " and the event's data as that type's schema describes it (the AsyncAPI document's payload)");
        var variants = item.putArray("oneOf");
        ObjectNode discriminator = item.putObject("discriminator");
        discriminator.put("propertyName", "type");
        ObjectNode mapping = discriminator.putObject("mapping");
        for (EventType eventType : EventSchemas.byName(EventCatalog.PLATFORM)) {
            String type = eventType.name();
            String name = schemaName(type);
            ObjectNode data = EventSchemas.embedded(eventType);
            require(schemas, name + "Data").setAll(data);
            ObjectNode variant = require(schemas, name + "Activity");
            variant.put(
                    "description",
                    "An activity item of type " + type + ": "
                            + data.path("title").asText());
            var allOf = variant.putArray("allOf");
            allOf.addObject().put("$ref", ref(COMMON));
            ObjectNode own = allOf.addObject();
            own.put("type", "object");
            own.putArray("required").add("type").add("data");
            ObjectNode properties = own.putObject("properties");
            properties
                    .putObject("type")
                    .put("type", "string")
                    .put("description", "The event type")
                    .putArray("enum")
                    .add(type);
            properties
                    .putObject("data")
                    .put("$ref", ref(name + "Data"))
                    .put("description", "The event's data (no names or e-mails; an erased participant by a pseudonym)");
            variants.addObject().put("$ref", ref(name + "Activity"));
            mapping.put(type, ref(name + "Activity"));
        }
    }

    /** {@code it.ngsiena.participation.need.status-changed.v1}: {@code NeedStatusChangedV1}. */
    static String schemaName(String type) {
        String[] parts = type.split("\\.");
        return Arrays.stream(parts, 3, parts.length)
                .flatMap(part -> Arrays.stream(part.split("-")))
                .map(word -> word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1))
                .collect(Collectors.joining());
    }

    private static ObjectNode require(ObjectNode schemas, String name) {
        if (schemas.has(name)) {
            throw new IllegalStateException("The API document already has a schema " + name);
        }
        return schemas.putObject(name);
    }

    private static String ref(String name) {
        return "#/components/schemas/" + name;
    }
}
