package it.ngsiena.kernel.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem details document, served as {@code application/problem+json}.
 *
 * @param type       a URN naming the kind of problem, e.g. {@code urn:ngsiena:problem:validation}
 * @param title      short, human-readable summary of the kind of problem
 * @param status     the HTTP status code
 * @param detail     what went wrong in this occurrence
 * @param instance   the request path
 * @param violations for validation problems, one entry per invalid field
 * @param extensions further members specific to the problem (e.g. the current state on a 409)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details", example = """
        {"type":"urn:ngsiena:problem:validation","title":"Richiesta non valida","status":400,
         "detail":"1 campo non è valido","instance":"/v1/participation/needs",
         "violations":[{"field":"title","message":"non deve essere vuoto"}]}""")
public record Problem(
        @Schema(description = "A URN naming the kind of problem", example = "urn:ngsiena:problem:validation")
        String type,

        @Schema(description = "Short summary of the kind of problem", example = "Invalid request")
        String title,

        @Schema(description = "The HTTP status code", example = "400")
        int status,

        @Schema(
                description = "What went wrong in this occurrence, for a person to read",
                example = "1 field is invalid")
        String detail,

        @Schema(description = "Path of the request", example = "/v1/participation/needs")
        String instance,

        @Schema(description = "For a validation problem, each field that was refused, with why")
        List<Violation> violations,

        @JsonIgnore @Schema(hidden = true) Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:ngsiena:problem:";

    /** The members RFC 9457 and this record define: an extension of the same name would send the member twice. */
    private static final java.util.Set<String> MEMBERS =
            java.util.Set.of("type", "title", "status", "detail", "instance", "violations");

    public Problem {
        if (extensions != null) {
            extensions.keySet().stream().filter(MEMBERS::contains).findFirst().ifPresent(name -> {
                throw new IllegalArgumentException("A problem extension cannot be named " + name);
            });
        }
    }

    /** One invalid field of a request. */
    @Schema(name = "Violation")
    public record Violation(
            @Schema(
                    description = "The field: a JSON path in the body, or a parameter name",
                    example = "municipalities[0]")
            String field,

            @Schema(description = "Why it was refused", example = "unknown ISTAT code 999999")
            String message) {}

    @JsonAnyGetter
    public Map<String, Object> extensionMembers() {
        return extensions == null ? Map.of() : extensions;
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, violations, extensions);
    }

    /** The same problem worded otherwise (another language): the type, status and extensions stay. */
    public Problem withTexts(String newTitle, String newDetail, List<Violation> newViolations) {
        return new Problem(type, newTitle, status, newDetail, instance, newViolations, extensions);
    }
}
