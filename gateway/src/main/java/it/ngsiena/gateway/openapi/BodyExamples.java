package it.ngsiena.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.ngsiena.kernel.problem.Problem;
import it.ngsiena.kernel.problem.Problems;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives every JSON request and response body of the API document an example, where the resources did
 * not write one: the body's schema filled with the examples its schemas and properties declare (the
 * resources' and the contracts'), an enum's first value, or a value of the declared format. A problem
 * response gets the problem the platform answers with that status ({@link Problems#ofStatus}). The
 * build checks every example against its schema (Spectral's oas3-valid-media-example, Redocly).
 */
final class BodyExamples {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DEEPEST = 24;

    /** Values for a string of a format, when no schema on the way declares an example. */
    private static final Map<String, String> FORMATS = Map.of(
            "uuid", "3fa85f64-5717-4562-b3fc-2c963f66afa6",
            "date-time", "2022-03-24T10:00:00Z",
            "date", "2022-03-24",
            "uri", "https://api.ngsiena.example/v1/participation/needs",
            "email", "nome.cognome@example.org");

    private final JsonNode schemas;

    private BodyExamples(JsonNode document) {
        this.schemas = document.at("/components/schemas");
    }

    static void apply(ObjectNode document) {
        BodyExamples examples = new BodyExamples(document);
        document.path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(operation -> {
                    JsonNode op = operation.getValue();
                    op.path("requestBody")
                            .path("content")
                            .properties()
                            .forEach(media -> examples.fill(media.getKey(), media.getValue(), null, null));
                    op.path("responses")
                            .properties()
                            .forEach(response -> response.getValue()
                                    .path("content")
                                    .properties()
                                    .forEach(media -> examples.fill(
                                            media.getKey(),
                                            media.getValue(),
                                            response.getKey(),
                                            response.getValue()
                                                    .path("description")
                                                    .asText(null))));
                }));
    }

    private void fill(String mediaType, JsonNode media, String status, String description) {
        if (!(media instanceof ObjectNode content)
                || content.has("example")
                || content.has("examples")
                || !mediaType.endsWith("json")) {
            return;
        }
        JsonNode example = Problem.MEDIA_TYPE.equals(mediaType) && status != null && status.matches("\\d{3}")
                ? problem(Integer.parseInt(status), description)
                : valueOf(content.path("schema"), new HashSet<>(), 0);
        if (example != null) {
            content.set("example", example);
        }
    }

    private static JsonNode problem(int status, String description) {
        Problem problem = status == 400
                ? Problems.validation(List.of(new Problem.Violation("title", "must not be blank")))
                : Problems.ofStatus(status, description);
        return JSON.valueToTree(problem);
    }

    /** An example of {@code schema}: declared ones first, then built from its parts; null if none can be. */
    private JsonNode valueOf(JsonNode schema, Set<String> refsOnTheWay, int depth) {
        if (schema == null || schema.isMissingNode() || depth > DEEPEST) {
            return null;
        }
        JsonNode declared = declared(schema);
        if (declared != null) {
            return declared;
        }
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
            if (!refsOnTheWay.add(name)) {
                return null; // a schema that contains itself: stop at the first repetition
            }
            JsonNode value = valueOf(schemas.path(name), refsOnTheWay, depth + 1);
            refsOnTheWay.remove(name);
            return value;
        }
        if (schema.has("oneOf") || schema.has("anyOf")) {
            return valueOf(
                    schema.has("oneOf")
                            ? schema.get("oneOf").get(0)
                            : schema.get("anyOf").get(0),
                    refsOnTheWay,
                    depth + 1);
        }
        if (schema.has("allOf")) {
            ObjectNode merged = NODES.objectNode();
            schema.get("allOf").forEach(part -> {
                if (valueOf(part, refsOnTheWay, depth + 1) instanceof ObjectNode object) {
                    merged.setAll(object);
                }
            });
            return merged;
        }
        return switch (typeOf(schema)) {
            case "object" -> object(schema, refsOnTheWay, depth);
            case "array" -> {
                JsonNode item = valueOf(schema.path("items"), refsOnTheWay, depth + 1);
                ArrayNode array = NODES.arrayNode();
                yield item == null ? array : array.add(item);
            }
            case "string" -> string(schema);
            case "integer" ->
                NODES.numberNode(Math.max(1, schema.path("minimum").asLong(1)));
            case "number" ->
                NODES.numberNode(new java.math.BigDecimal("1500.00")
                        .max(schema.path("minimum").decimalValue()));
            case "boolean" -> NODES.booleanNode(true);
            default -> null;
        };
    }

    private ObjectNode object(JsonNode schema, Set<String> refsOnTheWay, int depth) {
        ObjectNode object = NODES.objectNode();
        schema.path("properties").properties().forEach(property -> {
            JsonNode value = valueOf(property.getValue(), refsOnTheWay, depth + 1);
            if (value != null) {
                object.set(property.getKey(), value);
            }
        });
        return object;
    }

    /** A string of the schema's format, or null: the property is left out rather than given a made-up text. */
    private static JsonNode string(JsonNode schema) {
        String value = FORMATS.get(schema.path("format").asText());
        if (value == null && schema.path("pattern").asText().contains("[0-9]{6}")) {
            value = "052032"; // an ISTAT code: Siena's
        }
        return value == null ? null : NODES.textNode(value);
    }

    private static JsonNode declared(JsonNode schema) {
        if (schema.path("examples").isArray() && !schema.get("examples").isEmpty()) {
            return schema.get("examples").get(0);
        }
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.has("const")) {
            return schema.get("const");
        }
        if (schema.path("enum").isArray()) {
            for (JsonNode value : schema.get("enum")) {
                if (!value.isNull()) {
                    return value;
                }
            }
        }
        return schema.has("default") ? schema.get("default") : null;
    }

    private static String typeOf(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        return type.isTextual() ? type.asText() : schema.has("properties") ? "object" : "";
    }
}
