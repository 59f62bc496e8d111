package it.ngsiena.bench.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import it.ngsiena.contracts.participation.NeedSubmitted;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A client of the gateway's live stream as a frontend would write it: it counts each need it is told
 * about, and when the stream breaks it reconnects with {@code Last-Event-ID} (the id of the last event
 * it got), as the SSE specification has browsers do.
 */
final class StreamWatcher implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NEED_SUBMITTED = NeedSubmitted.TYPE;

    private final String gateway;
    private final Supplier<String> token;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, Integer> seen = new ConcurrentHashMap<>();
    private final AtomicInteger reconnects = new AtomicInteger();
    private final Thread thread;
    private volatile String lastEventId;
    private volatile boolean connected;
    private volatile boolean running = true;

    StreamWatcher(String gateway, Supplier<String> token) {
        this.gateway = gateway;
        this.token = token;
        this.thread = new Thread(this::watch, "stream-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits until the first connection is open, so that the writes that follow are all on the stream. */
    StreamWatcher awaitConnected() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!connected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the stream did not open");
            }
            Thread.sleep(50);
        }
        Thread.sleep(500); // the gateway answers the headers before it has read where the stream starts
        return this;
    }

    /** How many times the stream announced each need. */
    Map<String, Integer> seen() {
        return seen;
    }

    /** Connection attempts after the first (every 300 ms while the gateway is away). */
    int reconnects() {
        return reconnects.get();
    }

    private void watch() {
        while (running) {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(
                                URI.create(gateway + "/v1/activity/stream?type=" + NEED_SUBMITTED))
                        .header("Accept", "text/event-stream")
                        .header("Authorization", "Bearer " + token.get());
                if (lastEventId != null) {
                    request.header("Last-Event-ID", lastEventId);
                }
                HttpResponse<Stream<String>> response = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
                if (response.statusCode() == 200) {
                    connected = true;
                    try (Stream<String> lines = response.body()) {
                        lines.takeWhile(line -> running).forEach(this::read);
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                // the gateway went away: reconnect below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (running) {
                reconnects.incrementAndGet();
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void read(String line) {
        if (line.startsWith("id:")) {
            lastEventId = line.substring(3).strip();
        } else if (line.startsWith("data:")) {
            try {
                String need =
                        JSON.readTree(line.substring(5).strip()).get("subject").asText();
                seen.merge(need, 1, Integer::sum);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
