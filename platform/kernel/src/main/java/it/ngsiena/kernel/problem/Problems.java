package it.ngsiena.kernel.problem;

import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds problem documents and responses. */
public final class Problems {

    private Problems() {}

    public static Problem ofStatus(int status, String detail) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "HTTP " + status;
        String slug = title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
        return new Problem(Problem.TYPE_PREFIX + slug, title, status, detail, null, null, null);
    }

    public static Problem validation(List<Problem.Violation> violations) {
        String detail = violations.size() == 1 ? "1 field is invalid" : violations.size() + " fields are invalid";
        return new Problem(Problem.TYPE_PREFIX + "validation", "Invalid request", 400, detail, null, violations, null);
    }

    public static Response response(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }
}
