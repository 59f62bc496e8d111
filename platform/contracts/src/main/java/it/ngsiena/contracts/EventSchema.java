package it.ngsiena.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The JSON Schema (2020-12) of an event type's data, as {@code schemas/<type>.json} on the class path
 * holds it, and the check that it describes the type's record: the one description of an event's data
 * that consumers, the AsyncAPI document and the gateway's OpenAPI document all build on.
 */
public final class EventSchema {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventSchema() {}

    /** A fresh copy of the schema (callers may change it). */
    public static ObjectNode of(EventType type) {
        try (InputStream in = type.payload().getResourceAsStream(type.schemaResource())) {
            if (in == null) {
                throw new IllegalStateException("No schema " + type.schemaResource() + " on the class path");
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * How the schema and the record disagree, in words; empty when they agree: the schema names exactly
     * the record's fields, requires only fields the record has, and its {@code $id} ends with the type.
     */
    public static List<String> mismatches(EventType type) {
        if (type.payload().getResource(type.schemaResource()) == null) {
            return List.of(type.name() + ": no schema " + type.schemaResource());
        }
        JsonNode schema = of(type);
        Set<String> fields = new TreeSet<>(Arrays.stream(type.payload().getRecordComponents())
                .map(RecordComponent::getName)
                .toList());
        Set<String> described = new TreeSet<>();
        schema.path("properties").fieldNames().forEachRemaining(described::add);
        List<String> problems = new ArrayList<>();
        if (!described.equals(fields)) {
            problems.add(type.name() + ": the record has " + fields + ", the schema describes " + described);
        }
        schema.path("required").forEach(required -> {
            if (!fields.contains(required.asText())) {
                problems.add(type.name() + ": the schema requires " + required.asText() + ", which the record lacks");
            }
        });
        if (schema.hasNonNull("$id") && !schema.get("$id").asText().endsWith(type.name() + ".json")) {
            problems.add(
                    type.name() + ": the schema's $id is " + schema.get("$id").asText());
        }
        return problems;
    }
}
