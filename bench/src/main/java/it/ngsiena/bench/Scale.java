package it.ngsiena.bench;

import it.ngsiena.infra.Tokens;
import it.ngsiena.kernel.municipality.MunicipalityRegistry;
import it.ngsiena.local.LocalPlatform;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How the cost of the reads grows with the data (issue 20, part 8), and the same data from Directus
 * (part 7). The same requests at 1×, 10× and 100× of a base of 1,000 needs (stored straight into the
 * participation service's database, across the 35 municipalities), 10,000 events in the gateway's feed
 * (need-submitted events produced to the participation topic, which the gateway consumes) and 500
 * participants of the training service, each enrolled in a held session of 25 and with its attendance:
 * up to 100,000 needs, 1,000,000 events and 50,000 participants. At 100×: a rebuild over the 1,000,000
 * events and {@code EXPLAIN (ANALYZE)} of the main queries. Runs on the bench's first platform start; the
 * section it returns goes into the results file.
 */
final class Scale {

    static final int[] FACTORS = {1, 10, 100};
    static final long BASE_NEEDS = 1_000;
    static final long BASE_EVENTS = 10_000;
    static final long BASE_PARTICIPANTS = 500;
    static final int PARTICIPANTS_PER_SESSION = 25;
    /** Each request unmeasured at 1× before anything is measured: the JIT compiles the paths first. */
    static final Duration WARM_UP = Duration.ofSeconds(BenchMain.setting("NGS_BENCH_SCALE_WARM_UP_SECONDS", 15));

    static final Duration SETTLE = Duration.ofSeconds(1);
    static final Duration MEASURE = Duration.ofSeconds(BenchMain.setting("NGS_BENCH_SCALE_SECONDS", 6));
    static final String COURSE = "'00000000-0000-4000-8000-00000000c0de'::uuid";

    private record Request(String name, String path, boolean signedIn) {}

    private static final List<Request> REQUESTS = List.of(
            new Request(
                    "`GET /v1/municipalities/052032/overview` (anonymous)",
                    "/v1/municipalities/052032/overview",
                    false),
            new Request("`GET /v1/municipalities` (anonymous, 35 overviews)", "/v1/municipalities", false),
            new Request("`GET /v1/activity?limit=20` (officer)", "/v1/activity?limit=20", true),
            new Request(
                    "`GET /v1/activity?municipality=052032&limit=20` (officer)",
                    "/v1/activity?municipality=052032&limit=20",
                    true),
            new Request(
                    "`GET /v1/participation/needs?municipality=052032&size=20` (officer)",
                    "/v1/participation/needs?municipality=052032&size=20",
                    true),
            new Request("`GET /v1/participation/needs?size=20` (officer)", "/v1/participation/needs?size=20", true),
            new Request(
                    "`GET /v1/training/participants?municipality=052032&size=20` (officer)",
                    "/v1/training/participants?municipality=052032&size=20",
                    true),
            new Request(
                    "`GET /v1/training/reports/municipalities/052032` (officer)",
                    "/v1/training/reports/municipalities/052032",
                    true));

    private final LocalPlatform platform;
    private final Path work;
    private final String gateway;
    private final String officer;
    private final String admin;
    private final EventLog log;
    private final Map<Request, List<Wrk.Result>> results = new LinkedHashMap<>();
    private final List<String> sizes = new ArrayList<>();
    private final StringBuilder out = new StringBuilder();
    private String comparison = "";
    private long participants;

    Scale(LocalPlatform platform, Path work) {
        this.platform = platform;
        this.work = work;
        this.gateway = platform.gatewayUrl();
        Tokens tokens = new Tokens(platform.issuer());
        this.officer = tokens.forUser("officer-siena", "officer-siena");
        this.admin = tokens.forUser("admin", "admin");
        this.log = new EventLog(platform.kafkaBootstrapServers(), platform.jdbcUrl("gateway"));
        REQUESTS.forEach(r -> results.put(r, new ArrayList<>()));
    }

    /** Sections 6 and 7 of the results file, and the query plans for its appendix. */
    String run() throws Exception {
        for (int factor : FACTORS) {
            grow(factor);
            if (factor == FACTORS[0]) {
                BenchMain.log("   warm-up: every request for %d s, not measured", WARM_UP.toSeconds());
                REQUESTS.forEach(r -> wrk(gateway + r.path(), WARM_UP, r.signedIn() ? officer : null));
            }
            for (Request r : REQUESTS) {
                String bearer = r.signedIn() ? officer : null;
                wrk(gateway + r.path(), SETTLE, bearer);
                Wrk.Result measured = wrk(gateway + r.path(), MEASURE, bearer);
                results.get(r).add(measured);
                BenchMain.log(
                        "   %d×, %s: %.0f requests/s, p99 %.2f ms, %d errors",
                        factor, r.name(), measured.requestsPerSecond(), measured.p99Millis(), measured.errors());
            }
            if (factor == FACTORS[0]) {
                comparison = directus();
            }
        }
        String plans = plans();
        double rebuildRate = BenchMain.rebuild(gateway, admin);
        BenchMain.log("   rebuild over %,d events: %.0f events/s", log.gatewayRows(), rebuildRate);
        table(rebuildRate);
        return out + comparison + plans;
    }

    private void grow(int factor) throws Exception {
        long needs = BASE_NEEDS * factor;
        long events = BASE_EVENTS * factor;
        long added = topUpNeeds(needs);
        topUpParticipants(BASE_PARTICIPANTS * factor);
        long inFeed = log.gatewayRows();
        if (inFeed < events) {
            log.addNeedsSubmitted(events - inFeed);
        }
        long waited = System.nanoTime();
        log.awaitGatewayRows(events, Duration.ofMinutes(10));
        sizes.add(String.format(
                Locale.ROOT,
                "%d×: %,d needs (%,d added), %,d events in the feed, %,d participants"
                        + " with as many enrolments and attendance rows in %,d sessions",
                factor,
                needs,
                added,
                log.gatewayRows(),
                participants,
                participants / PARTICIPANTS_PER_SESSION));
        BenchMain.log(
                "scale %d×: %,d needs, %,d events (consumed %.0f s after they were produced), %,d participants",
                factor, needs, log.gatewayRows(), (System.nanoTime() - waited) / 1e9, participants);
    }

    private void table(double rebuildRate) {
        out.append("## 6. Reads as the data grows (1×, 10×, 100×)\n\n");
        out.append("On the first platform start, before benchmarks 1–5 (which run on the second). Needs are stored"
                + " straight into the participation service's database (35 municipalities in turn, all SUBMITTED);"
                + " events are produced to the participation topic (need-submitted, 5 municipalities in turn) and"
                + " consumed by the gateway into its feed; participants (35 municipalities in turn) are stored into"
                + " the training service's database, each enrolled in a held session of " + PARTICIPANTS_PER_SESSION
                + " with its attendance. Every request first gets " + WARM_UP.toSeconds() + " s of wrk unmeasured at"
                + " 1× (the JIT's warm-up); at each scale each request gets " + SETTLE.toSeconds() + " s unmeasured,"
                + " then " + MEASURE.toSeconds() + " s measured, " + BenchMain.CONNECTIONS + " connections. Target:"
                + " throughput at 100× within 20 % of 1×.\n\n");
        sizes.forEach(s -> out.append("- ").append(s).append('\n'));
        out.append("\n| request | 1×: requests/s, p99 (ms) | 10× | 100× | 100× against 1× | met |\n");
        out.append("|---|---|---|---|---|---|\n");
        for (var e : results.entrySet()) {
            List<Wrk.Result> r = e.getValue();
            double ratio = r.get(2).requestsPerSecond() / r.get(0).requestsPerSecond();
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %.0f, %.2f | %.0f, %.2f | %.0f, %.2f | %.0f %% | %s |%n",
                    e.getKey().name(),
                    r.get(0).requestsPerSecond(),
                    r.get(0).p99Millis(),
                    r.get(1).requestsPerSecond(),
                    r.get(1).p99Millis(),
                    r.get(2).requestsPerSecond(),
                    r.get(2).p99Millis(),
                    ratio * 100,
                    ratio >= 0.8 ? "yes" : "**no**"));
        }
        out.append(String.format(
                Locale.ROOT,
                "%nRebuild at 100× (`POST /v1/admin/read-models/rebuild` over the feed's"
                        + " %,d events, once): **%,.0f events/s** (target ≥ 20,000/s: %s).%n%n",
                BASE_EVENTS * FACTORS[2],
                rebuildRate,
                rebuildRate >= 20_000 ? "yes" : "**no**"));
    }

    /** Directus on the same PostgreSQL, serving copies of the 1× rows; the gateway's 1× figures beside it. */
    private String directus() {
        StringBuilder s = new StringBuilder("## 7. The same data from Directus\n\n");
        Optional<Path> home = Directus.home();
        if (home.isEmpty()) {
            return s.append("Not measured: Directus is not installed (bench/run installs it with npm; set"
                            + " `NGS_BENCH_DIRECTUS_HOME` when running the bench's main class directly).\n\n")
                    .toString();
        }
        try (Directus directus = Directus.start(
                home.get(), platform.postgresPort().orElseThrow(), gateway, work.resolve("directus.log"))) {
            BenchMain.log("   Directus up at %s", directus.url());
            String list = directus.url() + "/items/municipality?limit=-1&sort=istat";
            String needs = directus.url() + "/items/need?limit=20&sort=-created_at,id&meta=filter_count";
            wrk(list, WARM_UP, null);
            wrk(needs, WARM_UP, Directus.USER_TOKEN);
            Wrk.Result d1 = wrk(list, MEASURE, null);
            Wrk.Result d2 = wrk(needs, MEASURE, Directus.USER_TOKEN);
            Wrk.Result g1 = results.get(REQUESTS.get(1)).get(0);
            Wrk.Result g2 = results.get(REQUESTS.get(5)).get(0);
            BenchMain.log(
                    "   Directus: municipalities %.0f/s (%d errors), needs %.0f/s (%d errors)",
                    d1.requestsPerSecond(), d1.errors(), d2.requestsPerSecond(), d2.errors());
            s.append("Directus " + directusVersion(home.get()) + " (Node "
                    + Command.run(List.of("node", "--version"), Map.of(), Duration.ofSeconds(10))
                            .strip() + ", one process, no response cache, no rate limiter) in a"
                    + " database of its own on the same PostgreSQL server, right after the 1× round: the participation"
                    + " service's `need` table copied with pg_dump, and the gateway's municipality list stored as a"
                    + " table of 35 rows. Anonymous reads of the municipalities; the needs read by a user whose policy"
                    + " grants them, with a static token (Directus checks the token against its database). Each"
                    + " request " + WARM_UP.toSeconds() + " s unmeasured, then " + MEASURE.toSeconds() + " s, "
                    + BenchMain.CONNECTIONS + " connections. The gateway's figures are its 1× row of section 6: it"
                    + " computes the 35 overviews from its feed, where Directus reads stored rows. Directus cannot"
                    + " filter PostgreSQL arrays (its `_contains` compares text), so the municipality filter of the"
                    + " need list is not compared.\n\n");
            s.append(
                    "| request | platform: requests/s, p99 (ms), errors | Directus: requests/s, p99 (ms), errors | platform ÷ Directus |\n");
            s.append("|---|---|---|---|\n");
            s.append(row(
                    "municipality list: `GET /v1/municipalities` / `GET /items/municipality?limit=-1&sort=istat`",
                    g1,
                    d1));
            s.append(row(
                    "need list, newest 20 with the total: `GET /v1/participation/needs?size=20` /"
                            + " `GET /items/need?limit=20&sort=-created_at,id&meta=filter_count`",
                    g2,
                    d2));
            return s.append('\n').toString();
        } catch (Exception e) {
            BenchMain.log("   Directus failed: %s", e.getMessage());
            return s.append("Not measured: Directus failed ("
                            + e.getMessage().lines().findFirst().orElse("")
                            + "); its log is bench/target/directus.log.\n\n")
                    .toString();
        }
    }

    private static String row(String name, Wrk.Result platform, Wrk.Result directus) {
        return String.format(
                Locale.ROOT,
                "| %s | %.0f, %.2f, %d | %.0f, %.2f, %d | %.1f× |%n",
                name,
                platform.requestsPerSecond(),
                platform.p99Millis(),
                platform.errors(),
                directus.requestsPerSecond(),
                directus.p99Millis(),
                directus.errors(),
                platform.requestsPerSecond() / directus.requestsPerSecond());
    }

    private static String directusVersion(Path home) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(home.resolve("node_modules/directus/package.json").toFile())
                    .get("version")
                    .asText();
        } catch (java.io.IOException e) {
            return "(version unknown)";
        }
    }

    private String plans() throws Exception {
        String gatewayDb = platform.jdbcUrl("gateway");
        String participation = platform.jdbcUrl("participation");
        String training = platform.jdbcUrl("training");
        return "## Appendix: query plans at 100×\n\n"
                + explain(
                        gatewayDb,
                        "The feed's page for an officer of Siena (the readers filter as"
                                + " `ActivityRepository` builds it)",
                        """
                        select * from activity
                        where readers && array['public','platform','officer','officer:052032']::varchar[]
                        order by occurred_at desc, seq desc limit 20""")
                + explain(gatewayDb, "The same, one municipality, through its own index (`activity_place`)", """
                        select a.* from activity_place p join activity a on a.seq = p.seq
                        where p.municipality = '052032'
                          and a.readers && array['public','platform','officer','officer:052032']::varchar[]
                        order by p.occurred_at desc, p.seq desc limit 20""")
                + explain(gatewayDb, "The same for a municipality without events in the feed", """
                        select a.* from activity_place p join activity a on a.seq = p.seq
                        where p.municipality = '052001'
                          and a.readers && array['public','platform','officer','officer:052032']::varchar[]
                        order by p.occurred_at desc, p.seq desc limit 20""")
                + explain(
                        participation,
                        "The need list of one municipality, newest first (as `NeedRepository`" + " filters it)",
                        """
                        select * from need
                        where (municipalities @> array['052032'] or endorsers @> array['052032'])
                        order by created_at desc, id limit 20""")
                + explain(
                        participation,
                        "The need list's total for one municipality, counted up to 1,000 as"
                                + " `PagedQuery` counts it",
                        """
                        select count(*) from (select 1 from need
                            where (municipalities @> array['052032'] or endorsers @> array['052032'])
                            order by 1 fetch first 1001 rows only) c""")
                + explain(participation, "The need list's total, no filter, counted up to 1,000", """
                        select count(*) from (select 1 from need order by 1 fetch first 1001 rows only) c""")
                + explain(training, "The participants of one municipality", """
                        select * from participant where municipality = '052032'
                        order by municipality, created_at, id limit 20""")
                + explain(training, "Their total, counted up to 1,000", """
                        select count(*) from (select 1 from participant where municipality = '052032'
                            order by 1 fetch first 1001 rows only) c""")
                + explain(training, "The municipality's training report (hours and sessions)", """
                        select coalesce(sum(hours), 0), count(distinct session_id) from attendance
                        where municipality = '052032' and hours > 0""");
    }

    private static Wrk.Result wrk(String url, Duration duration, String bearer) {
        return Wrk.run(url, BenchMain.CONNECTIONS, duration, null, bearer);
    }

    /** Adds needs until the participation service holds {@code target}; answers how many were added. */
    private long topUpNeeds(long target) throws Exception {
        try (Connection c = DriverManager.getConnection(platform.jdbcUrl("participation"), "postgres", "");
                Statement s = c.createStatement()) {
            long present = count(s, "select count(*) from need");
            long missing = Math.max(0, target - present);
            if (missing > 0) {
                s.executeUpdate("""
                        insert into need (id, title, description, theme, municipalities, origin, status, created_at,
                                          updated_at, submitted_at)
                        select gen_random_uuid(), 'Bisogno di scala ' || g, 'Dati per misurare la crescita', 'GOVERNANCE',
                               array[(%s)[1 + g %% 35]], 'ONLINE', 'SUBMITTED', now() - g * interval '1 second',
                               now() - g * interval '1 second', now() - g * interval '1 second'
                        from generate_series(%d, %d) g""".formatted(municipalities(), present + 1, target));
                // as autovacuum would after such a load: statistics and the visibility map (index-only counts)
                s.execute("vacuum analyze need");
            }
            return missing;
        }
    }

    /**
     * Adds participants up to {@code target}, each enrolled in a held session of {@value #PARTICIPANTS_PER_SESSION}
     * (of one course) and attending it for two hours. Ids are derived from the row number, so each step adds
     * only the rows after the last.
     */
    private void topUpParticipants(long target) throws Exception {
        if (target <= participants) {
            return;
        }
        long first = participants + 1;
        try (Connection c = DriverManager.getConnection(platform.jdbcUrl("training"), "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("""
                    insert into course (id, title, topic, description, planned_hours, certificate_threshold_percent,
                                        created_at, updated_at)
                    values (%s, 'Corso di scala', 'PNRR', 'Dati per misurare la crescita', 2, 75, now(), now())
                    on conflict do nothing""".formatted(COURSE));
            s.execute("""
                    insert into training_session (id, course_id, title, format, starts_at, ends_at, venue, capacity,
                                                  status, delivered_hours, created_at, updated_at, held_at)
                    select md5('scale-session-' || k)::uuid, %s, 'Sessione di scala ' || k, 'IN_PERSON_DAY',
                           now() - k * interval '1 hour', now() - k * interval '1 hour' + interval '2 hours', 'Siena',
                           %d, 'HELD', 2, now(), now(), now()
                    from generate_series(%d, %d) k
                    on conflict do nothing""".formatted(
                            COURSE,
                            PARTICIPANTS_PER_SESSION,
                            (first - 1) / PARTICIPANTS_PER_SESSION,
                            (target - 1) / PARTICIPANTS_PER_SESSION));
            String rows = "from generate_series(%d, %d) g".formatted(first, target);
            String municipality = "(%s)[1 + g %% 35]".formatted(municipalities());
            String session = "md5('scale-session-' || ((g - 1) / %d))::uuid".formatted(PARTICIPANTS_PER_SESSION);
            s.execute("""
                    insert into participant (id, given_name, family_name, email, municipality, role, created_at, updated_at,
                                             mail_token)
                    select md5('scale-participant-' || g)::uuid, 'Persona', 'Di Scala ' || g, 'scala-' || g || '@example.org',
                           %s, case when g %% 5 = 0 then 'ADMINISTRATOR' else 'EMPLOYEE' end,
                           now() - g * interval '1 second', now() - g * interval '1 second',
                           md5('scale-mail-' || g || random())
                    %s""".formatted(municipality, rows));
            s.execute("""
                    insert into enrolment (id, session_id, participant_id, municipality, status, created_at, updated_at)
                    select md5('scale-enrolment-' || g)::uuid, %s, md5('scale-participant-' || g)::uuid, %s, 'ENROLLED',
                           now(), now()
                    %s""".formatted(session, municipality, rows));
            s.execute("""
                    insert into attendance (session_id, participant_id, course_id, municipality, hours)
                    select %s, md5('scale-participant-' || g)::uuid, %s, %s, 2
                    %s""".formatted(session, COURSE, municipality, rows));
            s.execute("vacuum analyze participant, enrolment, attendance, training_session");
        }
        participants = target;
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The 35 municipalities of the province as a SQL array. */
    private static String municipalities() {
        List<String> codes = new MunicipalityRegistry()
                .all().stream().map(m -> "'" + m.istatCode() + "'").toList();
        return "array[" + String.join(", ", codes) + "]";
    }

    private static String explain(String jdbcUrl, String what, String sql) throws Exception {
        StringBuilder plan = new StringBuilder("### " + what + "\n\n```\n" + sql.strip() + "\n\n");
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("explain (analyze, buffers) " + sql)) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        }
        return plan.append("```\n\n").toString();
    }
}
