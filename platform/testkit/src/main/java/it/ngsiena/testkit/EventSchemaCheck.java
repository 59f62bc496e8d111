package it.ngsiena.testkit;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import it.ngsiena.contracts.EventCatalog;
import it.ngsiena.contracts.EventSchema;
import it.ngsiena.contracts.EventType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * An event's data checked against its type's JSON Schema (draft 2020-12, formats asserted) by a validator we
 * did not write (networknt): what a consumer that validates would make of what we publish. The outbox probe
 * runs it on every event a service test reads, the e2e suite on every item of the feed.
 */
public final class EventSchemaCheck {

    private static final JsonMapper JSON = new JsonMapper();
    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemaCheck() {}

    /** How the data breaks its type's schema, one line each; empty when it conforms. Unknown types: an error. */
    public static List<String> violations(String type, String data) {
        EventType known = EventCatalog.PLATFORM.named(type).orElse(null);
        if (known == null) {
            return List.of(type + ": not in the event catalogue");
        }
        Schema schema = SCHEMAS.computeIfAbsent(
                type,
                t -> REGISTRY.getSchema(JSON.readTree(EventSchema.of(known).toString())));
        return schema
                .validate(
                        JSON.readTree(data),
                        context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)))
                .stream()
                .map(Error::toString)
                .map(message -> type + ": " + message)
                .toList();
    }

    /** Fails with the violations, if any. */
    public static void requireValid(String type, String data) {
        List<String> violations = violations(type, data);
        if (!violations.isEmpty()) {
            throw new AssertionError("event data breaks its schema: " + violations + " in " + data);
        }
    }
}
