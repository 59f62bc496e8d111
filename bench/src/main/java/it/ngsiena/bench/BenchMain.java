package it.ngsiena.bench;

import it.ngsiena.infra.Tokens;
import it.ngsiena.local.LocalPlatform;
import it.ngsiena.local.Settings;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark suite of issue 8. Starts the whole platform with the launcher's code (embedded
 * PostgreSQL, Kafka broker, Keycloak), measures it next to the limits of the same PostgreSQL server and
 * Kafka broker, and writes bench/results/&lt;date&gt;.md. Each figure is the median of {@code RUNS} runs
 * with its range. Figures, not tests: nothing here fails on a missed target.
 */
public final class BenchMain {

    static final int RUNS = setting("NGS_BENCH_RUNS", 2);
    /** A first start, then warm ones; the last stays up for the loads. */
    static final int PLATFORM_STARTS = setting("NGS_BENCH_PLATFORM_STARTS", 2);

    static final int RESTARTS = setting("NGS_BENCH_RESTARTS", 1);
    static final int CONNECTIONS = 16;
    static final Duration LOAD = Duration.ofSeconds(setting("NGS_BENCH_LOAD_SECONDS", 15));
    /** pgbench's inserts level off within seconds; the issue sets no duration for them. */
    static final Duration INSERT_LIMIT = LOAD.dividedBy(2);

    static final Duration PROPAGATION = Duration.ofSeconds(setting("NGS_BENCH_PROPAGATION_SECONDS", 30));
    static final int PROPAGATION_RATE = 200;
    /** A rate below the write capacity measured in benchmark 3, to see the pipeline without queueing. */
    static final int SUSTAINABLE_RATE = 50;

    static final Duration SUSTAINABLE = Duration.ofSeconds(10);
    static final int KAFKA_LATENCY_MESSAGES = 1000;
    /** At most this long per endpoint to reach the steady state (consecutive 5-s windows within 5 %). */
    static final Duration WARM_UP_CAP = Duration.ofSeconds(setting("NGS_BENCH_WARM_UP_CAP_SECONDS", 90));

    static final long REBUILD_EVENTS = setting("NGS_BENCH_REBUILD_EVENTS", 100_000);
    /** Sections 6 and 7 (about 9 minutes, on the first start); off for a shorter trial. */
    static final boolean SCALE = setting("NGS_BENCH_SCALE", 1) == 1;

    static final List<String> SERVICES = LocalPlatform.SERVICES;

