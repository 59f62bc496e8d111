package it.ngsiena.bench;

import it.ngsiena.local.LocalPlatform;
import it.ngsiena.local.Settings;
import it.ngsiena.testkit.Tokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the cost of the reads grows with the data (issue 20, part 8): the same requests at 1×, 10× and 100×
 * of a base of 1,000 needs (stored in the participation service's database, across the 35 municipalities)
 * and 10,000 events in the gateway's feed (need-submitted events added to the participation topic, which
 * the gateway consumes), up to 100,000 needs and 1,000,000 events. Then {@code EXPLAIN (ANALYZE)} of the
 * feed's and the need list's main queries at 100×. Writes bench/results/scale-&lt;date&gt;.md.
 * Participants, enrolments and attendance are not scaled (not done).
 */
public final class ScaleMain {

    static final int[] FACTORS = {1, 10, 100};
    static final long BASE_NEEDS = 1_000;
    static final long BASE_EVENTS = 10_000;
    static final Duration WARM = Duration.ofSeconds(5);
    static final Duration WARM_UP = Duration.ofSeconds(30);
    static final Duration MEASURE = Duration.ofSeconds(10);
    static final int CONNECTIONS = 16;

    private ScaleMain() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        Path work = root.resolve("bench/target");
        Settings settings = BenchMain.settings(root, work, "scale-state");
        if (Files.isDirectory(work.resolve("keycloak"))) {
            settings = settings.keepingKeycloakData();
        }
        deleteTree(work.resolve("scale-state"));
        StringBuilder out = new StringBuilder();
        try (LocalPlatform platform = LocalPlatform.start(settings)) {
            String gateway = platform.gatewayUrl();
            Tokens tokens = new Tokens(platform.issuer());
            String officer = tokens.forUser("officer-siena", "officer-siena");
            EventLog log = new EventLog(platform.kafkaBootstrapServers(), platform.jdbcUrl("gateway"));
            Map<String, String> endpoints = new LinkedHashMap<>();
            endpoints.put("`GET /v1/municipalities/052032/overview` (anonymous)", gateway + "/v1/municipalities/052032/overview");
            endpoints.put("`GET /v1/municipalities` (anonymous, 35 overviews)", gateway + "/v1/municipalities");
            endpoints.put("`GET /v1/activity?limit=20` (officer)", gateway + "/v1/activity?limit=20");
            endpoints.put("`GET /v1/activity?municipality=052032&limit=20` (officer)",
                    gateway + "/v1/activity?municipality=052032&limit=20");
            endpoints.put("`GET /v1/participation/needs?municipality=052032&size=20` (officer)",
                    gateway + "/v1/participation/needs?municipality=052032&size=20");
            endpoints.put("`GET /v1/participation/needs?size=20` (officer)", gateway + "/v1/participation/needs?size=20");
            Map<String, List<Wrk.Result>> results = new LinkedHashMap<>();
            endpoints.keySet().forEach(k -> results.put(k, new ArrayList<>()));
            List<String> sizes = new ArrayList<>();
            // the JVMs compile their hot paths first: otherwise 1x would measure the compiler, not the data
            BenchMain.log("warm-up: every request for %d s, not measured", WARM_UP.toSeconds());
            for (var e : endpoints.entrySet()) {
                Wrk.run(e.getValue(), CONNECTIONS, WARM_UP, null, e.getKey().contains("(officer)") ? officer : null);
            }
            for (int factor : FACTORS) {
                long needs = BASE_NEEDS * factor;
                long events = BASE_EVENTS * factor;
                long added = topUpNeeds(platform.jdbcUrl("participation"), needs);
                long inFeed = log.gatewayRows();
                if (inFeed < events) {
                    log.addNeedsSubmitted(events - inFeed);
                }
                log.awaitGatewayRows(events, Duration.ofMinutes(10));
                sizes.add(String.format(Locale.ROOT, "%d×: %,d needs (%,d added), %,d events in the feed", factor,
                        needs, added, log.gatewayRows()));
                BenchMain.log("scale %d×: %,d needs, %,d events", factor, needs, log.gatewayRows());
                for (var e : endpoints.entrySet()) {
                    String bearer = e.getKey().contains("(officer)") ? officer : null;
                    Wrk.run(e.getValue(), CONNECTIONS, WARM, null, bearer);
                    Wrk.Result r = Wrk.run(e.getValue(), CONNECTIONS, MEASURE, null, bearer);
                    results.get(e.getKey()).add(r);
                    BenchMain.log("   %s: %.0f requests/s, p99 %.2f ms, %d errors", e.getKey(), r.requestsPerSecond(),
                            r.p99Millis(), r.errors());
                }
            }
            out.append("# Reads as the data grows, ").append(LocalDate.now()).append("\n\n");
            out.append("Command: `bench/scale`. The platform as `bench/run` starts it (production JVM options); first"
                    + " every request for 30 s unmeasured (the JIT's warm-up), then at each scale every request gets 5 s"
                    + " of wrk unmeasured, then 10 s measured, 16 connections. Needs are"
                    + " stored straight into the participation service's database (35 municipalities in turn, all"
                    + " SUBMITTED), events straight into the participation topic (need-submitted, 5 municipalities in"
                    + " turn), which the gateway consumes into its feed. Participants, enrolments and attendance are"
                    + " not scaled.\n\n");
            sizes.forEach(s -> out.append("- ").append(s).append('\n'));
            out.append("\n| request | 1×: requests/s, p99 (ms) | 10× | 100× | 100× against 1× (throughput) | target: within 20 % |\n");
            out.append("|---|---|---|---|---|---|\n");
            for (var e : results.entrySet()) {
                List<Wrk.Result> r = e.getValue();
                double ratio = r.get(2).requestsPerSecond() / r.get(0).requestsPerSecond();
                out.append(String.format(Locale.ROOT, "| %s | %.0f, %.2f | %.0f, %.2f | %.0f, %.2f | %.0f %% | %s |%n",
                        e.getKey(), r.get(0).requestsPerSecond(), r.get(0).p99Millis(), r.get(1).requestsPerSecond(),
                        r.get(1).p99Millis(), r.get(2).requestsPerSecond(), r.get(2).p99Millis(), ratio * 100,
                        ratio >= 0.8 ? "yes" : "**no**"));
            }
            // the table first: a failing plan below must not lose the measurements
            Files.writeString(results(root), out);
            out.append("\n## Query plans at 100×\n\n");
            out.append(explain(platform.jdbcUrl("gateway"), "The feed's page for an officer of Siena (the readers filter as"
                    + " `ActivityRepository` builds it)", """
                    select * from activity
                    where readers && array['public','platform','officer','officer:052032']::varchar[]
                    order by occurred_at desc, seq desc limit 20"""));
            out.append(explain(platform.jdbcUrl("gateway"), "The same, one municipality", """
                    select * from activity
                    where readers && array['public','platform','officer','officer:052032']::varchar[]
                      and municipalities @> array['052032']
                    order by occurred_at desc, seq desc limit 20"""));
            out.append(explain(platform.jdbcUrl("participation"), "The need list of one municipality, newest first",
                    """
                    select * from need where municipalities @> array['052032']
                    order by created_at desc, id desc limit 20"""));
            out.append(explain(platform.jdbcUrl("participation"), "The need list's total for one municipality",
                    "select count(*) from need where municipalities @> array['052032']"));
        }
        Path file = results(root);
        Files.writeString(file, out.toString());
        System.out.println(out);
        System.out.println("written to " + root.relativize(file));
    }

    private static Path results(Path root) {
        return root.resolve("bench/results/scale-" + LocalDate.now() + ".md");
    }

    /** Adds needs until the participation service holds {@code target}; answers how many were added. */
    private static long topUpNeeds(String jdbcUrl, long target) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", ""); Statement s = c.createStatement()) {
            long present;
            try (ResultSet rs = s.executeQuery("select count(*) from need")) {
                rs.next();
                present = rs.getLong(1);
            }
            long missing = Math.max(0, target - present);
            if (missing > 0) {
                s.executeUpdate("""
                        insert into need (id, title, description, theme, municipalities, origin, status, created_at,
                                          updated_at, submitted_at)
                        select gen_random_uuid(), 'Bisogno di scala ' || g, 'Dati per misurare la crescita', 'GOVERNANCE',
                               array[(select istat from (values %s) m(n, istat) where n = g %% 35)], 'ONLINE', 'SUBMITTED',
                               now() - g * interval '1 second', now() - g * interval '1 second',
                               now() - g * interval '1 second'
                        from generate_series(%d, %d) g""".formatted(municipalityValues(), present + 1, target));
            }
            return missing;
        }
    }

    /** The 35 municipalities of the province as (index, code) rows for the insert above. */
    private static String municipalityValues() {
        List<String> rows = new ArrayList<>();
        int i = 0;
        for (var m : new it.ngsiena.kernel.municipality.MunicipalityRegistry().all()) {
            rows.add("(" + i++ + ", '" + m.istatCode() + "')");
        }
        return String.join(", ", rows);
    }

    private static String explain(String jdbcUrl, String what, String sql) throws Exception {
        StringBuilder plan = new StringBuilder("### " + what + "\n\n```\n" + sql.strip() + "\n\n");
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", ""); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("explain (analyze, buffers) " + sql)) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        }
        return plan.append("```\n\n").toString();
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
