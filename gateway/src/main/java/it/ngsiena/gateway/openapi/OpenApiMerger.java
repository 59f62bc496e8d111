package it.ngsiena.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges OpenAPI documents into one: the gateway's document gives the info; paths, tags and
 * component definitions of every document are added (the first definition of a shared component,
 * such as Problem, wins: they come from the same kernel class).
 */
final class OpenApiMerger {

    private OpenApiMerger() {
    }

    static ObjectNode merge(ObjectMapper json, JsonNode gateway, List<JsonNode> services) {
        ObjectNode merged = gateway.deepCopy();
        ObjectNode paths = objectAt(json, merged, "paths");
        ObjectNode components = objectAt(json, merged, "components");
        ArrayNode tags = merged.has("tags") ? (ArrayNode) merged.get("tags") : merged.putArray("tags");
        Set<String> tagNames = new HashSet<>();
        tags.forEach(t -> tagNames.add(t.path("name").asText()));
        for (JsonNode service : services) {
            service.path("paths").fields().forEachRemaining(p -> paths.set(p.getKey(), p.getValue()));
            for (Iterator<Map.Entry<String, JsonNode>> kinds = service.path("components").fields(); kinds.hasNext(); ) {
                Map.Entry<String, JsonNode> kind = kinds.next();
                ObjectNode target = objectAt(json, components, kind.getKey());
                kind.getValue().fields().forEachRemaining(c -> {
                    if (!target.has(c.getKey())) {
                        target.set(c.getKey(), c.getValue());
                    }
                });
            }
            service.path("tags").forEach(t -> {
                if (tagNames.add(t.path("name").asText())) {
                    tags.add(t);
                }
            });
        }
        return merged;
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
