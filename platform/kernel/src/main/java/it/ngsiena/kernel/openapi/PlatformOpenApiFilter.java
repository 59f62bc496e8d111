package it.ngsiena.kernel.openapi;

import it.ngsiena.kernel.problem.Problem;
import it.ngsiena.kernel.security.Roles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Adds what the Italian interoperability guidelines ask of every API document ({@code x-api-id} and
 * {@code x-summary}, from {@code ngs.api.id} and {@code ngs.api.summary}), and gives every error
 * response the problem+json body it really has: the 401 and 403 that Quarkus derives from the
 * security annotations (with the allowed roles as the bearer scopes) come without one. The schemas of
 * date and time types are defined once here, so that every service's document says the same of them
 * and the gateway can merge the documents without conflicts.
 */
public class PlatformOpenApiFilter implements OASFilter {

    private static final Map<String, String> PLAIN_DESCRIPTIONS = Map.of(
            "Not Authorized", "No valid bearer token",
            "Not Allowed", "The caller's roles do not allow this operation (see the bearer scopes)");

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getSecurity() != null) {
            operation.getSecurity().forEach(PlatformOpenApiFilter::expandPlatformRoles);
        }
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        if (operation.getResponses().getAPIResponse("429") == null) {
            operation.getResponses().addAPIResponse("429", OASFactory.createAPIResponse()
                    .description("Too many requests: the caller's rate limit for this kind of request is used up;"
                            + " Retry-After says when to try again")
                    .addHeader("Retry-After", OASFactory.createHeader().ref(RETRY_AFTER)));
        }
        operation.getResponses().getAPIResponses().forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                describeAsProblem(response);
            }
            RATE_LIMIT_HEADERS.forEach(name -> {
                if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
                    response.addHeader(name, OASFactory.createHeader().ref(name));
                }
            });
        });
        return operation;
    }

    /**
     * The rate-limit headers of the Italian interoperability guidelines, on every answer of the gateway
     * (see the gateway's RateLimitFilter), declared once in components.headers.
     */
    private static final List<String> RATE_LIMIT_HEADERS = List.of("X-RateLimit-Limit", "X-RateLimit-Remaining",
            "X-RateLimit-Reset");
    private static final String RETRY_AFTER = "Retry-After";

    private static void declareHeaders(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents()
                .addHeader("X-RateLimit-Limit", integerHeader("Requests of this kind the caller may make per window", 300))
                .addHeader("X-RateLimit-Remaining", integerHeader("Requests of this kind left in the current window", 299))
                .addHeader("X-RateLimit-Reset", integerHeader("Seconds until the current window ends", 42))
                .addHeader(RETRY_AFTER, integerHeader("Seconds to wait before trying again", 42));
    }

    private static org.eclipse.microprofile.openapi.models.headers.Header integerHeader(String description, int example) {
        return OASFactory.createHeader().description(description)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32").minimum(
                        java.math.BigDecimal.ZERO).examples(List.of(example)));
    }

    /** {@link Roles#ANY_PLATFORM_ROLE} is a configuration expression: the document lists the roles it stands for. */
    private static void expandPlatformRoles(SecurityRequirement requirement) {
        if (requirement.getSchemes() == null) {
            return;
        }
        Map<String, List<String>> schemes = new LinkedHashMap<>();
        requirement.getSchemes().forEach((scheme, scopes) -> schemes.put(scheme, scopes == null ? null
                : scopes.stream().flatMap(scope -> scope.equals(Roles.ANY_PLATFORM_ROLE)
                        ? Roles.PLATFORM_ROLES.stream().sorted() : Stream.of(scope)).toList()));
        requirement.setSchemes(schemes);
    }

    private static void describeAsProblem(APIResponse response) {
        String plain = PLAIN_DESCRIPTIONS.get(response.getDescription());
        if (plain != null) {
            response.setDescription(plain);
        }
        if (response.getContent() == null || response.getContent().getMediaTypes() == null
                || response.getContent().getMediaTypes().isEmpty()) {
            response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                    OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem"))));
        }
    }

    private static final Map<String, Schema> TIME_SCHEMAS = Map.of(
            "OffsetDateTime", timeSchema("date-time", "Date and time with its UTC offset (RFC 3339)", "2022-03-24T10:00:00Z"),
            "Instant", timeSchema("date-time", "Instant in UTC (RFC 3339)", "2022-03-24T10:00:00Z"),
            "LocalDate", timeSchema("date", "Calendar date (RFC 3339 full-date)", "2022-03-24"));

    private static Schema timeSchema(String format, String description, String example) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).format(format)
                .description(description).examples(List.of(example));
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        declareHeaders(openAPI);
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
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
            summary.ifPresent(v -> openAPI.getInfo().addExtension("x-summary", v));
        }
    }
}
