package it.ngsiena.gateway.routing;

import it.ngsiena.contracts.Workstream;
import it.ngsiena.kernel.problem.ProblemException;
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
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

/**
 * Routes {@code /v1/<workstream>/**} to the workstream's service with the caller's token; the
 * service authorises. A service that cannot be reached is a 503 problem (with Retry-After), and
 * the gateway's own endpoints keep answering.
 */
@Path("/v1/{workstream: training|participation|feasibility|comms}/{path: .+}")
@PermitAll
public class WorkstreamProxy {

    private static final Logger LOG = Logger.getLogger(WorkstreamProxy.class);
    /** One circuit breaker per service: 3 failures in a row open it for 10 s. */
    private final java.util.Map<Workstream, CircuitBreaker> breakers = new java.util.concurrent.ConcurrentHashMap<>();

    private static final List<String> REQUEST_HEADERS = List.of("Authorization", "Content-Type", "Accept",
            "Accept-Language", "If-Match", "If-None-Match", "Idempotency-Key", "X-Request-Id");
    private static final List<String> RESPONSE_HEADERS = List.of("Content-Type", "ETag", "Location", "Link",
            "X-Total-Count", "Idempotent-Replayed", "WWW-Authenticate", "Retry-After", "Allow", "Cache-Control",
            "Last-Modified");

    private final ServicesConfig services;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    WorkstreamProxy(ServicesConfig services) {
        this.services = services;
    }

    @GET
    @Operation(hidden = true)
    public Response get(@PathParam("workstream") String workstream, @Context HttpHeaders headers,
            @Context UriInfo uri) {
        return forward("GET", workstream, headers, uri, null);
    }

    @DELETE
    @Operation(hidden = true)
    public Response delete(@PathParam("workstream") String workstream, @Context HttpHeaders headers,
            @Context UriInfo uri) {
        return forward("DELETE", workstream, headers, uri, null);
    }

    @POST
    @Consumes("*/*")
    @Operation(hidden = true)
    public Response post(@PathParam("workstream") String workstream, @Context HttpHeaders headers,
            @Context UriInfo uri, byte[] body) {
        return forward("POST", workstream, headers, uri, body);
    }

    @PUT
    @Consumes("*/*")
    @Operation(hidden = true)
    public Response put(@PathParam("workstream") String workstream, @Context HttpHeaders headers,
            @Context UriInfo uri, byte[] body) {
        return forward("PUT", workstream, headers, uri, body);
    }

    @PATCH
    @Consumes("*/*")
    @Operation(hidden = true)
    public Response patch(@PathParam("workstream") String workstream, @Context HttpHeaders headers,
            @Context UriInfo uri, byte[] body) {
        return forward("PATCH", workstream, headers, uri, body);
    }

    private Response forward(String method, String workstreamId, HttpHeaders headers, UriInfo uri, byte[] body) {
        Workstream workstream = Workstream.fromId(workstreamId).orElseThrow();
        CircuitBreaker breaker = breakers.computeIfAbsent(workstream,
                w -> new CircuitBreaker(3, Duration.ofSeconds(10), java.time.Clock.systemUTC()));
        if (!breaker.allows()) {
            throw unavailable(workstream);
        }
        String serviceBase = services.baseUrl(workstream);
        URI target = URI.create(serviceBase + uri.getRequestUri().getRawPath()
                + (uri.getRequestUri().getRawQuery() == null ? "" : "?" + uri.getRequestUri().getRawQuery()));
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String name : REQUEST_HEADERS) {
            String value = headers.getHeaderString(name);
            if (value != null) {
                request.header(name, value);
            }
        }
        HttpResponse<byte[]> answer;
        try {
            answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            breaker.failed();
            throw ProblemException.of(504, "service-timeout", "Gateway timeout",
                    "The " + workstream.id() + " service did not answer in time").withHeader("Retry-After", "5");
        } catch (ConnectException e) {
            breaker.failed();
            LOG.warnf("%s service unreachable at %s", workstream.id(), serviceBase);
            throw unavailable(workstream);
        } catch (IOException e) {
            breaker.failed();
            LOG.warnf("%s service failed at %s: %s", workstream.id(), serviceBase, e.getMessage());
            throw unavailable(workstream);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(workstream);
        }
        breaker.succeeded();
        String gatewayBase = stripSlash(uri.getBaseUri().toString());
        Response.ResponseBuilder response = Response.status(answer.statusCode());
        for (String name : RESPONSE_HEADERS) {
            for (String value : answer.headers().allValues(name)) {
                response.header(name, value.replace(serviceBase, gatewayBase));
            }
        }
        if (answer.body().length > 0) {
            response.entity(answer.body());
        }
        return response.build();
    }

    private static ProblemException unavailable(Workstream workstream) {
        return ProblemException.of(503, "service-unavailable", "Service unavailable",
                "The " + workstream.id() + " service cannot be reached; try again shortly")
                .withHeader("Retry-After", "5");
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
