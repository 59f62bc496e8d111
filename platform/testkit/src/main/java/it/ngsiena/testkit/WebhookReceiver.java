package it.ngsiena.testkit;

import com.sun.net.httpserver.HttpServer;
import it.ngsiena.infra.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A real HTTP receiver of webhook deliveries for the tests: it keeps every request it answers, answers
 * with the status it is told, and can go down (its port closed) and come back on the same port. Its
 * {@link #verify} checks a delivery the way a municipality's receiver should (Standard Webhooks), written
 * from the scheme, not from the platform's signer.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received. */
    public record Delivery(
            String webhookId,
            String webhookTimestamp,
            String webhookSignature,
            String contentType,
            String host,
            byte[] body,
            Instant receivedAt) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final int port = Ports.free();
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final List<String> arrivals = new CopyOnWriteArrayList<>();
    private volatile int status = 204;
    private volatile Duration delay = Duration.ZERO;
    private HttpServer server;

    private WebhookReceiver() {}

    /** A receiver listening on 127.0.0.1, answering 204. */
    public static WebhookReceiver start() {
        WebhookReceiver receiver = new WebhookReceiver();
        receiver.up();
        return receiver;
    }

    public int port() {
        return port;
    }

    /** Its URL on {@code host} (any name the test resolves to 127.0.0.1). */
    public String url(String host) {
        return "http://" + host + ":" + port + "/ngs/events";
    }

    /** The status it answers from now on. */
    public void answer(int status) {
        this.status = status;
    }

    /** How long it takes before it answers, from now on (each request waits on a thread of its own). */
    public void answerAfter(Duration delay) {
        this.delay = delay;
    }

    /** Closes its port: deliveries find nobody. */
    public synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Listens again, on the same port. */
    public synchronized void up() {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Instant receivedAt = Instant.now();
            arrivals.add(String.valueOf(exchange.getRequestHeaders().getFirst("webhook-id")));
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            int answer = status;
            if (answer >= 200 && answer < 300) {
                var h = exchange.getRequestHeaders();
                deliveries.add(new Delivery(
                        h.getFirst("webhook-id"),
                        h.getFirst("webhook-timestamp"),
                        h.getFirst("webhook-signature"),
                        h.getFirst("Content-Type"),
                        h.getFirst("Host"),
                        body,
                        receivedAt));
            }
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    /** The webhook-id of every request as it arrived, before it was answered (whatever the answer). */
    public List<String> arrivals() {
        return new ArrayList<>(arrivals);
    }

    /** What it accepted (answered 2xx), in arrival order. */
    public List<Delivery> deliveries() {
        return new ArrayList<>(deliveries);
    }

    @Override
    public void close() {
        down();
    }

    /**
     * Whether a delivery is authentic and fresh: one of the {@code v1} signatures in {@code webhook-signature}
     * is the HMAC-SHA256, keyed with the secret's bytes (after {@code whsec_}, base64), of
     * {@code id.timestamp.body}, and the timestamp is within {@code tolerance} of {@code now}.
     */
    public static boolean verify(String secret, Delivery delivery, Duration tolerance, Instant now) {
        if (delivery.webhookId() == null
                || delivery.webhookTimestamp() == null
                || delivery.webhookSignature() == null) {
            return false;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(delivery.webhookTimestamp());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
            return false;
        }
        byte[] expected;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            mac.update(
                    (delivery.webhookId() + "." + delivery.webhookTimestamp() + ".").getBytes(StandardCharsets.UTF_8));
            expected = mac.doFinal(delivery.body());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        for (String signature : delivery.webhookSignature().split(" ")) {
            if (signature.startsWith("v1,")) {
                byte[] given;
                try {
                    given = Base64.getDecoder().decode(signature.substring(3));
                } catch (IllegalArgumentException e) {
                    continue;
                }
                if (MessageDigest.isEqual(expected, given)) {
                    return true;
                }
            }
        }
        return false;
    }
}
