package it.ngsiena.gateway;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import it.ngsiena.contracts.Workstream;
import it.ngsiena.infra.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Stands in for the training service with a tiny HTTP server that echoes what it received, so the
 * routing tests can see what the gateway forwards. The other services point at closed ports (down).
 * The real services behind the gateway are tested end to end in the e2e module.
 */
public class FakeServicesResource implements QuarkusTestResourceLifecycleManager {

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/q/openapi", exchange -> {
            byte[] doc = """
                    {"openapi":"3.1.0","info":{"title":"fake training","version":"1.0.0"},
                     "tags":[{"name":"Courses"}],
                     "paths":{"/v1/training/courses":{"get":{"operationId":"listCourses","tags":["Courses"]}}},
                     "components":{"schemas":{"Course":{"type":"object"}}}}""".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, doc.length);
            exchange.getResponseBody().write(doc);
            exchange.close();
        });
        // Answers after longer than the gateway waits (1 s here), for the 504 case.
        server.createContext("/v1/training/slow", exchange -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        // Refuses the caller's token, as a service does with a forged one.
        server.createContext("/v1/training/refuse", exchange -> {
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
        });
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String echo = """
                    {"method":"%s","path":"%s","query":"%s","authorization":"%s","idempotencyKey":"%s","bodyLength":%d,"requestId":"%s","traceparent":"%s"}""".formatted(
                            exchange.getRequestMethod(),
                            exchange.getRequestURI().getRawPath(),
                            exchange.getRequestURI().getRawQuery(),
                            exchange.getRequestHeaders().getFirst("Authorization"),
                            exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                            body.length(),
                            exchange.getRequestHeaders().getFirst("X-Request-Id"),
                            exchange.getRequestHeaders().getFirst("traceparent"));
            byte[] bytes = echo.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("Location", base + "/v1/training/courses/42");
            exchange.getResponseHeaders().add("X-Secret-Internal", "not for clients");
            exchange.sendResponseHeaders("POST".equals(exchange.getRequestMethod()) ? 201 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        String down = "http://127.0.0.1:" + Ports.free();
        // training answers here; every other workstream's service is down
        Map<String, String> config = new java.util.HashMap<>(Map.of("ngs.gateway.services.timeout", "1s"));
        for (Workstream workstream : Workstream.values()) {
            config.put("ngs.gateway.services." + workstream.id(), workstream == Workstream.TRAINING ? base : down);
        }
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        }
    }
}
