package it.ngsiena.bench;

import it.ngsiena.local.LocalPlatform;
import it.ngsiena.local.Settings;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark suite (issue 8), so far its start-and-memory part: starts the whole platform with the
 * launcher's code several times (the first start builds Keycloak when its home is new), measures each
 * service's time from process start to ready and its resident memory once ready, and the platform's
 * start time; prints a table (median, min–max) and writes it to bench/results/&lt;date&gt;.md.
 */
public final class BenchMain {

    private static final int RUNS = Integer.getInteger("ngs.bench.runs", 3);

    private BenchMain() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of("").toAbsolutePath();
        Path work = root.resolve("bench/target");
        Map<String, List<Long>> ready = new LinkedHashMap<>();
        Map<String, List<Long>> rss = new LinkedHashMap<>();
        List<Long> platform = new ArrayList<>();
        boolean freshKeycloak = !Files.exists(work.resolve("keycloak"));
        for (int run = 0; run < RUNS; run++) {
            Settings settings = Settings.forTests(root, work.resolve("state-" + run),
                    root.resolve("deploy/local/target/dist/keycloak-quarkus-dist-26.5.6.zip"), work.resolve("keycloak"),
                    message -> { });
            long started = System.nanoTime();
            try (LocalPlatform p = LocalPlatform.start(settings)) {
                platform.add((System.nanoTime() - started) / 1_000_000);
                p.startTimes().forEach((name, ms) -> ready.computeIfAbsent(name, k -> new ArrayList<>()).add(ms));
                p.residentKilobytes().forEach((name, kb) -> rss.computeIfAbsent(name, k -> new ArrayList<>())
                        .add(kb / 1024));
            }
            System.out.printf("run %d of %d: platform up in %d ms%n", run + 1, RUNS, platform.get(run));
        }
        String table = report(ready, rss, platform, freshKeycloak);
        System.out.println(table);
        Path results = root.resolve("bench/results/" + LocalDate.now() + ".md");
        Files.createDirectories(results.getParent());
        Files.writeString(results, table);
        System.out.println("written to " + root.relativize(results));
    }

    private static String report(Map<String, List<Long>> ready, Map<String, List<Long>> rss, List<Long> platform,
            boolean freshKeycloak) {
        StringBuilder out = new StringBuilder("# Benchmark results, " + LocalDate.now() + "\n\n");
        out.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(totalMemoryGib()).append(" GiB, JDK ").append(System.getProperty("java.version"))
                .append(" (").append(System.getProperty("java.vm.name")).append(")\n\n");
        out.append("Command: `bench/run` (").append(platform.size()).append(" starts of the whole platform with the"
                + " launcher's code, free ports, empty databases)\n\n");
        out.append("## 4. Start and memory\n\n");
        out.append("Targets: each service ready ≤ 1.5 s with RSS ≤ 200 MB.\n\n");
        out.append("| service | ready after (ms), median | min–max | RSS once ready (MB), median | min–max | target met |\n");
        out.append("|---|---|---|---|---|---|\n");
        ready.forEach((name, times) -> {
            List<Long> mem = rss.get(name);
            boolean met = median(times) <= 1500 && median(mem) <= 200;
            out.append("| ").append(name).append(" | ").append(median(times)).append(" | ").append(range(times))
                    .append(" | ").append(median(mem)).append(" | ").append(range(mem)).append(" | ")
                    .append(met ? "yes" : "no").append(" |\n");
        });
        out.append("\nWhole platform (PostgreSQL, Kafka, Keycloak, 4 services, gateway) up, per run (ms): ")
                .append(platform).append(freshKeycloak ? " — the first run built Keycloak (first start)"
                        : " — Keycloak was already built (warm starts)").append(".\n\n");
        out.append("Services start together on the machine's cores, so \"ready after\" includes waiting for the"
                + " others; RSS is read from /proc once all are ready, before any load.\n\n");
        out.append("Not measured yet (issue 8): event propagation, gateway reads, writes, rebuild, RSS after load.\n");
        return out.toString();
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String range(List<Long> values) {
        return values.stream().min(Long::compare).orElse(0L) + "–" + values.stream().max(Long::compare).orElse(0L);
    }

    private static long totalMemoryGib() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return Math.round(sun.getTotalMemorySize() / (1024.0 * 1024 * 1024));
        }
        return -1;
    }
}
