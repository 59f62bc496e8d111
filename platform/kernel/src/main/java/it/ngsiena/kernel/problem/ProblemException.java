package it.ngsiena.kernel.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Thrown by resources and services to answer with a problem document. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** HTTP headers to send with the problem, e.g. {@code Retry-After}. */
    public Map<String, String> headers() {
        return headers;
    }

    public ProblemException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public static ProblemException of(int status, String slug, String title, String detail) {
        return new ProblemException(new Problem(Problem.TYPE_PREFIX + slug, title, status, detail, null, null, null));
    }

    public static ProblemException of(
            int status, String slug, String title, String detail, Map<String, Object> extensions) {
        return new ProblemException(
                new Problem(Problem.TYPE_PREFIX + slug, title, status, detail, null, null, extensions));
    }

    public static ProblemException notFound(String what, Object id) {
        return of(404, "not-found", "Not found", what + " " + id + " does not exist or is not visible to you");
    }

    public static ProblemException forbidden(String detail) {
        return of(403, "forbidden", "Forbidden", detail);
    }

    public static ProblemException conflict(String detail, Map<String, Object> extensions) {
        return of(409, "conflict", "Conflict", detail, extensions);
    }

    /** A request whose form is right but whose content refers to things that do not exist or do not fit. */
    public static ProblemException unprocessable(String detail, List<Problem.Violation> violations) {
        return new ProblemException(new Problem(
                Problem.TYPE_PREFIX + "unprocessable", "Unprocessable request", 422, detail, null, violations, null));
    }

    public static ProblemException invalid(List<Problem.Violation> violations) {
        return new ProblemException(Problems.validation(violations));
    }
}
