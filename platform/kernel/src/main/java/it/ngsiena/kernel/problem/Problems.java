package it.ngsiena.kernel.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds problem documents and responses. */
public final class Problems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {}

    /**
     * Ends a request that a route filter refuses before any endpoint sees it (a limit, an unknown path), with
     * the problem document the endpoints' mappers would have written; headers set before stay.
     */
    public static Future<Void> end(RoutingContext ctx, int status, String slug, String title, String detail) {
        boolean english = ProblemLanguage.english(ctx.request().getHeader("Accept-Language"));
        Problem problem = ProblemLanguage.in(
                english,
                new Problem(Problem.TYPE_PREFIX + slug, title, status, detail, ctx.normalizedPath(), null, null));
        HttpServerResponse response = ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Content-Language", english ? "en" : "it");
        try {
            return response.end(JSON.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem document is always JSON", e);
        }
    }

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
