package it.ngsiena.kernel.http;

import io.vertx.ext.web.Router;
import it.ngsiena.kernel.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** A path no endpoint serves answers 404 as problem+json, like every other error. */
@ApplicationScoped
public class NotFoundFallback {

    void register(@Observes Router router) {
        router.route().last().handler(ctx -> {
            String path = ctx.normalizedPath().replace("\\", "\\\\").replace("\"", "\\\"");
            ctx.response()
                    .setStatusCode(404)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end("{\"type\":\"" + Problem.TYPE_PREFIX + "not-found\",\"title\":\"Not Found\",\"status\":404,"
                            + "\"detail\":\"There is nothing at this path\",\"instance\":\"" + path + "\"}");
        });
    }
}
