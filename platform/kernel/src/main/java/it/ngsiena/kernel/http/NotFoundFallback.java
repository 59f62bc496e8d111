package it.ngsiena.kernel.http;

import io.vertx.ext.web.Router;
import it.ngsiena.kernel.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** A path no endpoint serves answers 404 as problem+json, like every other error. */
@ApplicationScoped
public class NotFoundFallback {

    void register(@Observes Router router) {
        router.route()
                .last()
                .handler(ctx -> Problems.end(ctx, 404, "not-found", "Not Found", "There is nothing at this path"));
    }
}
