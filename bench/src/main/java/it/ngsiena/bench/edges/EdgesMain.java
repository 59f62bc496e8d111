package it.ngsiena.bench.edges;

import it.ngsiena.bench.BenchMain;
import it.ngsiena.bench.CachedToken;
import it.ngsiena.infra.Directories;
import it.ngsiena.infra.Tokens;
import it.ngsiena.local.DemoData;
import it.ngsiena.local.LocalPlatform;
import it.ngsiena.local.Settings;
import it.ngsiena.testkit.WebhookReceiver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 31's two figures at the platform's edges, on the platform started by the launcher's code with the
 * demo data: (1) the activity feed's latency with no live stream open and with 500 open (anonymous, from 50
 * addresses), while needs are written at 10 a second so that the streams have events to carry; (2) how soon a
 * fast webhook receiver gets each event while 20 others take 9 s to answer. Writes
 * {@code bench/results/edges-<date>.md}.
 */
public final class EdgesMain {

    private static final int STREAMS = 500;
    private static final int SLOW_RECEIVERS = 20;
    private static final int WEBHOOK_EVENTS = Integer.parseInt(System.getenv().getOrDefault("NGS_EDGES_EVENTS", "20"));
    private static final Duration FEED_LOAD = Duration.ofSeconds(30);
    private static final String SIENA = "052032";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private EdgesMain() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        Directories.deleteRecursively(root.resolve("bench/target/edges"));
        Settings settings = BenchMain.settings(root, root.resolve("bench/target"), "edges/state")
                // one owner registers all 21 receivers
                .withServiceEnvironment(Map.of("NGS_WEBHOOKS_MAX_PER_OWNER", "30"));
        List<String> lines = new ArrayList<>();
        log("starting the platform and loading the demo data");
        try (LocalPlatform platform = LocalPlatform.start(settings)) {
            Runtime.getRuntime().addShutdownHook(new Thread(platform::close));
            DemoData.load(platform, root.resolve("seeds"), message -> {});
            Tokens tokens = new Tokens(platform.issuer());
            Supplier<String> officer = new CachedToken(() -> tokens.forUser("officer-siena", "officer-siena"));
            Supplier<String> admin = new CachedToken(() -> tokens.forUser("admin", "admin"));
            lines.addAll(streams(platform, officer));
            lines.addAll(webhooks(platform, officer, admin));
        }
        String commit = gitCommit(root);
        Path file = root.resolve("bench/results/edges-" + LocalDate.now() + ".md");
        List<String> out = new ArrayList<>();
        out.add("# Edges, " + LocalDate.now() + " (commit " + commit + ")");
        out.add("");
        out.add("`bench/edges` on this machine (" + Runtime.getRuntime().availableProcessors()
                + " cores); the platform started by the launcher's code with the demo data.");
        out.add("");
        out.addAll(lines);
        Files.write(file, out);
        out.forEach(System.out::println);
        log("written to %s", root.relativize(file));
        System.exit(0);
    }

    /**
     * The feed's latency without streams, with 500 open, and without again once they are closed (so that
     * warming up does not pass for the streams' cost), needs written meanwhile at 10 a second.
     */
    private static List<String> streams(LocalPlatform platform, Supplier<String> officer) throws Exception {
        String feed = platform.gatewayUrl() + "/v1/activity?limit=20";
        ScheduledExecutorService writer = writeNeeds(platform, officer, 10);
        try {
            log("warming up: the same load for %d s, not measured", FEED_LOAD.toSeconds());
            wrk(feed);
            log("feed under load, no stream open");
            Load before = wrk(feed);
            log("  %s", before);
            Load with;
            long carried;
            long open;
            log("opening %d streams", STREAMS);
            try (OpenStreams streams = OpenStreams.open(port(platform.gatewayUrl()), STREAMS, 10)) {
                Thread.sleep(5_000);
                open = STREAMS - streams.refused();
                long eventsBefore = streams.events();
                log("feed under load, %d streams open (%d refused)", open, streams.refused());
                with = wrk(feed);
                carried = streams.events() - eventsBefore;
                log("  %s; the streams carried %d events meanwhile", with, carried);
            }
            Thread.sleep(5_000);
            log("feed under load, the streams closed again");
            Load after = wrk(feed);
            log("  %s", after);
            return List.of(
                    "## The feed with live streams open",
                    "",
                    "`GET /v1/activity?limit=20` anonymously, wrk 2 threads, 16 connections, " + FEED_LOAD.toSeconds()
                            + " s each (after as long unmeasured), while officer-siena submits needs (one writer,"
                            + " up to 10 a second); the streams are anonymous, 10 from each of 50 addresses.",
                    "",
                    "| streams open | req/s | p50 ms | p99 ms | non-2xx | events the streams carried meanwhile |",
                    "|---|---|---|---|---|---|",
                    row(0, before, 0),
                    row(open, with, carried),
                    row(0, after, 0),
                    "");
        } finally {
            writer.shutdownNow();
        }
    }

    private static String row(long streams, Load load, long carried) {
        return String.format(
                Locale.ROOT,
                "| %d | %.0f | %.1f | %.1f | %d | %d |",
                streams,
                load.perSecond(),
                load.p50(),
                load.p99(),
                load.errors(),
                carried);
    }

    /** How soon a fast receiver gets each event: alone, then beside 20 that take 9 s to answer. */
    private static List<String> webhooks(LocalPlatform platform, Supplier<String> officer, Supplier<String> admin)
            throws Exception {
        List<WebhookReceiver> slow = new ArrayList<>();
        try (WebhookReceiver fast = WebhookReceiver.start()) {
            subscribe(platform, admin, fast);
            log("one fast receiver alone; %d needs, one a second", WEBHOOK_EVENTS);
            String alone = deliveries(platform, officer, fast, "alone");
            for (int i = 0; i < SLOW_RECEIVERS; i++) {
                WebhookReceiver receiver = WebhookReceiver.start();
                receiver.answerAfter(Duration.ofSeconds(9));
                slow.add(receiver);
                subscribe(platform, admin, receiver);
            }
            log("%d slow receivers (9 s) subscribed beside it; %d needs, one a second", SLOW_RECEIVERS, WEBHOOK_EVENTS);
            String beside = deliveries(platform, officer, fast, "beside");
            return List.of(
                    "## A fast webhook receiver beside slow ones",
                    "",
                    "A receiver that answers at once, subscribed to Siena's needs, first alone, then beside "
                            + SLOW_RECEIVERS + " that answer after 9 s (under the 10 s limit); each time "
                            + WEBHOOK_EVENTS + " needs submitted one a second through the gateway, timed from the"
                            + " write's 201 to the fast receiver's arrival (production settings: an event is delivered"
                            + " once stored " + "2 s ago, `NGS_WEBHOOKS_SETTLE`).",
                    "",
                    "| | from the write to the fast receiver |",
                    "|---|---|",
                    "| alone | " + alone + " |",
                    "| beside " + SLOW_RECEIVERS + " slow ones | " + beside + " |",
                    "");
        } finally {
            slow.forEach(WebhookReceiver::close);
        }
    }

    /** Submits the needs one a second and answers the fast receiver's delivery times, as a line of figures. */
    private static String deliveries(
            LocalPlatform platform, Supplier<String> officer, WebhookReceiver fast, String round) throws Exception {
        List<Long> millis = new ArrayList<>();
        int late = 0;
        for (int i = 0; i < WEBHOOK_EVENTS; i++) {
            Instant sent = Instant.now();
            String need = submit(platform, officer, "Sportello veloce " + round + " " + i);
            Instant deadline = sent.plusSeconds(60);
            Instant received = null;
            while (received == null && Instant.now().isBefore(deadline)) {
                received = fast.deliveries().stream()
                        .filter(d -> d.text().contains(need))
                        .map(WebhookReceiver.Delivery::receivedAt)
                        .findFirst()
                        .orElse(null);
                if (received == null) {
                    Thread.sleep(10);
                }
            }
            if (received == null) {
                late++;
                log("  need %d: not at the fast receiver within 60 s", i);
            } else {
                millis.add(Duration.between(sent, received).toMillis());
            }
            Thread.sleep(
                    Math.max(0, 1_000 - Duration.between(sent, Instant.now()).toMillis()));
        }
        millis.sort(Long::compare);
        String figures = millis.isEmpty()
                ? "none within 60 s"
                : String.format(
                        Locale.ROOT,
                        "p50 %d ms, max %d ms (%d events)",
                        millis.get(millis.size() / 2),
                        millis.get(millis.size() - 1),
                        millis.size());
        figures += late == 0 ? "" : "; " + late + " not within 60 s";
        log("  %s: %s", round, figures);
        return figures;
    }

    private static void subscribe(LocalPlatform platform, Supplier<String> admin, WebhookReceiver receiver)
            throws Exception {
        HttpResponse<String> answer = HTTP.send(
                HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "/v1/webhooks"))
                        .header("Authorization", "Bearer " + admin.get())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("""
                                {"url":"%s","contactEmail":"ced@comune.siena.example.it","municipality":"%s",
                                 "eventTypes":["it.ngsiena.participation.need.submitted.v1"]}""".formatted(receiver.url("127.0.0.1"), SIENA)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("subscribing answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    private static String submit(LocalPlatform platform, Supplier<String> officer, String title) throws Exception {
        HttpResponse<String> answer = HTTP.send(
                HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "/v1/participation/needs"))
                        .header("Authorization", "Bearer " + officer.get())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("""
                                {"title":"%s","description":"Misura ai bordi","theme":"GOVERNANCE","municipalities":["%s"]}""".formatted(title, SIENA)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(answer.body());
        if (answer.statusCode() != 201 || !id.find()) {
            throw new IllegalStateException("submitting answered " + answer.statusCode() + ": " + answer.body());
        }
        return id.group(1);
    }

    private static ScheduledExecutorService writeNeeds(
            LocalPlatform platform, Supplier<String> officer, int perSecond) {
        ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
        writer.scheduleAtFixedRate(
                () -> {
                    try {
                        submit(platform, officer, "Carico di fondo");
                    } catch (Exception e) {
                        log("a background write failed: %s", e.getMessage());
                    }
                },
                0,
                1_000_000 / perSecond,
                TimeUnit.MICROSECONDS);
        return writer;
    }

    record Load(double perSecond, double p50, double p99, long errors) {
        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT, "%.0f req/s, p50 %.1f ms, p99 %.1f ms, %d non-2xx", perSecond, p50, p99, errors);
        }
    }

    private static Load wrk(String url) throws Exception {
        Process wrk = new ProcessBuilder(
                        "wrk", "-t2", "-c16", "-d" + FEED_LOAD.toSeconds() + "s", "--latency", "--timeout", "10s", url)
                .redirectErrorStream(true)
                .start();
        String out = new String(wrk.getInputStream().readAllBytes());
        wrk.waitFor();
        return new Load(number(out, "Requests/sec:\\s+([\\d.]+)"), millis(out, "50%"), millis(out, "99%"), (long)
                number(out, "Non-2xx or 3xx responses:\\s+(\\d+)", 0));
    }

    private static double millis(String out, String percentile) {
        Matcher m = Pattern.compile(
                        "^\\s+" + Pattern.quote(percentile) + "\\s+([\\d.]+)(us|ms|s)\\s*$", Pattern.MULTILINE)
                .matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("cannot read wrk's output:\n" + out);
        }
        double value = Double.parseDouble(m.group(1));
        return m.group(2).equals("us") ? value / 1000 : m.group(2).equals("s") ? value * 1000 : value;
    }

    private static double number(String out, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("cannot read wrk's output:\n" + out);
        }
        return Double.parseDouble(m.group(1));
    }

    private static double number(String out, String pattern, double otherwise) {
        Matcher m = Pattern.compile(pattern).matcher(out);
        return m.find() ? Double.parseDouble(m.group(1)) : otherwise;
    }

    private static int port(String url) {
        return URI.create(url).getPort();
    }

    private static String gitCommit(Path root) {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD")
                    .directory(root.toFile())
                    .start();
            return new String(git.getInputStream().readAllBytes()).strip();
        } catch (Exception e) {
            return "?";
        }
    }

    private static void log(String format, Object... args) {
        System.out.printf("[edges] " + format + "%n", args);
    }
}
