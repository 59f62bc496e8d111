package it.ngsiena.bench.soak;

import it.ngsiena.bench.BenchMain;
import it.ngsiena.bench.CachedToken;
import it.ngsiena.bench.ResultsFile;
import it.ngsiena.infra.Directories;
import it.ngsiena.infra.Tokens;
import it.ngsiena.local.DemoData;
import it.ngsiena.local.LocalPlatform;
import it.ngsiena.local.Settings;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The soak test of issue 16: every list and read endpoint of every service and of the gateway, called
 * at a steady rate for {@code NGS_SOAK_MINUTES} (10) measured minutes after one minute of the same
 * load unmeasured, with need submissions mixed in. Per service it compares the first measured minute
 * with the last (throughput, p99) and the heap it retains (live objects after a full collection) at the start and at
 * the end; any of them worse by more than 20 % fails the run (exit 1). Writes the "Soak" section of
 * {@code bench/results/faults-<date>.md}.
 */
public final class SoakMain {

    static final int READS_PER_SECOND = 40;
    static final int WRITES_PER_SECOND = 2;
    static final int MINUTES = Integer.parseInt(System.getenv().getOrDefault("NGS_SOAK_MINUTES", "10"));
    static final double DRIFT = 0.20;
    static final List<String> SERVICES = LocalPlatform.SERVICES;

