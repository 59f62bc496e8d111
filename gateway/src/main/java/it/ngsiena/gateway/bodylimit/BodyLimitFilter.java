package it.ngsiena.gateway.bodylimit;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import it.ngsiena.kernel.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Refuses a request body over its route's limit ({@link BodyLimitConfig}: 1 MiB unless a route says
 * otherwise) before any of it is read: a declared {@code Content-Length} over the limit is answered 413
 * with a problem document and the connection closed after it; what the client still sends is dropped as it
 * arrives (up to 16 MiB, then the connection is cut), so it is never held in memory. A chunked body (HTTP/1.1, length unknown) is
 * refused with 411: a length known in advance is what lets the limit hold before reading. HTTP/2 frames its
 * bodies, so there a missing length is normal: such a body is counted as it is read instead.
 */
@ApplicationScoped
public class BodyLimitFilter {

    /** Bytes of a refused body read (and dropped) so that its client gets the answer; beyond, the connection is cut. */
    private static final long DROP_AT_MOST = 16L * 1024 * 1024;

    /** Where Quarkus looks for the most bytes a streamed body may have (VertxInputStream). */
    private static final String MAX_REQUEST_SIZE = "io.quarkus.max-request-size";

    private final BodyLimits limits;

    BodyLimitFilter(BodyLimitConfig config) {
        this.limits = new BodyLimits(
                config.defaultLimit().asLongValue(), config.routes().orElse(java.util.List.of()));
    }

    void register(@Observes Router router) {
        // after the rate limits (ratelimit/RateLimitFilter), so that refused bodies count too
        router.route().order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT + 1).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        String declared = ctx.request().getHeader("Content-Length");
        String path = ctx.normalizedPath();
        if (declared != null) {
            long limit = limits.limitFor(path);
            long length;
            try {
                length = Long.parseLong(declared.strip());
            } catch (NumberFormatException e) {
                length = Long.MAX_VALUE;
            }
            if (length > limit) {
                refuse(
                        ctx,
                        413,
                        "payload-too-large",
                        "Request body too large",
                        "A request body here may have at most " + limit + " bytes; this one declares " + declared);
                return;
            }
        } else if (ctx.request().getHeader("Transfer-Encoding") != null) {
            refuseUnknownLength(ctx);
            return;
        } else if (ctx.request().version() == HttpVersion.HTTP_2) {
            // HTTP/2 frames a body without Content-Length (clients leave it out of empty ones too): the body is
            // then counted as it is read, against this route's limit (Quarkus answers 413 past it)
            ctx.put(MAX_REQUEST_SIZE, limits.limitFor(path));
        }
        ctx.next();
    }

    private static void refuseUnknownLength(RoutingContext ctx) {
        refuse(
                ctx,
                411,
                "length-required",
                "Length required",
                "Send the body's length in Content-Length (bodies of unknown length are not accepted)");
    }

    private static void refuse(RoutingContext ctx, int status, String type, String title, String detail) {
        HttpServerRequest request = ctx.request();
        if (request.version() != HttpVersion.HTTP_2) {
            // A client that sends its body anyway reads the answer only once it has written it: the rest is
            // read and dropped (never kept), up to a cap past which the connection is cut.
            AtomicLong dropped = new AtomicLong();
            request.handler(chunk -> {
                if (dropped.addAndGet(chunk.length()) > DROP_AT_MOST) {
                    request.connection().close();
                }
            });
            request.endHandler(end -> request.connection().close());
            request.exceptionHandler(e -> request.connection().close());
            request.resume();
            ctx.response().putHeader("Connection", "close");
        }
        Problems.end(ctx, status, type, title, detail);
    }
}
