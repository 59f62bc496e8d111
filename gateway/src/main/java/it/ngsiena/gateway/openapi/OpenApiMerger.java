package it.ngsiena.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges OpenAPI documents into one: the gateway's document gives the info; paths, tags and
 * component definitions of every service's document are added. A component defined identically in
 * several documents (Problem, from the kernel) is kept once. A path or a component name that two
 * documents define differently is a conflict: the first definition stays and the conflict is listed
 * in {@code x-merge-conflicts}, so that a client never gets a silently wrong schema.
 */
final class OpenApiMerger {

    static final String CONFLICTS = "x-merge-conflicts";

    private OpenApiMerger() {}

    /** @param services each service's document by its name, in the order they are merged */
    static ObjectNode merge(ObjectMapper json, JsonNode gateway, Map<String, JsonNode> services) {
        ObjectNode merged = gateway.deepCopy();
        ObjectNode paths = objectAt(json, merged, "paths");
        ObjectNode components = objectAt(json, merged, "components");
        ArrayNode tags = merged.has("tags") ? (ArrayNode) merged.get("tags") : merged.putArray("tags");
        Set<String> tagNames = new HashSet<>();
        tags.forEach(t -> tagNames.add(t.path("name").asText()));
        Map<String, String> definedBy = new HashMap<>();
        List<String> conflicts = new ArrayList<>();
        services.forEach((name, service) -> {
            service.path("paths")
                    .fields()
                    .forEachRemaining(p ->
                            add(paths, "paths" + p.getKey(), p.getKey(), p.getValue(), name, definedBy, conflicts));
            service.path("components").fields().forEachRemaining(kind -> {
                ObjectNode target = objectAt(json, components, kind.getKey());
                kind.getValue()
                        .fields()
                        .forEachRemaining(c -> add(
                                target,
                                kind.getKey() + "/" + c.getKey(),
                                c.getKey(),
                                c.getValue(),
                                name,
                                definedBy,
                                conflicts));
            });
            service.path("tags").forEach(t -> {
                if (tagNames.add(t.path("name").asText())) {
                    tags.add(t);
                }
            });
        });
        if (!conflicts.isEmpty()) {
            conflicts.forEach(merged.putArray(CONFLICTS)::add);
        }
        return merged;
    }

    private static void add(
            ObjectNode target,
            String key,
            String field,
            JsonNode value,
            String service,
            Map<String, String> definedBy,
            List<String> conflicts) {
        JsonNode existing = target.get(field);
        if (existing == null) {
            target.set(field, value);
            definedBy.put(key, service);
        } else if (!existing.equals(value)) {
            conflicts.add(key + " differs between " + definedBy.getOrDefault(key, "gateway") + " and " + service);
        }
    }

    private static ObjectNode objectAt(ObjectMapper json, ObjectNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node instanceof ObjectNode object) {
            return object;
        }
        ObjectNode created = json.createObjectNode();
        parent.set(field, created);
        return created;
    }
}
