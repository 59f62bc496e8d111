package it.ngsiena.bench;

import java.time.LocalDate;
import java.util.Locale;

/** The results as the markdown table that is printed and written to bench/results/&lt;date&gt;.md. */
final class ResultsReport {

    private final Results r;
    private final String machine;
    private final StringBuilder out = new StringBuilder();

    ResultsReport(Results results, String machine) {
        this.r = results;
        this.machine = machine;
    }

    String markdown() {
        line("# Benchmark results, " + LocalDate.now());
        line("");
        line("Machine: " + machine + ". Command: `bench/run`. Every figure is the median of "
                + BenchMain.RUNS + " runs, with the range in brackets; the load generators (wrk, pgbench, the"
                + " Kafka tools, the propagation client) run on the same machine as the platform (started "
                + BenchMain.PLATFORM_STARTS
                + " times; the last start takes the loads). The services run with the images' JVM options"
                + " (`deploy/container/jvm.options`: full tiered compilation, serial GC, heap 70 % of the memory) and"
                + " the Kubernetes memory limit (`-XX:MaxRAM=512m`), as the launcher runs them. Before anything is"
                + " measured, each load of benchmarks 2 and 3 runs until two consecutive 5-s windows agree within 5 %"
                + " (steady state; at most " + BenchMain.WARM_UP_CAP.toSeconds() + " s each); its first minute is"
                + " reported apart (section 0). What limits each missed target: [bench/README.md](../README.md).");
        line("");
        warmUp();
        propagation();
        reads();
        writes();
        startAndMemory();
        rebuild();
        out.append(r.scale);
        return out.toString();
    }

    private void warmUp() {
        line("## 0. Warm-up: the first minute after a start, and the time to steady state");
        line("");
        line("Right after the platform started, each load with " + BenchMain.CONNECTIONS + " connections in windows of "
                + SteadyState.WINDOW.toSeconds() + " s, in this order (the later loads find code the earlier ones"
                + " compiled). First minute: requests over the first 12 windows (or all, if fewer) and the worst"
                + " window's p99 (wrk gives no percentile across windows).");
        line("");
        line(
                "| load | first 5 s: requests/s | first minute: requests/s | first minute: worst p99 (ms) | steady after (s) | last window: requests/s | last window: p99 (ms) |");
        line("|---|---|---|---|---|---|---|");
        for (SteadyState.WarmUp w : r.warmUps) {
            line(String.format(
                    Locale.ROOT,
                    "| %s | %.0f | %.0f | %.2f | %s | %.0f | %.2f |",
                    w.endpoint(),
                    w.first().requestsPerSecond(),
                    w.firstMinuteRequestsPerSecond(),
                    w.firstMinuteWorstP99(),
                    w.steady() ? Long.toString(w.seconds()) : "not within " + w.seconds(),
                    w.last().requestsPerSecond(),
                    w.last().p99Millis()));
        }
        line("");
    }

    private void propagation() {
        line("## 1. Event propagation");
        line("");
        line(String.format(
                Locale.ROOT,
                "Needs submitted through the gateway at %d/s for %d s; latency from the 201"
                        + " response reaching the client to the event arriving on the gateway's live stream"
                        + " (`/v1/activity/stream`, SSE, watched by the client). Limit: Kafka's EndToEndLatency tool on the"
                        + " same broker (%,d messages of 1 KiB, acks=all, whole milliseconds).",
                BenchMain.PROPAGATION_RATE,
                BenchMain.PROPAGATION.toSeconds(),
                BenchMain.KAFKA_LATENCY_MESSAGES));
        line("");
        line("| figure (ms) | at " + BenchMain.PROPAGATION_RATE
                + "/s | Kafka EndToEndLatency | ratio | target | met | at "
                + BenchMain.SUSTAINABLE_RATE + "/s (below the write capacity; one run of "
                + BenchMain.SUSTAINABLE.toSeconds()
                + " s) | ratio to Kafka |");
        line("|---|---|---|---|---|---|---|---|");
        propagationRow("p50", Propagation.Result::p50, r.kafkaP50, 10);
        propagationRow("p95", Propagation.Result::p95, null, 0);
        propagationRow("p99", Propagation.Result::p99, r.kafkaP99, 50);
        propagationRow("max", Propagation.Result::max, null, 0);
        line("");
        r.propagation.forEach(p -> runLine(BenchMain.PROPAGATION_RATE, p));
        r.propagationSustainable.forEach(p -> runLine(BenchMain.SUSTAINABLE_RATE, p));
        line("");
        line("Where the time goes, per run (p50 / p99, ms), from one machine's clock: *stamped* is the need's"
                + " `occurred_at`, set by the participation service inside the write's transaction; *gateway* is the"
                + " feed row's `received_at`, the start of the gateway consumer's transaction that stores it. Stamped →"
                + " 201: the rest of the write (commit, the answer back through the gateway to the client). Stamped →"
                + " gateway: commit, outbox relay, Kafka (acks=all), the consumer's poll. Gateway → stream: the"
                + " consumer's transaction and commit, the stream's wake-up and query, the SSE write. The benchmark's"
                + " figure is (stamped → gateway) + (gateway → stream) − (stamped → 201).");
        line("");
        line("| run | stamped → 201 | stamped → gateway | gateway → stream |");
        line("|---|---|---|---|");
        r.propagation.forEach(p -> hopsLine(BenchMain.PROPAGATION_RATE, p.hops()));
        r.propagationSustainable.forEach(p -> hopsLine(BenchMain.SUSTAINABLE_RATE, p.hops()));
        line("");
    }

