package it.ngsiena.gateway.routing;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import it.ngsiena.contracts.Workstream;
import it.ngsiena.kernel.problem.ProblemException;
import it.ngsiena.kernel.tracing.TraceContext;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

/**
 * Routes {@code /v1/<workstream>/**} to the workstream's service with the caller's token; the
 * service authorises. A service that cannot be reached is a 503 problem and one that does not answer
 * within {@code ngs.gateway.services.timeout} a 504 (both with Retry-After); the gateway's own
 * endpoints keep answering. The {@code Server-Timing} header says how long the service took. Only
 * normalised paths are forwarded, and the service's URLs in {@code Location} and {@code Link} are
 * rewritten to the configured public URL ({@link PublicUrl}), never to the request's {@code Host}.
 * Every {@link Workstream} is routed; the gateway's own resources ({@code /v1/activity}, ...) match
 * before this one, and any other first segment is a 404 problem.
 */
@Path("/v1/{workstream}/{path: .+}")
@PermitAll
public class WorkstreamProxy {

    private static final Logger LOG = Logger.getLogger(WorkstreamProxy.class);
    /** One circuit breaker per service: 3 failures in a row open it for 10 s. */
    private final java.util.Map<Workstream, CircuitBreaker> breakers = new java.util.concurrent.ConcurrentHashMap<>();

    private static final List<String> REQUEST_HEADERS = List.of(
            "Authorization",
            "Content-Type",
            "Accept",
            "Accept-Language",
            "If-Match",
            "If-None-Match",
            "Idempotency-Key",
            "X-Request-Id");
    private static final List<String> RESPONSE_HEADERS = List.of(
            "Content-Type",
            "Content-Language",
            "Content-Disposition",
            "ETag",
            "Location",
            "Link",
            "X-Total-Count",
            "Idempotent-Replayed",
            "WWW-Authenticate",
            "Retry-After",
            "Allow",
            "Cache-Control",
            "Last-Modified");

    private final ServicesConfig services;
    private final PublicUrl publicUrl;
    private final TraceContext trace;
    /** Non-blocking client on the event loop: a request waiting for a service holds no thread. */
    private final HttpClient http;

    WorkstreamProxy(ServicesConfig services, PublicUrl publicUrl, Vertx vertx, TraceContext trace) {
        this.services = services;
        this.publicUrl = publicUrl;
        this.trace = trace;
        this.http = vertx.createHttpClient(
                new HttpClientOptions()
                        .setConnectTimeout(2000)
                        .setKeepAlive(true)
                        .setTcpNoDelay(true),
                new PoolOptions().setHttp1MaxSize(services.connections()));
    }

    @PreDestroy
    void close() {
        http.closeAndAwait();
    }

    @GET
    @Operation(hidden = true)
    public Uni<Response> get(
            @PathParam("workstream") String workstream, @Context HttpHeaders headers, @Context UriInfo uri) {
        return forward(HttpMethod.GET, workstream, headers, uri, null);
    }

    @DELETE
    @Operation(hidden = true)
    public Uni<Response> delete(
            @PathParam("workstream") String workstream, @Context HttpHeaders headers, @Context UriInfo uri) {
        return forward(HttpMethod.DELETE, workstream, headers, uri, null);
    }

    @POST
    @Consumes("*/*")
    @Operation(hidden = true)
    public Uni<Response> post(
            @PathParam("workstream") String workstream,
            @Context HttpHeaders headers,
            @Context UriInfo uri,
            byte[] body) {
        return forward(HttpMethod.POST, workstream, headers, uri, body);
    }

    @PUT
    @Consumes("*/*")
    @Operation(hidden = true)
    public Uni<Response> put(
            @PathParam("workstream") String workstream,
            @Context HttpHeaders headers,
            @Context UriInfo uri,
            byte[] body) {
        return forward(HttpMethod.PUT, workstream, headers, uri, body);
    }

    @PATCH
    @Consumes("*/*")
    @Operation(hidden = true)
    public Uni<Response> patch(
            @PathParam("workstream") String workstream,
            @Context HttpHeaders headers,
            @Context UriInfo uri,
            byte[] body) {
        return forward(HttpMethod.PATCH, workstream, headers, uri, body);
    }