    private SoakMain() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        Path work = root.resolve("bench/target/soak");
        Directories.deleteRecursively(work.resolve("state"));
        Settings settings = BenchMain.settings(root, root.resolve("bench/target"), "soak/state");
        boolean flat;
        log("starting the platform and loading the demo data");
        try (LocalPlatform platform = LocalPlatform.start(settings)) {
            // stopped with Ctrl-C or a kill, the suite still stops what it started
            Runtime.getRuntime().addShutdownHook(new Thread(platform::close));
            DemoData.load(platform, root.resolve("seeds"), message -> {});
            flat = soak(root, platform);
        }
        System.exit(flat ? 0 : 1);
    }

    private static boolean soak(Path root, LocalPlatform platform) throws Exception {
        Tokens tokens = new Tokens(platform.issuer());
        Supplier<String> admin = new CachedToken(() -> tokens.forUser("admin", "admin"));
        Supplier<String> officer = new CachedToken(() -> tokens.forUser("officer-siena", "officer-siena"));
        Map<String, String> bases = new LinkedHashMap<>();
        SERVICES.forEach(s -> bases.put(s, s.equals("gateway") ? platform.gatewayUrl() : platform.serviceUrl(s)));
        List<String> skipped = new ArrayList<>();
        Map<String, List<String>> urls = Endpoints.resolve(bases, admin.get(), skipped);
        skipped.forEach(s -> log("not called: %s", s));

        Map<String, SteadyLoad> loads = new LinkedHashMap<>();
        for (String service : SERVICES) {
            List<String> targets = urls.get(service);
            AtomicInteger next = new AtomicInteger();
            loads.put(
                    service,
                    new SteadyLoad(
                            service,
                            READS_PER_SECOND,
                            () -> HttpRequest.newBuilder(URI.create(
                                            targets.get(Math.floorMod(next.getAndIncrement(), targets.size()))))
                                    .header("Authorization", "Bearer " + admin.get())
                                    .timeout(Duration.ofSeconds(10))
                                    .build()));
        }
        String need = """
                {"title":"Prova di durata","description":"Scrittura durante la prova di durata","theme":"GOVERNANCE","municipalities":["052032"]}""";
        loads.put(
                "writes",
                new SteadyLoad(
                        "writes",
                        WRITES_PER_SECOND,
                        () -> HttpRequest.newBuilder(URI.create(bases.get("participation") + "/v1/participation/needs"))
                                .header("Authorization", "Bearer " + officer.get())
                                .header("Content-Type", "application/json")
                                .timeout(Duration.ofSeconds(10))
                                .POST(HttpRequest.BodyPublishers.ofString(need))
                                .build()));
        log("1 minute of the load, not measured");
        Thread.sleep(60_000);
        Map<String, Double> oldStart = oldGeneration(platform);
        Map<String, Map<String, Long>> histogramsStart = histograms(platform);
        loads.values().forEach(SteadyLoad::measureFromNow);
        log("%d minutes measured; old generation after a full GC at the start (KB): %s", MINUTES, oldStart);
        for (int minute = 1; minute <= MINUTES; minute++) {
            Thread.sleep(60_000);
            int m = minute - 1;
            log(
                    "minute %d: %s",
                    minute,
                    String.join(
                            "; ",
                            loads.entrySet().stream()
                                    .map(e -> {
                                        var ms = e.getValue().minutes();
                                        return m < ms.size()
                                                ? String.format(
                                                        Locale.ROOT,
                                                        "%s %.0f/s p99 %.0f ms",
                                                        e.getKey(),
                                                        ms.get(m).ok / 60.0,
                                                        ms.get(m).p99())
                                                : e.getKey() + " -";
                                    })
                                    .toList()));
        }
        Map<String, Double> oldEnd = oldGeneration(platform);
        Map<String, Map<String, Long>> histogramsEnd = histograms(platform);
        Thread.sleep(11_000); // the last answers of the last minute (time-out 10 s)
        loads.values().forEach(SteadyLoad::close);
        return report(root, loads, oldStart, oldEnd, histogramsStart, histogramsEnd, skipped);
    }

    private static boolean report(
            Path root,
            Map<String, SteadyLoad> loads,
            Map<String, Double> oldStart,
            Map<String, Double> oldEnd,
            Map<String, Map<String, Long>> liveStart,
            Map<String, Map<String, Long>> liveEnd,
            List<String> skipped)
            throws java.io.IOException {
        StringBuilder body = new StringBuilder();
        body.append(String.format(
                Locale.ROOT,
                "Command: `bench/soak` (%s). The whole platform from the launcher's"
                        + " code with the demo data; every list and read endpoint below called in turn at %d requests/s per"
                        + " service (open loop, at most %d unanswered; a turn that finds that many is skipped), as the"
                        + " programme admin, and %d need submissions/s to the participation service as Siena's officer;"
                        + " 1 minute unmeasured, then %d minutes measured. The run fails when, from the first measured"
                        + " minute to the last, a service's throughput falls or its p99 rises by more than %.0f %%, or"
                        + " the heap it retains (its live objects after a full GC, `jcmd GC.class_histogram`) grows by more than"
                        + " %.0f %%. The old generation after a full GC (`jstat`, column OU) is shown too; it also counts"
                        + " what a full collection happened to promote from the young generation, so it moves with the"
                        + " requests in flight.%n%n",
                LocalDate.now(),
                READS_PER_SECOND,
                SteadyLoad.MAX_IN_FLIGHT,
                WRITES_PER_SECOND,
                MINUTES,
                DRIFT * 100,
                DRIFT * 100));
        body.append("| service | calls measured | failed | skipped turns | throughput first / last minute (req/s) |"
                + " p99 first / last minute (ms) | live heap after full GC, start / end (MB) |"
                + " old gen after full GC, start / end (MB) | verdict |"
                + " endpoint whose p99 rose most (first → last, ms) |\n");
        body.append("|---|---|---|---|---|---|---|---|---|---|\n");
        boolean flat = true;
        for (var entry : loads.entrySet()) {
            List<SteadyLoad.Minute> minutes = entry.getValue().minutes().subList(0, MINUTES);
            SteadyLoad.Minute first = minutes.get(0);
            SteadyLoad.Minute last = minutes.get(MINUTES - 1);
            long calls = minutes.stream().mapToLong(m -> m.ok + m.failed).sum();
            long failed = minutes.stream().mapToLong(m -> m.failed).sum();
            List<String> drifts = new ArrayList<>();
            if (last.ok < first.ok * (1 - DRIFT)) {
                drifts.add("throughput");
            }
            if (last.p99() > first.p99() * (1 + DRIFT)) {
                drifts.add("p99");
            }
            Double start = oldStart.get(entry.getKey());
            Double end = oldEnd.get(entry.getKey());
            Long retainedStart = liveStart.containsKey(entry.getKey())
                    ? liveStart.get(entry.getKey()).get(OldGeneration.TOTAL)
                    : null;
            Long retainedEnd =
                    retainedStart == null ? null : liveEnd.get(entry.getKey()).get(OldGeneration.TOTAL);
            if (retainedStart != null && retainedEnd > retainedStart * (1 + DRIFT)) {
                drifts.add("retained heap");
            }
            flat &= drifts.isEmpty();
            body.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %d | %d | %.1f / %.1f | %.1f / %.1f | %s | %s | %s | %s |%n",
                    entry.getKey(),
                    calls,
                    failed,
                    entry.getValue().skipped(),
                    first.ok / 60.0,
                    last.ok / 60.0,
                    first.p99(),
                    last.p99(),
                    retainedStart == null
                            ? "—"
                            : String.format(
                                    Locale.ROOT, "%.1f / %.1f", retainedStart / 1048576.0, retainedEnd / 1048576.0),
                    start == null ? "—" : String.format(Locale.ROOT, "%.1f / %.1f", start / 1024, end / 1024),
                    drifts.isEmpty() ? "flat" : "DRIFT: " + String.join(", ", drifts),
                    mostRisen(first, last)));
        }
        body.append("\nLive objects that grew most per service, from the start of the measured minutes to their end"
                + " (`jcmd GC.class_histogram`):\n\n");
        liveStart.forEach((service, before) -> {
            List<String> classes = OldGeneration.mostGrown(before, liveEnd.get(service), 5);
            body.append("- ")
                    .append(service)
                    .append(": ")
                    .append(classes.isEmpty() ? "nothing grew" : String.join(", ", classes))
                    .append('\n');
        });
        body.append("\nEndpoints called, per service: ")
                .append(Endpoints.READS.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue().size())
                        .toList())
                .append(
                        skipped.isEmpty()
                                ? "; all answered 200 before the soak."
                                : "; not called (they did not answer" + " 200 before the soak): " + skipped + ".")
                .append('\n');
        body.append("\nVerdict: ")
                .append(flat ? "flat." : "FAILED: a drift above.")
                .append('\n');
        Path file = root.resolve("bench/results/faults-" + LocalDate.now() + ".md");
        ResultsFile.writeSection(file, "Faults and soak, " + LocalDate.now(), "Soak", body.toString());
        System.out.println(body);
        System.out.println("written to " + root.relativize(file));
        return flat;
    }

    /** The endpoint whose p99 grew most between two minutes, for finding the cause of a drift. */
    private static String mostRisen(SteadyLoad.Minute first, SteadyLoad.Minute last) {
        return first.endpoints().stream()
                .max(java.util.Comparator.comparingDouble(e -> last.p99(e) - first.p99(e)))
                .map(e -> String.format(Locale.ROOT, "`%s` %.1f → %.1f", e, first.p99(e), last.p99(e)))
                .orElse("—");
    }

    private static Map<String, Map<String, Long>> histograms(LocalPlatform platform) throws Exception {
        Map<String, Map<String, Long>> perService = new LinkedHashMap<>();
        for (String service : SERVICES) {
            perService.put(service, OldGeneration.liveBytesPerClass(platform.pid(service)));
        }
        return perService;
    }

    private static Map<String, Double> oldGeneration(LocalPlatform platform) throws Exception {
        Map<String, Double> kb = new LinkedHashMap<>();
        for (String service : SERVICES) {
            kb.put(service, OldGeneration.afterFullGc(platform.pid(service)));
        }
        return kb;
    }

    private static final long STARTED = System.nanoTime();

    static void log(String format, Object... args) {
        System.out.printf(
                "[soak %4d s] %s%n",
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - STARTED), String.format(format, args));
    }
}