    private void hopsLine(int rate, Propagation.Hops h) {
        line(String.format(
                Locale.ROOT,
                "| at %d/s | %.1f / %.1f | %.1f / %.1f | %.1f / %.1f |",
                rate,
                h.toResponse()[0],
                h.toResponse()[1],
                h.toGateway()[0],
                h.toGateway()[1],
                h.toStream()[0],
                h.toStream()[1]));
    }

    private void propagationRow(
            String name, java.util.function.ToDoubleFunction<Propagation.Result> figure, Samples kafka, double target) {
        Samples full = Results.ofPropagation(r.propagation, figure);
        Samples sustainable = Results.ofPropagation(r.propagationSustainable, figure);
        boolean hasTarget = kafka != null;
        line("| " + name + " | " + full.describe(1) + " | " + (hasTarget ? kafka.describe(0) : "") + " | "
                + (hasTarget ? ratio(full, kafka) : "") + " | " + (hasTarget ? "≤ " + (int) target : "") + " | "
                + (hasTarget ? met(full.median() <= target) : "") + " | " + sustainable.describe(1) + " | "
                + (hasTarget ? ratio(sustainable, kafka) : "") + " |");
    }

    private void runLine(int rate, Propagation.Result p) {
        line(String.format(
                Locale.ROOT,
                "- run at %d/s: %d sent, %d turns skipped (over %d unanswered), %d created (201),"
                        + " %d of them seen on the stream within 15 s of the last answer; fastest %.1f ms (negative: the event"
                        + " was on the stream before the 201 reached the client)",
                rate,
                p.sent(),
                p.skipped(),
                Propagation.MAX_IN_FLIGHT,
                p.created(),
                p.seen(),
                p.min()));
    }

    private void reads() {
        line("## 2. Gateway reads");
        line("");
        line("wrk, " + BenchMain.CONNECTIONS + " connections, 2 threads, " + BenchMain.LOAD.toSeconds() + " s per run."
                + " Limit: `pgbench -S` (one primary-key select per transaction, scale 5), "
                + BenchMain.CONNECTIONS + " clients, same PostgreSQL server, " + BenchMain.LOAD.toSeconds() + " s.");
        line("");
        line("| request | requests/s | p50 (ms) | p99 (ms) | errors | pgbench -S TPS | ratio | target | met |");
        line("|---|---|---|---|---|---|---|---|---|");
        readRow("`GET /v1/municipalities/052032/overview` (anonymous)", r.overview);
        readRow("`GET /v1/activity?limit=20` (signed in)", r.activity);
        line("");
    }

    private void readRow(String name, java.util.List<Wrk.Result> runs) {
        Samples rps = Results.of(runs, Wrk.Result::requestsPerSecond);
        Samples p99 = Results.of(runs, Wrk.Result::p99Millis);
        double ratio = rps.median() / r.pgSelect.median();
        line("| " + name + " | " + rps.describe(0) + " | "
                + Results.of(runs, Wrk.Result::p50Millis).describe(2)
                + " | " + p99.describe(2) + " | "
                + Results.of(runs, Wrk.Result::errors).describe(0) + " | "
                + r.pgSelect.describe(0) + " | " + percent(ratio) + " | ≥ 50 %, p99 ≤ 10 ms | "
                + met(ratio >= 0.5 && p99.median() <= 10) + " |");
    }

