package it.ngsiena.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.ngsiena.contracts.participation.NeedSubmitted;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark 1: needs submitted through the gateway at a steady rate; for each, the time from the 201
 * response reaching the client to the event arriving on the gateway's live stream (SSE), which a
 * client watching the programme would see. The stream is opened before the first request.
 */
final class Propagation {

    static final String SUBMITTED = NeedSubmitted.TYPE;

    record Result(
            int sent,
            int skipped,
            int created,
            int seen,
            double p50,
            double p95,
            double p99,
            double max,
            double min,
            Hops hops) {}

    /**
     * Where the time goes, per event (p50 and p99 in ms), from the clocks of one machine: the need's
     * {@code occurred_at} (stamped by the participation service in the write's transaction) and the feed row's
     * {@code received_at} (the start of the gateway consumer's transaction that stored it), beside the client's
     * 201 and the event's arrival on the stream.
     */
    record Hops(double[] toResponse, double[] toGateway, double[] toStream) {
        static final Hops NONE =
                new Hops(new double[] {Double.NaN, Double.NaN}, new double[] {Double.NaN, Double.NaN}, new double[] {
                    Double.NaN, Double.NaN
                });

        @Override
        public String toString() {
            return String.format(
                    java.util.Locale.ROOT,
                    "stamped→201 %.1f/%.1f ms, stamped→gateway %.1f/%.1f ms,"
                            + " gateway→stream %.1f/%.1f ms (p50/p99)",
                    toResponse[0],
                    toResponse[1],
                    toGateway[0],
                    toGateway[1],
                    toStream[0],
                    toStream[1]);
        }
    }

    /**
     * Above this many unanswered requests the client skips its turn: past the platform's write capacity
     * the queue only grows, and draining it would delay the next measurement by minutes.
     */
    static final int MAX_IN_FLIGHT = 500;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway;
    private final String token;
    private final String gatewayJdbc;

    Propagation(String gateway, String token, String gatewayJdbc) {
        this.gateway = gateway;
        this.token = token;
        this.gatewayJdbc = gatewayJdbc;
    }

