package it.ngsiena.gateway.client;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.RequestOptions;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A reverse proxy in front of the gateway, as an ingress or nginx with {@code $proxy_add_x_forwarded_for}
 * runs it: it appends the address of the peer it saw to whatever {@code X-Forwarded-For} the client sent,
 * and connects to the gateway from 127.0.0.1. Clients reach it from addresses of their own
 * ({@link #send}: 127.0.0.2, 127.0.0.3, ... all on the loopback interface).
 */
public final class ForwardingProxy implements AutoCloseable {

    /** What a client was answered. */
    public record Answer(int status, Map<String, String> headers) {}

    /** Headers of one connection, not forwarded (the body is sent whole, with its own length). */
    private static final java.util.Set<String> HOP_BY_HOP =
            java.util.Set.of("host", "connection", "content-length", "transfer-encoding", "keep-alive");

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final HttpClient upstream;

    public ForwardingProxy(int gatewayPort) throws Exception {
        upstream = vertx.createHttpClient(new HttpClientOptions()
                .setLocalAddress("127.0.0.1")
                .setDefaultHost("127.0.0.1")
                .setDefaultPort(gatewayPort));
        server = vertx.createHttpServer()
                .requestHandler(in -> in.body().onSuccess(body -> {
                    RequestOptions out =
                            new RequestOptions().setMethod(in.method()).setURI(in.uri());
                    in.headers().forEach(h -> {
                        if (!HOP_BY_HOP.contains(h.getKey().toLowerCase(java.util.Locale.ROOT))) {
                            out.addHeader(h.getKey(), h.getValue());
                        }
                    });
                    String peer = in.connection().remoteAddress().hostAddress();
                    String forwarded = in.getHeader("X-Forwarded-For");
                    out.putHeader("X-Forwarded-For", forwarded == null ? peer : forwarded + ", " + peer);
                    upstream.request(out)
                            .compose(request -> request.send(body))
                            .onSuccess(answer -> answer.body().onSuccess(content -> {
                                in.response().setStatusCode(answer.statusCode());
                                answer.headers().forEach(h -> in.response().putHeader(h.getKey(), h.getValue()));
                                in.response().end(content);
                            }))
                            .onFailure(e -> in.response().setStatusCode(502).end());
                }))
                .listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    public int port() {
        return server.actualPort();
    }

    /** A request from {@code clientAddress} (a loopback address) to {@code port} on 127.0.0.1. */
    public Answer send(String clientAddress, int port, String method, String path, Map<String, String> headers)
            throws Exception {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setLocalAddress(clientAddress));
        try {
            RequestOptions options = new RequestOptions()
                    .setMethod(io.vertx.core.http.HttpMethod.valueOf(method))
                    .setHost("127.0.0.1")
                    .setPort(port)
                    .setURI(path);
            headers.forEach(options::putHeader);
            return client.request(options)
                    .compose(request -> request.send(Buffer.buffer()))
                    .compose(response -> response.body().map(body -> {
                        Map<String, String> answered = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                        response.headers().forEach(h -> answered.put(h.getKey(), h.getValue()));
                        return new Answer(response.statusCode(), answered);
                    }))
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
        } finally {
            client.close();
        }
    }

    /** Through the proxy. */
    public Answer viaProxy(String clientAddress, String method, String path, Map<String, String> headers)
            throws Exception {
        return send(clientAddress, port(), method, path, headers);
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