    private void writes() {
        line("## 3. Writes");
        line("");
        line("`POST /v1/participation/needs` through the gateway with an officer's Keycloak token, wrk, "
                + BenchMain.CONNECTIONS + " connections, " + BenchMain.LOAD.toSeconds() + " s. Limit: pgbench, one"
                + " INSERT per transaction (into pgbench_history), " + BenchMain.CONNECTIONS + " clients, "
                + BenchMain.INSERT_LIMIT.toSeconds() + " s.");
        line("");
        Samples rps = Results.of(r.writes, Wrk.Result::requestsPerSecond);
        double ratio = rps.median() / r.pgInsert.median();
        line("| requests/s | p50 (ms) | p99 (ms) | errors | pgbench insert TPS | ratio | target | met |");
        line("|---|---|---|---|---|---|---|---|");
        line("| " + rps.describe(0) + " | "
                + Results.of(r.writes, Wrk.Result::p50Millis).describe(2) + " | "
                + Results.of(r.writes, Wrk.Result::p99Millis).describe(2) + " | "
                + Results.of(r.writes, Wrk.Result::errors).describe(0) + " | " + r.pgInsert.describe(0) + " | "
                + percent(ratio) + " | ≥ 30 % | " + met(ratio >= 0.3) + " |");
        line("");
        line("Every created need produced exactly one event (needs stored by the service; needs with a"
                + " `need.submitted` event in the gateway's log; needs with exactly one):");
        r.writeChecks.forEach(c -> line("- " + c[0] + " needs, " + c[1] + " with an event, " + c[2]
                + " with exactly one" + (c[0] == c[1] && c[1] == c[2] ? " — yes" : " — NO")));
        line("");
    }

    private void startAndMemory() {
        line("## 4. Start and memory");
        line("");
        line("Ready = process start to `/q/health/ready` UP (checked every 200 ms). *Together*: the five JVMs"
                + " started at once by the launcher (one per platform start). *Alone*: the service stopped and"
                + " started again while the rest of the platform runs (" + BenchMain.RESTARTS
                + (BenchMain.RESTARTS == 1 ? " time" : " times") + "). RSS from /proc.");
        line("");
        line(
                "| service | ready, together (ms) | ready, alone (ms) | RSS after the loads (MB) | RSS after a restart (MB)"
                        + " | target (alone ≤ 1,500 ms, RSS after the loads ≤ 200 MB) |");
        line("|---|---|---|---|---|---|");
        for (String s : BenchMain.SERVICES) {
            Samples alone = r.alone(s);
            long rss = r.rssAfterLoad.getOrDefault(s, -1L);
            line("| " + s + " | " + r.together(s).describe(0) + " | " + alone.describe(0) + " | " + rss + " | "
                    + r.rssAlone.getOrDefault(s, -1L) + " | "
                    + met(!alone.isEmpty() && alone.median() <= 1500 && rss <= 200) + " |");
        }
        line("");
        line("Whole platform (PostgreSQL, Kafka, Keycloak, mail server, 4 services, gateway) up, per start (ms): "
                + r.platformStart.values()
                + (r.firstStart
                        ? "; the first was a first start (Keycloak built from its distribution, its realm imported), the"
                                + " others warm (Keycloak built, its database kept; new PostgreSQL and Kafka data)."
                        : "; all warm starts (Keycloak already built)."));
        line("");
    }

    private void rebuild() {
        line("## 5. Rebuild");
        line("");
        line("`POST /v1/admin/read-models/rebuild` over the four topics holding " + r.rebuildEvents + " events"
                + " (topped up with need-submitted events to at least " + BenchMain.REBUILD_EVENTS + "); events/s as"
                + " the gateway reports them (events read ÷ duration, including the final merge). Limit: Kafka's"
                + " ConsumerPerformance reading `ngs.participation.v1` (nearly all of the events) from the beginning.");
        line("");
        double ratio = r.rebuild.median() / r.consumerPerf.median();
        line("| rebuild events/s | ConsumerPerformance records/s | ratio | target | met |");
        line("|---|---|---|---|---|");
        line("| " + r.rebuild.describe(0) + " | " + r.consumerPerf.describe(0) + " | " + percent(ratio)
                + " | ≥ 20,000/s | " + met(r.rebuild.median() >= 20_000) + " |");
        line("");
    }

    private static String ratio(Samples platform, Samples limit) {
        return limit.median() == 0
                ? "limit < 1 ms"
                : String.format(Locale.ROOT, "%.1f×", platform.median() / limit.median());
    }

    private static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.0f %%", ratio * 100);
    }

    private static String met(boolean met) {
        return met ? "yes" : "**no**";
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}
