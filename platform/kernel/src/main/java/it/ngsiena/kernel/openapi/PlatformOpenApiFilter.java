package it.ngsiena.kernel.openapi;

import it.ngsiena.kernel.http.IdempotentCreates;
import it.ngsiena.kernel.http.MergePatch;
import it.ngsiena.kernel.http.TimeParams;
import it.ngsiena.kernel.paging.PageRequest;
import it.ngsiena.kernel.problem.Problem;
import it.ngsiena.kernel.security.Roles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Adds what the Italian interoperability guidelines ask of every API document ({@code x-api-id} and
 * {@code x-summary}, from {@code ngs.api.id} and {@code ngs.api.summary}), and gives every error
 * response the problem+json body it really has: the 401 and 403 that Quarkus derives from the
 * security annotations come without one; the roles an operation accepts are listed in {@code x-roles}. The schemas of
 * date and time types are defined once here, so that every service's document says the same of them
 * and the gateway can merge the documents without conflicts.
 */
public class PlatformOpenApiFilter implements OASFilter {

    private static final Map<String, String> PLAIN_DESCRIPTIONS = Map.of(
            "Not Authorized", "No valid bearer token",
            "Not Allowed", "The caller's roles do not allow this operation (see x-roles)");

    /**
     * Operations that one inherited method serves under several paths get their ids here: every service's
     * {@code GET /v1/<workstream>/labels} (the kernel's LabelsResource), named after the workstream, and the
     * gateway's {@code GET /v1/<records>/{id}/history} (RecordHistoryResource), after the record; so that the
     * merged document has one id for each.
     */
    private static void nameSharedOperations(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            String[] segments = path.split("/");
            if (item.getGET() != null && segments.length == 4 && segments[3].equals("labels")) {
                item.getGET().setOperationId(segments[2] + "Labels");
            }
            // a record's history (the gateway's RecordHistoryResource): needHistory, studyHistory...
            if (item.getGET() != null
                    && segments.length == 5
                    && segments[3].equals("{id}")
                    && segments[4].equals("history")) {
                String records = segments[2];
                String record = records.endsWith("ies")
                        ? records.substring(0, records.length() - 3) + "y"
                        : records.substring(0, records.length() - 1);
                item.getGET().setOperationId(record + "History");
                // the inherited method's {id} is its subclass's path's: the scanner does not see it
                boolean declared = item.getGET().getParameters() != null
                        && item.getGET().getParameters().stream()
                                .anyMatch(p -> p.getIn() == Parameter.In.PATH && "id".equals(p.getName()));
                if (!declared) {
                    item.getGET()
                            .addParameter(OASFactory.createParameter()
                                    .name("id")
                                    .in(Parameter.In.PATH)
                                    .required(true)
                                    .description("The " + record + "'s id")
                                    .schema(OASFactory.createSchema()
                                            .addType(Schema.SchemaType.STRING)
                                            .format("uuid")));
                }
            }
        });
    }

    /** The paging parameters mean the same everywhere ({@link PageRequest}): the document says so once. */
    private static void describePaging(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter parameter : operation.getParameters()) {
            if (parameter.getIn() != Parameter.In.QUERY) {
                continue;
            }
            if ("page".equals(parameter.getName())) {
                describe(parameter, "Zero-based page number", 0, 0, null);
            } else if ("size".equals(parameter.getName())) {
                describe(
                        parameter,
                        "Items per page, 1 to " + PageRequest.MAX_SIZE,
                        PageRequest.DEFAULT_SIZE,
                        1,
                        PageRequest.MAX_SIZE);
            }
        }
    }

    private static void describe(Parameter parameter, String description, int fallback, int minimum, Integer maximum) {
        if (parameter.getDescription() == null) {
            parameter.setDescription(description);
        }
        Schema schema = parameter.getSchema() != null ? parameter.getSchema() : OASFactory.createSchema();
        schema.setType(List.of(Schema.SchemaType.INTEGER));
        schema.setFormat("int32");
        schema.setDefaultValue(fallback);
        schema.setMinimum(java.math.BigDecimal.valueOf(minimum));
        if (maximum != null) {
            schema.setMaximum(java.math.BigDecimal.valueOf(maximum));
        }
        parameter.setSchema(schema);
    }

    /** What the platform's conventions make of a parameter, said once for every operation that has it. */
    private static final Map<String, String> CONVENTIONS = Map.of(
            "header If-Match",
            "The ETag of the version read: the change applies only if nobody has changed the"
                    + " resource since (412 otherwise, 428 without it)",
            "header If-None-Match",
            "The ETag of the copy the caller holds: 304 while it is still current",
            "header " + IdempotentCreates.HEADER,
            "1 to 255 characters chosen by the caller: a retry with the same key"
                    + " and body gets the first answer again (Idempotent-Replayed: true) and creates nothing; the same key"
                    + " with another body is a 422",
            "path istat",
            "ISTAT code of a municipality of the Province of Siena (6 digits), e.g. 052032 for Siena",
            "query municipality",
            "Only what concerns this municipality: its ISTAT code (6 digits), e.g. 052032 for Siena");

    /** A lifecycle move's If-Match, which the caller may leave out ({@link #ifMatchRequired}). */
    private static final String OPTIONAL_IF_MATCH = "The ETag of the version read, if the caller wants the move to"
            + " apply only if nobody has changed the resource since (412 otherwise); without it, the move applies to"
            + " the current version";

    /**
     * Parameters left undescribed by the resources get the description of the platform's convention for
     * them, and a path's id names the resource of the segment before it ({@code /courses/{id}}: the course).
     */
    private static void describeConventionalParameters(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths()
                .getPathItems()
                .forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
                    if (operation.getParameters() == null) {
                        return;
                    }
                    for (Parameter parameter : operation.getParameters()) {
                        describeTimeParameter(parameter);
                        if (parameter.getDescription() != null || parameter.getIn() == null) {
                            continue;
                        }
                        String key =
                                parameter.getIn().name().toLowerCase(java.util.Locale.ROOT) + " " + parameter.getName();
                        if (isIfMatch(parameter) && !ifMatchRequired(method)) {
                            parameter.setDescription(OPTIONAL_IF_MATCH);
                        } else if (CONVENTIONS.containsKey(key)) {
                            parameter.setDescription(CONVENTIONS.get(key));
                        } else if (parameter.getIn() == Parameter.In.PATH) {
                            resourceOf(path, parameter.getName())
                                    .ifPresent(r -> parameter.setDescription("Id of the " + r));
                        }
                    }
                }));
    }

    private static boolean isIfMatch(Parameter parameter) {
        return parameter.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(parameter.getName());
    }

    /**
     * The platform's rule for If-Match ({@code ETags}): an edit (PUT, PATCH) requires it
     * ({@code ETags.requireMatch}), a lifecycle move (POST) may name the version it saw
     * ({@code ETags.ifMatching}).
     */
    static boolean ifMatchRequired(PathItem.HttpMethod method) {
        return method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.PATCH;
    }

    /**
     * What an If-Match brings to an operation's answers, declared here for all of them: 412 when the ETag is
     * not the current version's; 428 when an edit comes without one. An answer the resource describes itself
     * (e.g. a 428 only on an update) is left as it is.
     */
    private static void declarePreconditions(OpenAPI openAPI) {
        forEachOperation(openAPI, (method, operation) -> {
            if (operation.getParameters() != null
                    && operation.getParameters().stream().anyMatch(PlatformOpenApiFilter::isIfMatch)) {
                declarePreconditions(method, operation);
            }
        });
    }

    private static void forEachOperation(
            OpenAPI openAPI, java.util.function.BiConsumer<PathItem.HttpMethod, Operation> action) {
        if (openAPI.getPaths() != null) {
            openAPI.getPaths()
                    .getPathItems()
                    .values()
                    .forEach(item -> item.getOperations().forEach(action));
        }
    }

    /**
     * An operation that takes an {@code occurredAt} (in its body or its query) refuses one outside the programme's
     * time with a 422 ({@code OccurredAt}): declared here for all of them.
     */
    private static void declareOccurredAtRefusals(OpenAPI openAPI) {
        forEachOperation(openAPI, (method, operation) -> {
            if (takesOccurredAt(openAPI, operation)) {
                if (operation.getResponses() == null) {
                    operation.setResponses(OASFactory.createAPIResponses());
                }
                declareIfAbsent(operation, "422", "occurredAt before the programme's start or in the future");
            }
        });
    }

    private static boolean takesOccurredAt(OpenAPI openAPI, Operation operation) {
        if (operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> "occurredAt".equals(p.getName()))) {
            return true;
        }
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return false;
        }
        return operation.getRequestBody().getContent().getMediaTypes().values().stream()
                .map(media -> resolved(openAPI, media.getSchema()))
                .anyMatch(schema -> schema != null
                        && schema.getProperties() != null
                        && schema.getProperties().containsKey("occurredAt"));
    }

    private static Schema resolved(OpenAPI openAPI, Schema schema) {
        if (schema == null
                || schema.getRef() == null
                || openAPI.getComponents() == null
                || openAPI.getComponents().getSchemas() == null) {
            return schema;
        }
        return openAPI.getComponents()
                .getSchemas()
                .get(schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1));
    }

    private static void declarePreconditions(PathItem.HttpMethod method, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        declareIfAbsent(operation, "412", "Changed since it was read");
        if (ifMatchRequired(method)) {
            declareIfAbsent(operation, "428", "If-Match missing");
        }
    }

    private static void declareIfAbsent(Operation operation, String code, String description) {
        if (operation.getResponses().getAPIResponse(code) == null) {
            APIResponse response = OASFactory.createAPIResponse().description(description);
            operation.getResponses().addAPIResponse(code, response);
            decorate(code, response);
        }
    }

    /** A time range's {@code from} and {@code to}, and an {@code occurredAt}, are RFC 3339 times ({@link TimeParams}). */
    private static void describeTimeParameter(Parameter parameter) {
        if (parameter.getIn() == Parameter.In.QUERY
                && Set.of("from", "to", "occurredAt").contains(parameter.getName())
                && parameter.getSchema() != null
                && parameter.getSchema().getFormat() == null
                && parameter.getSchema().getType() != null
                && parameter.getSchema().getType().contains(Schema.SchemaType.STRING)) {
            parameter.getSchema().setFormat("date-time");
        }
    }

    /** {@code id} after {@code /studies/}: "study"; {@code milestoneId}: "milestone". */
    static Optional<String> resourceOf(String path, String name) {
        if (name.endsWith("Id") && name.length() > 2) {
            return Optional.of(name.substring(0, name.length() - 2)
                    .replaceAll("([a-z])([A-Z])", "$1 $2")
                    .toLowerCase(java.util.Locale.ROOT));
        }
        if (!name.equals("id")) {
            return Optional.empty();
        }
        String[] segments = path.split("/");
        for (int i = 1; i < segments.length; i++) {
            if (segments[i].equals("{id}")) {
                String plural = segments[i - 1].replace('-', ' ');
                return Optional.of(
                        plural.endsWith("ies")
                                ? plural.substring(0, plural.length() - 3) + "y"
                                : plural.endsWith("s") ? plural.substring(0, plural.length() - 1) : plural);
            }
        }
        return Optional.empty();
    }

    /** PATCH takes a JSON merge patch: the document names that type only (see {@link MergePatch}). */
    @Override
    public PathItem filterPathItem(PathItem item) {
        Operation patch = item.getPATCH();
        if (patch != null
                && patch.getRequestBody() != null
                && patch.getRequestBody().getContent() != null
                && patch.getRequestBody().getContent().hasMediaType(MergePatch.MEDIA_TYPE)) {
            patch.getRequestBody().getContent().removeMediaType("application/json");
            if (patch.getRequestBody().getDescription() == null) {
                patch.getRequestBody()
                        .setDescription("A JSON merge patch (RFC 7396): the members sent replace the"
                                + " current values, the members left out stay as they are. " + MergePatch.NULL_MEMBERS
                                + " application/json is accepted too, with the same meaning.");
            }
        }
        return item;
    }

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getSecurity() != null) {
            moveRolesToExtension(operation);
        } else {
            operation.setSecurity(new java.util.ArrayList<>()); // public: said so, not left to guess
        }
        describePaging(operation);
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        if (operation.getResponses().getAPIResponse("429") == null) {
            operation
                    .getResponses()
                    .addAPIResponse(
                            "429",
                            OASFactory.createAPIResponse()
                                    .description(
                                            "Too many requests: the caller's rate limit for this kind of request is used up;"
                                                    + " Retry-After says when to try again")
                                    .addHeader(
                                            "Retry-After",
                                            OASFactory.createHeader().ref(RETRY_AFTER)));
        }
        if (operation.getRequestBody() != null) {
            declareBodyLimits(operation);
        }
        declareCommonRefusals(operation);
        operation.getResponses().getAPIResponses().forEach(PlatformOpenApiFilter::decorate);
        return operation;
    }

    /**
     * The refusals any operation of the platform can answer, whatever its resource says, declared on each so that a
     * client generated from the document knows every status it may read: a parameter or body the operation does
     * not accept (400); a bearer token that is not valid, even on a public operation (401); roles that do not allow
     * it, or a browser origin the gateway does not serve (403); a path naming nothing (404); a body of another media
     * type (415) or naming what does not exist, such as an unknown ISTAT code (422).
     */
    private static void declareCommonRefusals(Operation operation) {
        boolean secured = !operation.getSecurity().isEmpty();
        declareIfAbsent(operation, "400", "A parameter or the body is not valid: the problem's violations name each");
        declareIfAbsent(
                operation,
                "401",
                secured ? "No valid bearer token" : "The bearer token sent is not valid (this operation needs none)");
        declareIfAbsent(
                operation,
                "403",
                secured
                        ? "The caller's roles do not allow this operation (see x-roles), or the browser's origin is not"
                                + " one the gateway serves"
                        : "The browser's origin is not one the gateway serves");
        boolean pathParameters = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.PATH);
        if (pathParameters) {
            declareIfAbsent(operation, "404", "Nothing has this id");
        }
        if (operation.getRequestBody() != null) {
            declareIfAbsent(operation, "415", "The body's media type is not one this operation accepts");
            declareIfAbsent(
                    operation,
                    "422",
                    "The body is well formed but names what does not exist or breaks a rule of the programme (e.g. an"
                            + " unknown ISTAT code): the problem's violations name each");
        }
    }

    /**
     * A request body over its route's limit is refused before it is read, and one of unknown length
     * (chunked) too: the gateway's BodyLimitFilter, declared on every operation that takes a body.
     */
    private static void declareBodyLimits(Operation operation) {
        if (operation.getResponses().getAPIResponse("413") == null) {
            operation
                    .getResponses()
                    .addAPIResponse(
                            "413",
                            OASFactory.createAPIResponse()
                                    .description("The body is larger than this route accepts (1 MiB unless the"
                                            + " deployment sets another limit); nothing of it was read"));
        }
        if (operation.getResponses().getAPIResponse("411") == null) {
            operation
                    .getResponses()
                    .addAPIResponse(
                            "411",
                            OASFactory.createAPIResponse()
                                    .description("The body's length was not given (Content-Length): bodies of"
                                            + " unknown length are not accepted"));
        }
    }

    /**
     * Every answer: a problem body when it is an error, its named headers, the rate-limit headers, and
     * Retry-After on every 429 and 503 (each of them says when to come back).
     */
    private static void decorate(String code, APIResponse response) {
        if (code.startsWith("4") || code.startsWith("5")) {
            describeAsProblem(response);
        }
        if ((code.equals("429") || code.equals("503"))
                && (response.getHeaders() == null || !response.getHeaders().containsKey("Retry-After"))) {
            response.addHeader("Retry-After", OASFactory.createHeader().ref(RETRY_AFTER));
        }
        defineNamedHeaders(response);
        RATE_LIMIT_HEADERS.forEach(name -> {
            if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
                response.addHeader(name, OASFactory.createHeader().ref(name));
            }
        });
    }

    /**
     * The rate-limit headers of the Italian interoperability guidelines, on every answer of the gateway
     * (see the gateway's RateLimitFilter), declared once in components.headers.
     */
    private static final List<String> RATE_LIMIT_HEADERS =
            List.of("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset");

    private static final String RETRY_AFTER = "Retry-After";

    /**
     * The headers the resources name without describing ({@code @Header(name = "ETag")}): each defined
     * once in components.headers, so that a response says only which of them it sends.
     */
    private static final Map<String, org.eclipse.microprofile.openapi.models.headers.Header> STANDARD_HEADERS =
            new java.util.TreeMap<>(Map.of( // sorted: the document is the same on every build
                    "ETag",
                            stringHeader(
                                    "Version of the resource (an entity tag); send it back in If-Match to change the"
                                            + " resource only if nobody has changed it since",
                                    null,
                                    "\"3\""),
                    "Location",
                            stringHeader(
                                    "URL of the resource just created",
                                    "uri",
                                    "https://api.ngsiena.example/v1/participation/needs/3fa85f64-5717-4562-b3fc-2c963f66afa6"),
                    "Link",
                            stringHeader(
                                    "Links to the other pages of the list (RFC 8288): rel next, prev, first, last (no last"
                                            + " when more than 1000 items match)",
                                    null,
                                    "<https://api.ngsiena.example/v1/participation/needs?page=1&size=20>; rel=\"next\""),
                    "Cache-Control",
                            stringHeader("How long caches may keep the answer (RFC 9111)", null, "public, max-age=60"),
                    "X-Total-Count",
                            OASFactory.createHeader()
                                    .description("Items matching the filters, over all pages;"
                                            + " absent when more than 1000 match (the body's totalExact is then false)")
                                    .schema(OASFactory.createSchema()
                                            .addType(Schema.SchemaType.INTEGER)
                                            .format("int64")
                                            .minimum(java.math.BigDecimal.ZERO)
                                            .examples(List.of(42)))));

    private static org.eclipse.microprofile.openapi.models.headers.Header stringHeader(
            String description, String format, String example) {
        return OASFactory.createHeader()
                .description(description)
                .schema(OASFactory.createSchema()
                        .addType(Schema.SchemaType.STRING)
                        .format(format)
                        .examples(List.of(example)));
    }

    private static boolean refersToHeader(OpenAPI openAPI, String name) {
        String ref = "#/components/headers/" + name;
        return openAPI.getPaths() != null
                && openAPI.getPaths().getPathItems().values().stream()
                        .flatMap(item -> item.getOperations().values().stream())
                        .filter(op ->
                                op.getResponses() != null && op.getResponses().getAPIResponses() != null)
                        .flatMap(op -> op.getResponses().getAPIResponses().values().stream())
                        .filter(r -> r.getHeaders() != null)
                        .anyMatch(r -> r.getHeaders().values().stream().anyMatch(h -> ref.equals(h.getRef())));
    }

    /** A header named but not described refers to its standard definition (or is at least a string). */
    private static void defineNamedHeaders(APIResponse response) {
        if (response.getHeaders() == null) {
            return;
        }
        List.copyOf(response.getHeaders().keySet()).forEach(name -> {
            var header = response.getHeaders().get(name);
            if (header.getRef() == null && header.getSchema() == null && header.getContent() == null) {
                boolean standard = STANDARD_HEADERS.containsKey(name) || name.equals(RETRY_AFTER);
                response.addHeader(
                        name,
                        standard
                                ? OASFactory.createHeader().ref(name)
                                : OASFactory.createHeader()
                                        .description(header.getDescription())
                                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
            }
        });
    }

    private static void declareHeaders(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        STANDARD_HEADERS.forEach((name, header) -> {
            if (refersToHeader(openAPI, name)) {
                openAPI.getComponents().addHeader(name, header);
            }
        });
        openAPI.getComponents()
                .addHeader(
                        "X-RateLimit-Limit", integerHeader("Requests of this kind the caller may make per window", 300))
                .addHeader(
                        "X-RateLimit-Remaining", integerHeader("Requests of this kind left in the current window", 299))
                .addHeader("X-RateLimit-Reset", integerHeader("Seconds until the current window ends", 42))
                .addHeader(RETRY_AFTER, integerHeader("Seconds to wait before trying again", 42));
    }

    private static org.eclipse.microprofile.openapi.models.headers.Header integerHeader(
            String description, int example) {
        return OASFactory.createHeader()
                .description(description)
                .schema(OASFactory.createSchema()
                        .addType(Schema.SchemaType.INTEGER)
                        .format("int32")
                        .minimum(java.math.BigDecimal.ZERO)
                        .examples(List.of(example)));
    }

    /**
     * The roles an operation accepts go to {@code x-roles}, not into the security requirement: they are
     * realm roles in the token, not OAuth scopes a client could ask for, and OpenAPI tools read the
     * requirement's list as scopes. {@link Roles#ANY_PLATFORM_ROLE} (a configuration expression) is
     * listed as the roles it stands for.
     */
    private static void moveRolesToExtension(Operation operation) {
        List<String> roles = operation.getSecurity().stream()
                .filter(requirement -> requirement.getSchemes() != null)
                .flatMap(requirement -> requirement.getSchemes().values().stream())
                .filter(java.util.Objects::nonNull)
                .flatMap(List::stream)
                .flatMap(role -> role.equals(Roles.ANY_PLATFORM_ROLE) ? Roles.PLATFORM_ROLES.stream() : Stream.of(role))
                .distinct()
                .sorted()
                .toList();
        operation.getSecurity().forEach(requirement -> {
            if (requirement.getSchemes() != null) {
                Map<String, List<String>> schemes = new LinkedHashMap<>();
                requirement.getSchemes().keySet().forEach(scheme -> schemes.put(scheme, List.of()));
                requirement.setSchemes(schemes);
            }
        });
        if (!roles.isEmpty()) {
            operation.addExtension("x-roles", roles);
        }
    }

    private static void describeAsProblem(APIResponse response) {
        String plain = PLAIN_DESCRIPTIONS.get(response.getDescription());
        if (plain != null) {
            response.setDescription(plain);
        }
        if (response.getContent() == null
                || response.getContent().getMediaTypes() == null
                || response.getContent().getMediaTypes().isEmpty()) {
            response.setContent(OASFactory.createContent()
                    .addMediaType(
                            Problem.MEDIA_TYPE,
                            OASFactory.createMediaType()
                                    .schema(OASFactory.createSchema().ref("Problem"))));
        }
    }

    /** Properties left undescribed get the description their name gives by convention ({@link PropertyConventions}). */
    private static void describeConventionalProperties(String schemaName, Schema schema) {
        if (schema == null) {
            return;
        }
        if (schema.getProperties() != null) {
            schema.getProperties().forEach((name, property) -> {
                if (property.getDescription() == null) {
                    PropertyConventions.describe(schemaName, name).ifPresent(property::setDescription);
                }
                describeConventionalProperties(schemaName, property);
            });
        }
        describeConventionalProperties(schemaName, schema.getItems());
        if (schema.getAllOf() != null) {
            schema.getAllOf().forEach(part -> describeConventionalProperties(schemaName, part));
        }
    }

    private static final Map<String, Schema> TIME_SCHEMAS = Map.of(
            "OffsetDateTime",
                    timeSchema("date-time", "Date and time with its UTC offset (RFC 3339)", "2022-03-24T10:00:00Z"),
            "Instant", timeSchema("date-time", "Instant in UTC (RFC 3339)", "2022-03-24T10:00:00Z"),
            "LocalDate", timeSchema("date", "Calendar date (RFC 3339 full-date)", "2022-03-24"));

    private static Schema timeSchema(String format, String description, String example) {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.STRING)
                .format(format)
                .description(description)
                .examples(List.of(example));
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        nameSharedOperations(openAPI);
        declareHeaders(openAPI);
        describeConventionalParameters(openAPI);
        declarePreconditions(openAPI);
        declareOccurredAtRefusals(openAPI);
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().getSchemas().forEach(PlatformOpenApiFilter::describeConventionalProperties);
            TIME_SCHEMAS.forEach((name, schema) -> {
                if (openAPI.getComponents().getSchemas().containsKey(name)) {
                    openAPI.getComponents().addSchema(name, schema);
                }
            });
        }
        var config = ConfigProvider.getConfig();
        Optional<String> id = config.getOptionalValue("ngs.api.id", String.class);
        Optional<String> summary = config.getOptionalValue("ngs.api.summary", String.class);
        id.ifPresent(v -> openAPI.addExtension("x-api-id", v));
        summary.ifPresent(v -> openAPI.addExtension("x-summary", v));
        if (openAPI.getInfo() != null) {
            id.ifPresent(v -> openAPI.getInfo().addExtension("x-api-id", v));
            summary.ifPresent(v -> openAPI.getInfo().addExtension("x-summary", v));
        }
    }
}
