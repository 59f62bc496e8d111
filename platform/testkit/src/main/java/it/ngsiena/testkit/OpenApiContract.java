package it.ngsiena.testkit;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every service's OpenAPI document promises third-party frontends: each operation has an id, a
 * summary and a description, each parameter and each schema property a description; each one that needs a token lists its error responses and says which roles may call it
 * (in {@code x-roles}; its bearer requirement lists no scopes); request schemas carry examples.
 */
public final class OpenApiContract {

    private OpenApiContract() {}

    /** The running application's document, as JSON. */
    public static JsonPath document() {
        return given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /**
     * The API's version as released in the repository's {@code docs/openapi.json} (a module's tests run in its
     * folder, beside {@code docs/}): every service's document carries the same one.
     */
    public static String releasedVersion() {
        try {
            return new ObjectMapper()
                    .readTree(Path.of("..", "docs", "openapi.json").toFile())
                    .path("info")
                    .path("version")
                    .asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything the document lacks, one line per gap; empty when complete. */
    @SuppressWarnings("unchecked")
    public static List<String> gaps(JsonPath doc, Set<String> anonymousPaths) {
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        List<String> missing = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, op) -> {
            if (!Set.of("get", "put", "post", "delete", "patch").contains(method)) {
                return;
            }
            String name = method.toUpperCase() + " " + path;
            if (op.get("operationId") == null) {
                missing.add(name + ": operationId");
            }
            if (op.get("summary") == null) {
                missing.add(name + ": summary");
            }
            if (op.get("description") == null) {
                missing.add(name + ": description");
            }
            List<Map<String, Object>> parameters = (List<Map<String, Object>>) op.getOrDefault("parameters", List.of());
            parameters.stream()
                    .filter(p -> p.get("description") == null)
                    .forEach(p -> missing.add(name + ": parameter " + p.get("name") + " without a description"));
            if (!path.startsWith("/v1/") || anonymousPaths.contains(path)) {
                return;
            }
            Map<String, Map<String, Object>> responses =
                    (Map<String, Map<String, Object>>) op.getOrDefault("responses", Map.of());
            responses.forEach((code, response) -> {
                if (code.matches("[45]\\d\\d") && !response.toString().contains("application/problem+json")) {
                    missing.add(name + ": " + code + " without a problem+json body");
                }
            });
            if (!responses.containsKey("401")) {
                missing.add(name + ": 401 response");
            }
            List<Map<String, List<String>>> security = (List<Map<String, List<String>>>) op.get("security");
            if (security == null || security.isEmpty()) {
                missing.add(name + ": security requirement");
            } else if (security.stream().anyMatch(r -> r.values().stream().anyMatch(s -> !s.isEmpty()))) {
                missing.add(name + ": scopes in the security requirement (roles belong in x-roles)");
            } else if (!"get".equals(method) && op.get("x-roles") == null) {
                missing.add(name + ": the roles allowed to change data (x-roles)");
            }
            String body = String.valueOf(op.get("requestBody"));
            java.util.regex.Matcher ref = java.util.regex.Pattern.compile("#/components/schemas/(\\w+)")
                    .matcher(body);
            if (ref.find()
                    && !String.valueOf((Object) doc.get("components.schemas." + ref.group(1)))
                            .contains("example")) {
                missing.add(name + ": request schema " + ref.group(1) + " without examples");
            }
        }));
        Map<String, Object> schemas = doc.getMap("components.schemas");
        schemas.keySet().stream()
                .filter(n -> n.matches(".*\\D\\d+"))
                .forEach(n -> missing.add("schema " + n + ": two classes share a schema name"));
        schemas.forEach((name, schema) -> undescribedProperties("schema " + name, schema, missing));
        return missing;
    }

    /**
     * What the platform's merged document (the gateway's {@code /v1/openapi}) lacks beyond each service's
     * gaps: a property without a description, a request or response body without an example.
     */
    @SuppressWarnings("unchecked")
    public static List<String> mergedGaps(JsonPath doc) {
        List<String> missing = new ArrayList<>();
        Map<String, Object> schemas = doc.getMap("components.schemas");
        schemas.forEach((name, schema) -> undescribedProperties("schema " + name, schema, missing));
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        paths.forEach((path, operations) -> operations.forEach((method, op) -> {
            String name = method.toUpperCase() + " " + path;
            bodiesWithoutExample(name + " request", op.get("requestBody"), missing);
            ((Map<String, Object>) op.getOrDefault("responses", Map.of()))
                    .forEach((code, response) -> bodiesWithoutExample(name + " " + code, response, missing));
        }));
        return missing;
    }

    private static void bodiesWithoutExample(String where, Object body, List<String> missing) {
        if (body instanceof Map<?, ?> map && map.get("content") instanceof Map<?, ?> content) {
            content.forEach((mediaType, media) -> {
                if (media instanceof Map<?, ?> m && m.get("example") == null && m.get("examples") == null) {
                    missing.add(where + ": " + mediaType + " without an example");
                }
            });
        }
    }

    /** Properties, at any depth, that say nothing of what they mean. */
    @SuppressWarnings("unchecked")
    static void undescribedProperties(String where, Object schema, List<String> missing) {
        if (!(schema instanceof Map<?, ?> map)) {
            return;
        }
        if (map.get("properties") instanceof Map<?, ?> properties) {
            properties.forEach((name, property) -> {
                if (property instanceof Map<?, ?> p && p.get("description") == null) {
                    missing.add(where + ": property " + name + " without a description");
                }
                undescribedProperties(where + "." + name, property, missing);
            });
        }
        undescribedProperties(where + "[]", map.get("items"), missing);
        if (map.get("allOf") instanceof List<?> parts) {
            parts.forEach(part -> undescribedProperties(where, part, missing));
        }
    }
}