    Result run(int perSecond, Duration duration) throws Exception {
        Map<String, Long> created = new ConcurrentHashMap<>();
        Map<String, Long> seen = new ConcurrentHashMap<>();
        Map<String, java.time.Instant> createdWall = new ConcurrentHashMap<>();
        Map<String, java.time.Instant> seenWall = new ConcurrentHashMap<>();
        AtomicLong sent = new AtomicLong();
        AtomicLong skipped = new AtomicLong();
        java.util.concurrent.atomic.AtomicInteger pending = new java.util.concurrent.atomic.AtomicInteger();
        AtomicLong failed = new AtomicLong();
        java.util.concurrent.atomic.AtomicReference<java.io.InputStream> stream =
                new java.util.concurrent.atomic.AtomicReference<>();
        Thread listener = new Thread(() -> listen(seen, seenWall, stream), "sse-listener");
        listener.setDaemon(true);
        listener.start();
        Thread.sleep(1000); // the stream starts with the next event: let it connect first
        ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
        long periodMicros = 1_000_000L / perSecond;
        long count = duration.toSeconds() * perSecond;
        sender.scheduleAtFixedRate(
                () -> {
                    if (sent.get() + skipped.get() >= count) {
                        return;
                    }
                    if (pending.get() >= MAX_IN_FLIGHT) {
                        skipped.incrementAndGet();
                        return;
                    }
                    sent.incrementAndGet();
                    pending.incrementAndGet();
                    http.sendAsync(submit("Propagazione " + sent.get()), HttpResponse.BodyHandlers.ofString())
                            .whenComplete((r, failure) -> {
                                long at = System.nanoTime();
                                java.time.Instant wall = java.time.Instant.now();
                                if (failure != null) {
                                    failed.incrementAndGet();
                                } else if (r.statusCode() == 201) {
                                    String id = idOf(r.body());
                                    created.put(id, at);
                                    createdWall.put(id, wall);
                                }
                                pending.decrementAndGet();
                            });
                },
                0,
                periodMicros,
                TimeUnit.MICROSECONDS);
        Thread.sleep(duration.toMillis());
        sender.shutdown();
        sender.awaitTermination(5, TimeUnit.SECONDS);
        // every request answered (or timed out) before the next measurement starts
        long answered = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (pending.get() > 0 && System.nanoTime() < answered) {
            Thread.sleep(50);
        }
        if (failed.get() > 0 || pending.get() > 0) {
            System.err.printf("%d requests failed, %d unanswered after 60 s%n", failed.get(), pending.get());
        }
        // stragglers: wait until every created need was seen, or 15 s after the last answer
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline && !seen.keySet().containsAll(created.keySet())) {
            Thread.sleep(100);
        }
        listener.interrupt();
        if (stream.get() != null) {
            stream.get().close();
        }
        List<Double> millis = new ArrayList<>();
        created.forEach((id, at) -> {
            Long arrived = seen.get(id);
            if (arrived != null) {
                millis.add((arrived - at) / 1e6);
            }
        });
        if (millis.isEmpty()) {
            throw new IllegalStateException("no created need was seen on the stream");
        }
        return new Result(
                (int) sent.get(),
                (int) skipped.get(),
                created.size(),
                millis.size(),
                Samples.percentile(millis, 50),
                Samples.percentile(millis, 95),
                Samples.percentile(millis, 99),
                Samples.percentile(millis, 100),
                Samples.percentile(millis, 0),
                hops(createdWall, seenWall));
    }

    /** The three stretches of each event's way, from the feed rows of the needs this run created and saw. */
    private Hops hops(Map<String, java.time.Instant> createdWall, Map<String, java.time.Instant> seenWall) {
        List<Double> toResponse = new ArrayList<>();
        List<Double> toGateway = new ArrayList<>();
        List<Double> toStream = new ArrayList<>();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(gatewayJdbc, "postgres", "");
                java.sql.PreparedStatement q =
                        c.prepareStatement("select subject, occurred_at, received_at from activity"
                                + " where event_type = ? and subject = any(?)")) {
            q.setString(1, SUBMITTED);
            q.setArray(2, c.createArrayOf("text", seenWall.keySet().toArray()));
            try (java.sql.ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    java.time.Instant occurred =
                            rs.getObject(2, java.time.OffsetDateTime.class).toInstant();
                    java.time.Instant received =
                            rs.getObject(3, java.time.OffsetDateTime.class).toInstant();
                    if (createdWall.containsKey(id)) {
                        toResponse.add(millisBetween(occurred, createdWall.get(id)));
                    }
                    toGateway.add(millisBetween(occurred, received));
                    toStream.add(millisBetween(received, seenWall.get(id)));
                }
            }
        } catch (java.sql.SQLException e) {
            System.err.println("no hop figures: " + e.getMessage());
            return Hops.NONE;
        }
        return toGateway.isEmpty() ? Hops.NONE : new Hops(p50p99(toResponse), p50p99(toGateway), p50p99(toStream));
    }

    private static double millisBetween(java.time.Instant from, java.time.Instant to) {
        return Duration.between(from, to).toNanos() / 1e6;
    }

    private static double[] p50p99(List<Double> values) {
        return values.isEmpty()
                ? new double[] {Double.NaN, Double.NaN}
                : new double[] {Samples.percentile(values, 50), Samples.percentile(values, 99)};
    }

    private HttpRequest submit(String title) {
        String body = """
                {"title":"%s","description":"Misura di propagazione degli eventi","theme":"GOVERNANCE",\
                "municipalities":["052032"]}""".formatted(title);
        return HttpRequest.newBuilder(URI.create(gateway + "/v1/participation/needs"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /** Reads the SSE stream, noting when each need's event arrives (its subject is the need's id). */
    private void listen(
            Map<String, Long> seen,
            Map<String, java.time.Instant> seenWall,
            java.util.concurrent.atomic.AtomicReference<java.io.InputStream> stream) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/v1/activity/stream?type=" + SUBMITTED))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .GET()
                .build();
        try {
            HttpResponse<java.io.InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            stream.set(response.body());
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while (!Thread.currentThread().isInterrupted() && (line = lines.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        long at = System.nanoTime();
                        java.time.Instant wall = java.time.Instant.now();
                        JsonNode item = JSON.readTree(line.substring(5));
                        seen.putIfAbsent(item.path("subject").asText(), at);
                        seenWall.putIfAbsent(item.path("subject").asText(), wall);
                    }
                }
            }
        } catch (Exception e) {
            if (!Thread.currentThread().isInterrupted()) {
                System.err.println("stream ended: " + e);
            }
        }
    }

    private static String idOf(String body) {
        try {
            return JSON.readTree(body).path("id").asText();
        } catch (Exception e) {
            throw new IllegalStateException("unreadable response: " + body, e);
        }
    }
}
