package it.ngsiena.bench.soak;

import it.ngsiena.bench.Samples;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Requests at a steady rate (open loop: the next one leaves on time whether or not the last has been
 * answered), with at most {@link #MAX_IN_FLIGHT} unanswered; a turn that finds that many waiting is
 * skipped and counted, so a service that slows down shows as a lower throughput, not as a longer queue.
 * Answers are counted per minute since {@link #measureFrom}.
 */
final class SteadyLoad implements AutoCloseable {

    static final int MAX_IN_FLIGHT = 64;

    /** One minute of answers, also per endpoint (the request's path). */
    static final class Minute {
        final List<Double> millis = new ArrayList<>();
        final Map<String, List<Double>> perEndpoint = new HashMap<>();
        long ok;
        long failed;

        synchronized void add(String endpoint, double ms, boolean success) {
            millis.add(ms);
            perEndpoint.computeIfAbsent(endpoint, e -> new ArrayList<>()).add(ms);
            if (success) {
                ok++;
            } else {
                failed++;
            }
        }

        synchronized double p99() {
            return millis.isEmpty() ? Double.NaN : Samples.percentile(millis, 99);
        }

        synchronized double p99(String endpoint) {
            List<Double> of = perEndpoint.get(endpoint);
            return of == null ? Double.NaN : Samples.percentile(of, 99);
        }

        synchronized java.util.Set<String> endpoints() {
            return java.util.Set.copyOf(perEndpoint.keySet());
        }
    }

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService clock;
    private final Supplier<HttpRequest> requests;
    private final List<Minute> minutes = new ArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong skipped = new AtomicLong();
    private volatile long measureFrom = Long.MAX_VALUE;

    SteadyLoad(String name, int perSecond, Supplier<HttpRequest> requests) {
        this.requests = requests;
        this.clock = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "load-" + name);
            t.setDaemon(true);
            return t;
        });
        clock.scheduleAtFixedRate(this::fire, 0, 1_000_000_000L / perSecond, TimeUnit.NANOSECONDS);
    }

    /** From now on answers are counted, minute by minute. */
    void measureFromNow() {
        skipped.set(0);
        measureFrom = System.nanoTime();
    }

    private void fire() {
        if (inFlight.get() >= MAX_IN_FLIGHT) {
            skipped.incrementAndGet();
            return;
        }
        inFlight.incrementAndGet();
        long sent = System.nanoTime();
        HttpRequest request = requests.get();
        String endpoint = request.uri().getPath();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            inFlight.decrementAndGet();
            if (sent < measureFrom) {
                return;
            }
            int minute = (int) TimeUnit.NANOSECONDS.toMinutes(sent - measureFrom);
            minute(minute)
                    .add(endpoint, (System.nanoTime() - sent) / 1e6, error == null && response.statusCode() / 100 == 2);
        });
    }

    private synchronized Minute minute(int index) {
        while (minutes.size() <= index) {
            minutes.add(new Minute());
        }
        return minutes.get(index);
    }

    /** The minutes measured, the last one possibly partial (dropped by the caller). */
    synchronized List<Minute> minutes() {
        return List.copyOf(minutes);
    }

    long skipped() {
        return skipped.get();
    }

    @Override
    public void close() {
        clock.shutdownNow();
    }
}
