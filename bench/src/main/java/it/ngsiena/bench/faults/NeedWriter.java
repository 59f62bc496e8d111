package it.ngsiena.bench.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A burst of need submissions from several clients at a steady rate, each need titled for its fault, so
 * that the ledger can find every need the fault's writes stored. Counts how the platform answered.
 */
final class NeedWriter implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String needsUrl;
    private final Supplier<String> token;
    private final String title;
    private final Duration period;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Thread> clients = new ArrayList<>();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    final AtomicLong sent = new AtomicLong();
    final AtomicLong ok = new AtomicLong();
    final AtomicLong serverErrors = new AtomicLong();
    final AtomicLong clientErrors = new AtomicLong();
    final AtomicLong unanswered = new AtomicLong();
    private volatile boolean running = true;

    /**
     * @param needsUrl      where needs are posted (the gateway's route, or the participation service itself)
     * @param perClientRate writes per second of each client
     */
    NeedWriter(String needsUrl, Supplier<String> token, String title, int clients, int perClientRate) {
        this.needsUrl = needsUrl;
        this.token = token;
        this.title = title;
        this.period = Duration.ofMillis(1000 / perClientRate);
        for (int i = 0; i < clients; i++) {
            Thread client = new Thread(this::write, "writer-" + i);
            client.setDaemon(true);
            this.clients.add(client);
        }
        this.clients.forEach(Thread::start);
    }

    /** Ids of the needs answered 2xx. */
    Set<String> acknowledged() {
        return acknowledged;
    }

    private void write() {
        String body = """
                {"title":"%s","description":"Scrittura durante un guasto","theme":"GOVERNANCE","municipalities":["052032"]}""".formatted(title);
        long next = System.nanoTime();
        String bearer = token.get();
        while (running) {
            sent.incrementAndGet();
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create(needsUrl))
                                .header("Authorization", "Bearer " + bearer)
                                .header("Content-Type", "application/json")
                                .timeout(Duration.ofSeconds(10))
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() / 100 == 2) {
                    ok.incrementAndGet();
                    acknowledged.add(JSON.readTree(r.body()).get("id").asText());
                } else if (r.statusCode() >= 500) {
                    serverErrors.incrementAndGet();
                } else {
                    clientErrors.incrementAndGet();
                    if (r.statusCode() == 401) {
                        bearer = token.get(); // expired: the shared token is fetched anew within a minute
                    }
                }
            } catch (IOException e) {
                unanswered.incrementAndGet(); // refused or timed out: the client does not know whether it was stored
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            next += period.toNanos();
            long wait = next - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            } else {
                next = System.nanoTime(); // behind: no catch-up burst
            }
        }
    }

    @Override
    public void close() {
        running = false;
        for (Thread client : clients) {
            try {
                client.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
