package it.ngsiena.gateway.webhook;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLException;

/**
 * POSTs one delivery to the address the {@link TargetGuard} checked (the URL's host still names the
 * server for TLS and the Host header), never following redirects, within a time limit, reading at most
 * {@value #MAX_ANSWER_BYTES} bytes of the answer. Asynchronous: a receiver that takes its time holds a
 * connection, never a thread.
 */
@ApplicationScoped
class WebhookSender {

    static final int MAX_ANSWER_BYTES = 64 * 1024;

    /** What happened: the status when the receiver answered, otherwise why not. */
    record Result(Integer status, String error, long latencyMillis) {
        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    private final Vertx vertx;
    private final HttpClient client;
    private final Duration timeout;

    WebhookSender(Vertx vertx, WebhooksConfig config) {
        this.vertx = vertx;
        this.timeout = config.timeout();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) Math.min(timeout.toMillis(), 5_000))
                .setForceSni(true)
                .setVerifyHost(true)
                .setKeepAlive(true)
                .setMaxPoolSize(8));
    }

    /**
     * Sends one delivery and answers when the receiver has, or the time limit has passed; holds no thread
     * meanwhile. A request still running at the time limit is reset, so its connection is not reused.
     */
    CompletableFuture<Result> send(TargetGuard.Target target, Map<String, String> headers, byte[] body) {
        long start = System.nanoTime();
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(
                        target.port(), target.address().getHostAddress()))
                .setHost(target.url().getHost())
                .setPort(target.port())
                .setSsl("https".equalsIgnoreCase(target.url().getScheme()))
                .setURI(target.pathAndQuery())
                .setFollowRedirects(false)
                .setIdleTimeout(timeout.toMillis());
        headers.forEach(options::putHeader);
        CompletableFuture<Result> outcome = new CompletableFuture<>();
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        long timer = vertx.setTimer(timeout.toMillis(), expired -> {
            if (outcome.complete(new Result(null, "no answer within " + timeout.toSeconds() + " s", elapsed(start)))) {
                HttpClientRequest request = sent.get();
                if (request != null) {
                    request.reset(); // the connection goes with it, never reused half-read
                }
            }
        });
        client.request(options)
                .compose(request -> {
                    sent.set(request);
                    return request.send(Buffer.buffer(body));
                })
                .compose(WebhookSender::status)
                .onComplete(answered -> {
                    vertx.cancelTimer(timer);
                    if (answered.succeeded()) {
                        int status = answered.result();
                        outcome.complete(new Result(
                                status, status >= 200 && status < 300 ? null : "answered " + status, elapsed(start)));
                    } else {
                        outcome.complete(new Result(null, describe(answered.cause()), elapsed(start)));
                    }
                });
        return outcome;
    }

    /** The answer's status, once at most {@value #MAX_ANSWER_BYTES} bytes of its body have been read. */
    private static Future<Integer> status(HttpClientResponse response) {
        Promise<Integer> read = Promise.promise();
        AtomicLong size = new AtomicLong();
        try {
            response.handler(chunk -> {
                if (size.addAndGet(chunk.length()) > MAX_ANSWER_BYTES) {
                    // enough: the status is all a delivery needs; drop the rest with the connection
                    response.request().reset();
                    read.tryComplete(response.statusCode());
                }
            });
            response.endHandler(end -> read.tryComplete(response.statusCode()));
            response.exceptionHandler(e -> read.tryComplete(response.statusCode()));
        } catch (IllegalStateException ended) {
            // an answer without a body can end before its handlers are set (Vert.x: "Response
            // already ended"); its status is all a delivery needs
            read.tryComplete(response.statusCode());
        }
        return read.future();
    }

    private static String describe(Throwable failure) {
        if (failure instanceof ConnectException) {
            return "connection refused or unreachable";
        }
        if (failure instanceof SSLException || failure.getCause() instanceof SSLException) {
            return "TLS failed: " + failure.getMessage();
        }
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static long elapsed(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
