package it.ngsiena.testkit;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import it.ngsiena.contracts.EventCatalog;
import it.ngsiena.contracts.EventSchema;
import it.ngsiena.contracts.EventType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private static final Set<String> VALIDATED = ConcurrentHashMap.newKeySet();

    /**
     * The event types a module's test run validated, one per line, in the module's {@code target/}: the e2e
     * suite unions the services' and the gateway's lists to show every catalogued type validated somewhere.
     */
    public static final Path VALIDATED_TYPES = Path.of("target", "validated-event-types.txt");

    private EventSchemaCheck() {}

    /** How the data breaks its type's schema, one line each; empty when it conforms. Unknown types: an error. */
    public static List<String> violations(String type, String data) {
        EventType known = EventCatalog.PLATFORM.named(type).orElse(null);
        if (known == null) {
            return List.of(type + ": not in the event catalogue");
        }
        listValidated(type);
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

    /** Adds the type to this run's list; the first of the run starts the list afresh. */
    private static synchronized void listValidated(String type) {
        boolean first = VALIDATED.isEmpty();
        if (VALIDATED.add(type)) {
            try {
                Files.createDirectories(VALIDATED_TYPES.getParent());
                Files.writeString(
                        VALIDATED_TYPES,
                        type + "\n",
                        StandardOpenOption.CREATE,
                        first ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list the validated event types in " + VALIDATED_TYPES, e);
            }
        }
    }

    /** Fails with the violations, if any. */
    public static void requireValid(String type, String data) {
        List<String> violations = violations(type, data);
        if (!violations.isEmpty()) {
            throw new AssertionError("event data breaks its schema: " + violations + " in " + data);
        }
    }
}
