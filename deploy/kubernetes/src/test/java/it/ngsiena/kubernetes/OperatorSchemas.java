package it.ngsiena.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The custom resources the operators serve, read from their CRDs in {@code crds/} (see its README for the
 * versions): which {@code apiVersion} and {@code kind} exist, and the schema each object must satisfy. As
 * {@code kubectl apply} does with strict field validation, a field the schema does not declare is an error
 * unless the schema keeps unknown fields ({@code x-kubernetes-preserve-unknown-fields}).
 */
final class OperatorSchemas {

    private static final JsonMapper JSON = new JsonMapper();

    /** apiVersion + " " + kind → its schema; groups → whether a CRD of the group is known at all. */
    private final Map<String, Schema> schemas = new HashMap<>();

    private final Map<String, List<String>> servedByGroup = new HashMap<>();

    private OperatorSchemas() {}

    static OperatorSchemas load(Path crds) throws IOException, InterruptedException {
        OperatorSchemas known = new OperatorSchemas();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
        List<Path> files;
        try (Stream<Path> listed = Files.list(crds)) {
            files = listed.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path file : files) {
            for (JsonNode crd : RenderedManifests.parse(Files.readString(file))) {
                if (!"CustomResourceDefinition".equals(crd.path("kind").asText())) {
                    continue;
                }
                String group = crd.path("spec").path("group").asText();
                String kind = crd.path("spec").path("names").path("kind").asText();
                for (JsonNode version : crd.path("spec").path("versions")) {
                    if (!version.path("served").asBoolean()) {
                        continue;
                    }
                    String apiVersion = group + "/" + version.path("name").asText();
                    known.servedByGroup
                            .computeIfAbsent(group, g -> new ArrayList<>())
                            .add(apiVersion + " " + kind);
                    ObjectNode schema = (ObjectNode) JSON.readTree(
                            version.path("schema").path("openAPIV3Schema").toString());
                    declareTheObjectsOwnFields(schema);
                    closeUnknownFields(schema);
                    known.schemas.put(apiVersion + " " + kind, registry.getSchema(schema));
                }
            }
        }
        return known;
    }

    /** Whether the object's group is one of an operator whose CRDs are known here. */
    boolean governs(JsonNode object) {
        return servedByGroup.containsKey(group(object.path("apiVersion").asText()));
    }

    /** What {@code kubectl apply} would refuse in this object: an unserved version or kind, or schema errors. */
    List<String> problems(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        String kind = object.path("kind").asText();
        String name = kind + "/" + object.path("metadata").path("name").asText();
        Schema schema = schemas.get(apiVersion + " " + kind);
        if (schema == null) {
            return List.of(name + ": no matches for kind \"" + kind + "\" in version \"" + apiVersion + "\"");
        }
        List<String> problems = new ArrayList<>();
        for (Error error : schema.validate(JSON.readTree(object.toString()))) {
            problems.add(name + ": " + error.getInstanceLocation() + " " + error.getMessage());
        }
        return problems;
    }

    private static String group(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    /** apiVersion, kind and metadata belong to every object, whether or not a CRD's schema lists them. */
    private static void declareTheObjectsOwnFields(ObjectNode schema) {
        ObjectNode properties =
                schema.has("properties") ? (ObjectNode) schema.get("properties") : schema.putObject("properties");
        properties.putObject("apiVersion").put("type", "string");
        properties.putObject("kind").put("type", "string");
        if (!properties.has("metadata")) {
            properties.putObject("metadata").put("type", "object");
        }
    }

    /** Structural schemas leave unknown fields to be pruned; strict validation refuses them instead. */
    private static void closeUnknownFields(ObjectNode schema) {
        boolean keepsUnknown =
                schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        if (schema.has("properties") && !schema.has("additionalProperties") && !keepsUnknown) {
            schema.put("additionalProperties", false);
        }
        for (var child : schema.values()) {
            closeAll(child);
        }
    }

    private static void closeAll(tools.jackson.databind.JsonNode node) {
        if (node instanceof ObjectNode object) {
            closeUnknownFields(object);
        } else if (node.isArray()) {
            for (var item : node.values()) {
                closeAll(item);
            }
        }
    }
}