    /** The platform under measurement, closed by the shutdown hook if the bench is stopped. */
    private static volatile LocalPlatform current;

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        Path work = root.resolve("bench/target");
        Results results = new Results();
        // a bench stopped with Ctrl-C or kill must not leave the platform's processes behind
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            LocalPlatform running = current;
                            if (running != null) {
                                running.close();
                            }
                        },
                        "close-platform"));
        deleteState(work);
        results.firstStart = !Files.exists(work.resolve("keycloak"));
        for (int run = 0; run < PLATFORM_STARTS; run++) {
            Settings settings = warm(settings(root, work, "state-" + run), run);
            long started = System.nanoTime();
            LocalPlatform platform;
            try {
                platform = LocalPlatform.start(settings);
            } catch (IllegalStateException e) {
                // the free ports are chosen before the services bind them; another process can take one meanwhile
                log("platform start failed (%s); trying again once with other ports", e.getMessage());
                settings = warm(settings(root, work, "state-" + run + "-again"), run);
                started = System.nanoTime();
                platform = LocalPlatform.start(settings);
            }
            current = platform;
            try {
                results.platformStart.add((System.nanoTime() - started) / 1e6);
                platform.startTimes()
                        .forEach((name, ms) -> results.together(name).add(ms));
                log(
                        "platform start %d of %d: up in %.0f ms",
                        run + 1, PLATFORM_STARTS, (System.nanoTime() - started) / 1e6);
                if (run == 0 && SCALE) {
                    log("6. reads as the data grows, and 7. the same data from Directus");
                    results.scale = new Scale(platform, work).run();
                }
                if (run == PLATFORM_STARTS - 1) {
                    measureUnderLoad(platform, work, results);
                }
            } finally {
                current = null;
                platform.close();
            }
        }
        String table = new ResultsReport(results, machine()).markdown();
        System.out.println(table);
        Path file = root.resolve("bench/results/" + LocalDate.now() + ".md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, table);
        System.out.println("written to " + root.relativize(file));
    }

    private static void measureUnderLoad(LocalPlatform platform, Path work, Results results) throws Exception {
        String gateway = platform.gatewayUrl();
        Tokens tokens = new Tokens(platform.issuer());
        EventLog log = new EventLog(platform.kafkaBootstrapServers(), platform.jdbcUrl("gateway"));
        KafkaLimits kafka = new KafkaLimits(platform.kafkaBootstrapServers());
        PgBench pgbench = PgBench.prepare(platform.postgresPort().orElseThrow(), work.resolve("pgbench"));

        log("warm-up: each load until two 5-s windows agree within 5 %% (at most %d s each)", WARM_UP_CAP.toSeconds());
        warmUp(gateway, work, tokens.forUser("officer-siena", "officer-siena"), results);

        log("1. event propagation");
        String officer = tokens.forUser("officer-siena", "officer-siena");
        Propagation.Result sustainable =
                new Propagation(gateway, officer, platform.jdbcUrl("gateway")).run(SUSTAINABLE_RATE, SUSTAINABLE);
        results.propagationSustainable.add(sustainable);
        log("   at %d/s: %s", SUSTAINABLE_RATE, sustainable);
        for (int run = 0; run < RUNS; run++) {
            Propagation.Result r =
                    new Propagation(gateway, officer, platform.jdbcUrl("gateway")).run(PROPAGATION_RATE, PROPAGATION);
            results.propagation.add(r);
            log("   at %d/s: %s", PROPAGATION_RATE, r);
            KafkaLimits.Latency k = kafka.endToEnd(KAFKA_LATENCY_MESSAGES, 1024);
            results.kafkaP50.add(k.p50Millis());
            results.kafkaP99.add(k.p99Millis());
            log("   Kafka EndToEndLatency %s", k);
        }

        log("2. gateway reads");
        for (int run = 0; run < RUNS; run++) {
            Wrk.Result overview =
                    Wrk.run(gateway + "/v1/municipalities/052032/overview", CONNECTIONS, LOAD, null, null);
            results.overview.add(overview);
            Wrk.Result feed = Wrk.run(
                    gateway + "/v1/activity?limit=20",
                    CONNECTIONS,
                    LOAD,
                    null,
                    tokens.forUser("officer-siena", "officer-siena"));
            results.activity.add(feed);
            double tps = pgbench.selectOnly(CONNECTIONS, LOAD);
            results.pgSelect.add(tps);
            log("   overview %s; activity %s; pgbench -S %.0f tps", overview, feed, tps);
        }

        log("3. writes");
        for (int run = 0; run < RUNS; run++) {
            String title = "Carico di scrittura " + run;
            Path script = postNeedScript(work, title);
            OffsetDateTime since = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);
            Wrk.Result writes = Wrk.run(
                    gateway + "/v1/participation/needs",
                    CONNECTIONS,
                    LOAD,
                    script,
                    tokens.forUser("officer-siena", "officer-siena"));
            results.writes.add(writes);
            double tps = pgbench.inserts(CONNECTIONS, INSERT_LIMIT); // meanwhile the last events reach the gateway
            results.pgInsert.add(tps);
            long[] check = log.needsAndEvents(platform.jdbcUrl("participation"), title, since);
            results.writeChecks.add(check);
            log(
                    "   writes %s; needs %d, with an event %d, with exactly one %d; pgbench insert %.0f tps",
                    writes, check[0], check[1], check[2], tps);
        }

        log("5. rebuild");
        Map<String, Long> topics = log.recordsPerTopic();
        long total = topics.values().stream().mapToLong(Long::longValue).sum();
        if (total < REBUILD_EVENTS) {
            log.addNeedsSubmitted(REBUILD_EVENTS - total);
            topics = log.recordsPerTopic();
            total = topics.values().stream().mapToLong(Long::longValue).sum();
        }
        long participationRecords = topics.get("ngs.participation.v1");
        long caughtUp = System.nanoTime();
        log.awaitGatewayRows(total, Duration.ofMinutes(10));
        log(
                "   the gateway consumed the events (%d in all) %.1f s after they were produced",
                total, (System.nanoTime() - caughtUp) / 1e9);
        results.rebuildEvents = total;
        for (int run = 0; run < RUNS; run++) {
            double rate = rebuild(gateway, tokens.forUser("admin", "admin"));
            results.rebuild.add(rate);
            double consumed = kafka.consumeRate("ngs.participation.v1", participationRecords);
            results.consumerPerf.add(consumed);
            log("   rebuild %.0f events/s; ConsumerPerformance %.0f records/s", rate, consumed);
        }

        log("4. memory after the loads, then each service restarted alone");
        platform.residentKilobytes().forEach((name, kb) -> results.rssAfterLoad.put(name, kb / 1024));
        for (String service : SERVICES) {
            for (int run = 0; run < RESTARTS; run++) {
                results.alone(service).add(platform.restartService(service));
            }
            results.rssAlone.put(service, platform.residentKilobytes().get(service) / 1024);
            log("   %s alone: %s ms", service, results.alone(service).describe(0));
        }
    }

    /** A wrk script that submits needs with the given title. */
    private static Path postNeedScript(Path work, String title) throws java.io.IOException {
        Path script = work.resolve("post-need.lua");
        Files.writeString(script, """
                wrk.method = "POST"
                wrk.headers["Content-Type"] = "application/json"
                wrk.body = '{"title":"%s","description":"Misura del carico di scrittura","theme":"GOVERNANCE","municipalities":["052032"]}'
                """.formatted(title));
        return script;
    }

    /**
     * The JVMs compile the hot paths during their first requests; measuring a cold platform would measure
     * the compiler. Each load of benchmarks 2 and 3 runs until it is steady; the platform has just started,
     * so its first minute is what users see after a deploy (reported apart).
     */
    private static void warmUp(String gateway, Path work, String token, Results results) throws java.io.IOException {
        List<SteadyState.WarmUp> warmUps = List.of(
                SteadyState.reach(
                        "writes",
                        gateway + "/v1/participation/needs",
                        CONNECTIONS,
                        postNeedScript(work, "Riscaldamento"),
                        token,
                        WARM_UP_CAP),
                SteadyState.reach(
                        "overview",
                        gateway + "/v1/municipalities/052032/overview",
                        CONNECTIONS,
                        null,
                        null,
                        WARM_UP_CAP),
                SteadyState.reach(
                        "activity", gateway + "/v1/activity?limit=20", CONNECTIONS, null, token, WARM_UP_CAP));
        for (SteadyState.WarmUp w : warmUps) {
            results.warmUps.add(w);
            log(
                    "   %s: %s after %d s; first window %.0f req/s, last %.0f req/s",
                    w.endpoint(),
                    w.steady() ? "steady" : "not steady",
                    w.seconds(),
                    w.first().requestsPerSecond(),
                    w.last().requestsPerSecond());
        }
    }

    /** One rebuild through the admin API; events per second as the gateway reports them. */
    static double rebuild(String gateway, String token) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(gateway + "/v1/admin/read-models/rebuild"))
                                .header("Authorization", "Bearer " + token)
                                .timeout(Duration.ofMinutes(10))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("rebuild answered " + r.statusCode() + ": " + r.body());
        }
        var result = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
        return result.get("eventsRead").asDouble() / (result.get("millis").asDouble() / 1000);
    }

    /**
     * The launcher's test settings (free ports) with state in bench/target/&lt;stateDir&gt; and the
     * benchmarks' Keycloak home (built once, its realm imported anew): every suite of bench/ runs so.
     */
    public static Settings settings(Path root, Path work, String stateDir) {
        return Settings.forTests(
                root,
                work.resolve(stateDir),
                root.resolve("deploy/local/target/dist/keycloak-quarkus-dist-26.5.6.zip"),
                work.resolve("keycloak"),
                message -> {});
    }

    /** After the first start Keycloak keeps its database (realm imported), as on the launcher's warm starts. */
    private static Settings warm(Settings settings, int start) {
        return start == 0 ? settings : settings.keepingKeycloakData();
    }

    /** Shorter runs for trying the suite out; the defaults are the issue's. */
    static int setting(String variable, int defaultValue) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? defaultValue : Integer.parseInt(value.strip());
    }

    /** Each run starts from empty databases and topics; the first also builds Keycloak anew (a first start). */
    private static void deleteState(Path work) throws java.io.IOException {
        if (!Files.isDirectory(work)) {
            return;
        }
        try (var dirs = Files.list(work)) {
            for (Path dir : dirs.filter(d -> d.getFileName().toString().startsWith("state-")
                            || d.getFileName().toString().equals("keycloak"))
                    .toList()) {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder())
                            .forEach(f -> f.toFile().delete());
                }
            }
        }
    }

    private static String machine() {
        long gib = -1;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            gib = Math.round(os.getTotalMemorySize() / (1024.0 * 1024 * 1024));
        }
        return Runtime.getRuntime().availableProcessors() + " cores, " + gib + " GiB, JDK "
                + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")";
    }

    private static final long STARTED = System.nanoTime();

    /** A line of progress, with the seconds since the suite started. */
    static void log(String format, Object... args) {
        System.out.printf(
                "[bench %4d s] %s%n",
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - STARTED), String.format(format, args));
    }
}
