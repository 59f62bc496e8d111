package it.ngsiena.testkit;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every answer a test receives, held to the OpenAPI document of the application that gave it: a REST Assured
 * filter, installed once for the test run ({@link #install}). The operation is found by method and path template,
 * the response by status; a JSON body must satisfy the documented schema, checked by a JSON Schema validator we
 * did not write (networknt, draft 2020-12, the dialect of OpenAPI 3.1 schemas, formats asserted). A status the
 * operation does not document (bar a 5xx, an outage rather than an answer), or a success media type it does not
 * document, is a violation too. A violation fails the request's test.
 */
public final class ResponseContract implements Filter {

    private static final JsonMapper JSON = new JsonMapper();
    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final AtomicBoolean INSTALLED = new AtomicBoolean();
    private static final AtomicLong BODIES_CHECKED = new AtomicLong();
    private static final Map<String, JsonNode> DOCUMENTS = new ConcurrentHashMap<>();
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private ResponseContract() {}

    /** Adds the filter to every REST Assured request of this JVM, once. */
    public static void install() {
        if (INSTALLED.compareAndSet(false, true)) {
            RestAssured.filters(new ResponseContract());
        }
    }

    /** How many answer bodies this JVM held to a schema: shows a suite's answers are checked, not passed over. */
    public static long bodiesChecked() {
        return BODIES_CHECKED.get();
    }

    @Override
    public Response filter(
            FilterableRequestSpecification request, FilterableResponseSpecification expected, FilterContext context) {
        Response response = context.next(request, expected);
        URI uri = URI.create(request.getURI());
        if (uri.getPath().startsWith("/q/")) {
            return response; // Quarkus's own endpoints (health, the document itself) are not the API
        }
        List<String> violations = violations(
                uri.getScheme() + "://" + uri.getAuthority(),
                request.getMethod(),
                uri.getPath(),
                response.statusCode(),
                response.contentType(),
                response.asString());
        if (!violations.isEmpty()) {
            throw new AssertionError(request.getMethod() + " " + uri.getPath() + " answered " + response.statusCode()
                    + " against its OpenAPI document: " + violations + "\n" + response.asString());
        }
        return response;
    }

    /** How the answer breaks the document of the application at {@code base}; empty when it keeps to it. */
    static List<String> violations(
            String base, String method, String path, int status, String contentType, String body) {
        return violations(
                DOCUMENTS.computeIfAbsent(base, ResponseContract::fetch),
                base,
                method,
                path,
                status,
                contentType,
                body);
    }

    /** The same against a given document; {@code documentKey} names it in the cache of compiled schemas. */
    static List<String> violations(
            JsonNode document,
            String documentKey,
            String method,
            String path,
            int status,
            String contentType,
            String body) {
        Optional<String> template = template(document, path);
        if (template.isEmpty()) {
            return List.of(); // not this application's (a route the gateway forwards), or a 404 test
        }
        JsonNode operation = document.path("paths").path(template.get()).path(method.toLowerCase());
        if (operation.isMissingNode()) {
            return List.of();
        }
        JsonNode responses = operation.path("responses");
        String code = String.valueOf(status);
        boolean success = status >= 200 && status < 300;
        if (!responses.has(code) && !responses.has("default")) {
            // a 5xx is an outage, not an answer a client codes for: only 2xx, 3xx and 4xx must be documented
            return status >= 500 ? List.of() : List.of("status " + code + " is not documented");
        }
        JsonNode content = responses.path(code).path("content");
        String media = contentType == null ? "" : contentType.split(";")[0].strip();
        if (media.isEmpty() || content.isMissingNode() || content.isEmpty()) {
            return List.of();
        }
        if (!content.has(media)) {
            return success ? List.of("media type " + media + " is not documented for " + code) : List.of();
        }
        if (!media.endsWith("json") || body.isBlank() || !content.path(media).has("schema")) {
            return List.of();
        }
        String pointer = "/paths/" + escape(template.get()) + "/" + method.toLowerCase() + "/responses/" + code
                + "/content/" + escape(media) + "/schema";
        Schema schema = SCHEMAS.computeIfAbsent(documentKey + "#" + pointer, key -> {
            ObjectNode root = (ObjectNode) document.deepCopy();
            root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            root.put("$ref", "#" + pointer);
            return REGISTRY.getSchema(root);
        });
        BODIES_CHECKED.incrementAndGet();
        List<String> violations = new ArrayList<>();
        for (Error error : schema.validate(
                JSON.readTree(body),
                context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)))) {
            violations.add(error.toString());
        }
        return violations;
    }

    /**
     * The document the application at {@code base} serves: a service's own on its test port, or, on a gateway
     * whose Quarkus endpoints sit on the management port (the running platform), the merged one it publishes.
     */
    private static JsonNode fetch(String base) {
        for (String path : List.of("/q/openapi?format=json", "/v1/openapi")) {
            try {
                HttpResponse<String> answer = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(base + path))
                                        .header("Accept", "application/json")
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return JSON.readTree(answer.body());
                }
            } catch (Exception e) {
                // no document there: try the next place
            }
        }
        return JSON.createObjectNode(); // no document to hold the answer to (not one of ours)
    }

    /** The document's path template that matches a concrete path; literal segments win over parameters. */
    private static Optional<String> template(JsonNode document, String path) {
        String best = null;
        int bestLiterals = -1;
        for (Iterator<String> it = document.path("paths").propertyNames().iterator(); it.hasNext(); ) {
            String candidate = it.next();
            String regex = "\\Q" + candidate.replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q") + "\\E";
            if (Pattern.matches(regex, path)) {
                int literals = candidate.replaceAll("\\{[^}]+}", "").length();
                if (literals > bestLiterals) {
                    best = candidate;
                    bestLiterals = literals;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }
}