    /** Sends the request on to the workstream's service as it came (path, query, headers, body). */
    Uni<Response> forward(HttpMethod method, String workstreamId, HttpHeaders headers, UriInfo uri, byte[] body) {
        Optional<Workstream> routed = Workstream.fromId(workstreamId);
        if (routed.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.notFound("Workstream", workstreamId));
        }
        Workstream workstream = routed.get();
        CircuitBreaker breaker = breakers.computeIfAbsent(
                workstream, w -> new CircuitBreaker(3, Duration.ofSeconds(10), java.time.Clock.systemUTC()));
        if (!breaker.allows()) {
            return Uni.createFrom().failure(unavailable(workstream));
        }
        String path = uri.getRequestUri().getRawPath();
        if (!isNormalised(path)) {
            return Uni.createFrom()
                    .failure(ProblemException.of(
                            400,
                            "invalid-path",
                            "Invalid path",
                            "Paths with dot segments, empty segments, backslashes or encoded slashes, dots or"
                                    + " backslashes are not routed"));
        }
        String serviceBase = services.baseUrl(workstream);
        String query = uri.getRequestUri().getRawQuery();
        RequestOptions request = new RequestOptions()
                .setMethod(method)
                .setAbsoluteURI(serviceBase + path + (query == null ? "" : "?" + query))
                .setIdleTimeout(services.timeout().toMillis());
        for (String name : REQUEST_HEADERS) {
            String value = headers.getHeaderString(name);
            if (value != null) {
                request.putHeader(name, value);
            }
        }
        // The service's spans join the gateway's trace (the Vert.x client is not instrumented).
        trace.inject(request, (r, name, value) -> r.putHeader(name, value));
        long started = System.nanoTime();
        String gatewayBase = publicUrl.base();
        return http.request(request)
                .flatMap(outgoing -> body == null ? outgoing.send() : outgoing.send(Buffer.buffer(body)))
                .flatMap(answer -> answer.body().map(content -> {
                    breaker.succeeded();
                    Response.ResponseBuilder response = Response.status(answer.statusCode());
                    for (String name : RESPONSE_HEADERS) {
                        for (String value : answer.headers().getAll(name)) {
                            response.header(name, value.replace(serviceBase, gatewayBase));
                        }
                    }
                    // How long the service took, so a client or a benchmark can tell the hops apart.
                    response.header(
                            "Server-Timing",
                            String.format(
                                    Locale.ROOT, "%s;dur=%.1f", workstream.id(), (System.nanoTime() - started) / 1e6));
                    if (content.length() > 0) {
                        response.entity(content.getBytes());
                    }
                    return response.build();
                }))
                .onFailure()
                .transform(e -> failed(workstream, serviceBase, breaker, e));
    }

    private static ProblemException failed(
            Workstream workstream, String serviceBase, CircuitBreaker breaker, Throwable cause) {
        breaker.failed();
        if (cause instanceof TimeoutException) {
            return ProblemException.of(
                            504,
                            "service-timeout",
                            "Gateway timeout",
                            "The " + workstream.id() + " service did not answer in time")
                    .withHeader("Retry-After", "5");
        }
        if (cause instanceof ConnectException) {
            LOG.warnf("%s service unreachable at %s", workstream.id(), serviceBase);
        } else {
            LOG.warnf("%s service failed at %s: %s", workstream.id(), serviceBase, cause.toString());
        }
        return unavailable(workstream);
    }

    private static ProblemException unavailable(Workstream workstream) {
        return ProblemException.of(
                        503,
                        "service-unavailable",
                        "Service unavailable",
                        "The " + workstream.id() + " service cannot be reached; try again shortly")
                .withHeader("Retry-After", "5");
    }

    /**
     * Whether a raw path is forwarded as it is: no {@code .} or {@code ..} segment, no empty segment, no
     * backslash, and none of them percent-encoded, so the path a service sees is the one the gateway
     * matched and no path can climb out of {@code /v1/<workstream>/}.
     */
    static boolean isNormalised(String rawPath) {
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f")
                || lower.contains("%5c")
                || lower.contains("%2e")
                || lower.contains("\\")
                || lower.contains("//")) {
            return false;
        }
        for (String segment : rawPath.split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
