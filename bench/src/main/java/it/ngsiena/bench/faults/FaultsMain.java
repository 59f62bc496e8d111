package it.ngsiena.bench.faults;

import it.ngsiena.bench.BenchMain;
import it.ngsiena.bench.CachedToken;
import it.ngsiena.bench.ResultsFile;
import it.ngsiena.contracts.Workstream;
import it.ngsiena.contracts.participation.NeedSubmitted;
import it.ngsiena.infra.Directories;
import it.ngsiena.infra.Tokens;
import it.ngsiena.kernel.events.EventCodec;
import it.ngsiena.local.LocalPlatform;
import it.ngsiena.local.Settings;
import it.ngsiena.testkit.TopicProbe;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The fault suite of issue 16: the whole platform with its Kafka broker in a process of its own, and
 * for each fault a burst of need submissions from several clients, during which the fault is injected
 * and lifted. It counts how the writes were answered, whether every stored need reached the gateway's
 * read model exactly once, and how long after the fault the read model held everything written before
 * it was lifted. Writes {@code bench/results/faults-<date>.md}; exits with 1 when anything was lost or
 * duplicated, or a poison record was not dead-lettered.
 */
public final class FaultsMain {

    static final int CLIENTS = 4;
    static final int RATE_PER_CLIENT = 5;
    static final Duration BEFORE = Duration.ofSeconds(5);
    static final Duration FAULT = Duration.ofSeconds(10);
    static final Duration AFTER = Duration.ofSeconds(15);
    static final Duration CATCH_UP_LIMIT = Duration.ofMinutes(3);

    /** A fault: what breaks, and what mends it (which may block, e.g. until a restarted service is ready). */
    interface Fault {
        void inject() throws Exception;

        void lift() throws Exception;
    }

    private final LocalPlatform platform;
    private final BrokerProcess broker;
    private final Ledger ledger;
    private final Supplier<String> officer;
    private final Path root;
    private final List<FaultResult> results = new ArrayList<>();
    private final List<String> findings = new ArrayList<>();

    private FaultsMain(Path root, LocalPlatform platform, BrokerProcess broker) {
        this.root = root;
        this.platform = platform;
        this.broker = broker;
        this.ledger =
                new Ledger(platform.jdbcUrl("participation"), platform.jdbcUrl("gateway"), broker.bootstrapServers());
        Tokens tokens = new Tokens(platform.issuer());
        this.officer = new CachedToken(() -> tokens.forUser("officer-siena", "officer-siena"));
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        Path work = root.resolve("bench/target/faults");
        Directories.deleteRecursively(work.resolve("state"));
        Settings settings = BenchMain.settings(root, root.resolve("bench/target"), "faults/state");
        boolean sound;
        try (BrokerProcess broker =
                new BrokerProcess(settings.kafkaPort(), settings.kafkaControllerPort(), work.resolve("state/broker"))) {
            log("starting Kafka in its own JVM, then the platform");
            broker.start();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
            try (LocalPlatform platform = LocalPlatform.start(settings.withExternalKafka(broker.bootstrapServers()))) {
                // stopped with Ctrl-C or a kill, the suite still stops what it started
                Runtime.getRuntime().addShutdownHook(new Thread(platform::close));
                sound = new FaultsMain(root, platform, broker).runAll();
            }
        }
        System.exit(sound ? 0 : 1);
    }

    private boolean runAll() throws Exception {
        String throughGateway = platform.gatewayUrl() + "/v1/participation/needs";
        log("warm-up: 10 s of writes, not counted");
        try (NeedWriter warmUp = new NeedWriter(throughGateway, officer, "Riscaldamento", CLIENTS, RATE_PER_CLIENT)) {
            Thread.sleep(10_000);
        }
        long[] readyMillis = new long[1];
        results.add(phase("Kafka killed (SIGKILL) for 10 s, restarted", throughGateway, null, new Fault() {
            public void inject() {
                broker.kill();
            }

            public void lift() {
                long start = System.nanoTime();
                broker.start();
                readyMillis[0] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            }
        }));
        findings.add("The Kafka broker took connections and had its topics " + readyMillis[0] + " ms after its"
                + " restart; the relays then published what the outbox had kept, resending what the dead broker"
                + " had not acknowledged (the resent column), which the consumers' inboxes dropped.");
        results.add(phase(
                "participation's database refused for 10 s, its connections cut", throughGateway, null, new Fault() {
                    public void inject() throws Exception {
                        database(
                                "alter database participation with allow_connections false",
                                "select pg_terminate_backend(pid) from pg_stat_activity where datname = 'participation'");
                    }

                    public void lift() throws Exception {
                        database("alter database participation with allow_connections true");
                    }
                }));
        results.add(
                phase("participation service killed (SIGKILL) for 10 s, restarted", throughGateway, null, new Fault() {
                    public void inject() {
                        platform.kill("participation");
                    }

                    public void lift() {
                        readyMillis[0] = platform.start("participation");
                    }
                }));
        findings.add("The participation service was ready " + readyMillis[0] + " ms after its restart.");
        try (StreamWatcher watcher = new StreamWatcher(platform.gatewayUrl(), officer).awaitConnected()) {
            results.add(phase(
                    "gateway killed (SIGKILL) mid-stream for 10 s, restarted; writes to the service itself",
                    platform.serviceUrl("participation") + "/v1/participation/needs",
                    watcher,
                    new Fault() {
                        public void inject() {
                            platform.kill("gateway");
                        }

                        public void lift() {
                            readyMillis[0] = platform.start("gateway");
                        }
                    }));
            findings.add("The gateway was ready " + readyMillis[0] + " ms after its restart.");
        }
        String poison = "poison-" + UUID.randomUUID();
        List<String> topics =
                Arrays.stream(Workstream.values()).map(Workstream::topic).toList();
        results.add(phase(
                "a poison record (not a CloudEvent) in each of the 4 topics", throughGateway, null, new Fault() {
                    public void inject() {
                        TopicProbe probe = new TopicProbe(broker.bootstrapServers());
                        topics.forEach(t -> probe.sendAsIs(t, poison, poison.getBytes(StandardCharsets.UTF_8)));
                    }

                    public void lift() {}
                }));
        checkDeadLetters("poison records", topics, poison, consumersPerTopic(), results.get(results.size() - 1));
        String refused = UUID.randomUUID().toString();
        results.add(phase(
                "an event every handler of the gateway throws on (a NUL character, which jsonb refuses)",
                throughGateway,
                null,
                new Fault() {
                    public void inject() {
                        String need = UUID.randomUUID().toString();
                        byte[] event = EventCodec.encode(
                                refused,
                                "/participation-service",
                                NeedSubmitted.TYPE,
                                need,
                                OffsetDateTime.now(ZoneOffset.UTC),
                                """
                                {"needId":"%s","title":"Titolo con \\u0000","theme":"GOVERNANCE","municipalities":["052032"]}""".formatted(need));
                        new TopicProbe(broker.bootstrapServers()).sendAsIs("ngs.participation.v1", need, event);
                    }

                    public void lift() {}
                }));
        checkDeadLetters(
                "the event handlers throw on",
                List.of("ngs.participation.v1"),
                refused,
                Map.of("participation → gateway", 1),
                results.get(results.size() - 1));
        return report();
    }

    /** Runs one fault during a burst of writes, then checks what became of every write. */
    private FaultResult phase(String name, String needsUrl, StreamWatcher watcher, Fault fault) throws Exception {
        String title = "Guasto " + (results.size() + 1) + " "
                + UUID.randomUUID().toString().substring(0, 8);
        log("fault %d: %s", results.size() + 1, name);
        long started = System.nanoTime();
        double catchUp;
        NeedWriter writer = new NeedWriter(needsUrl, officer, title, CLIENTS, RATE_PER_CLIENT);
        try {
            Thread.sleep(BEFORE.toMillis());
            fault.inject();
            Thread.sleep(FAULT.toMillis());
            long lifted = System.nanoTime();
            fault.lift();
            List<String> writtenBefore = ledger.storedNeeds(title);
            double waited = ledger.awaitInFeed(writtenBefore, CATCH_UP_LIMIT);
            catchUp = waited < 0 ? -1 : (System.nanoTime() - lifted) / 1e9;
            long rest = BEFORE.plus(FAULT).plus(AFTER).toNanos() - (System.nanoTime() - started);
            if (rest > 0) {
                TimeUnit.NANOSECONDS.sleep(rest);
            }
        } finally {
            writer.close();
        }
        List<String> stored = ledger.storedNeeds(title);
        ledger.awaitInFeed(stored, CATCH_UP_LIMIT);
        Map<String, Integer> rows = ledger.feedRows(stored);
        long lost = stored.stream().filter(id -> !rows.containsKey(id)).count();
        long duplicated = rows.values().stream().filter(n -> n > 1).count();
        long notStored = writer.acknowledged().stream()
                .filter(id -> !stored.contains(id))
                .count();
        String notes = "";
        if (watcher != null) {
            notes = streamNotes(watcher, stored);
        }
        FaultResult result = new FaultResult(
                name,
                writer.sent.get(),
                writer.ok.get(),
                writer.serverErrors.get(),
                writer.clientErrors.get(),
                writer.unanswered.get(),
                stored.size(),
                notStored,
                lost,
                duplicated,
                ledger.resentRecords(stored),
                catchUp,
                notes);
        log("   %s", result.row());
        return result;
    }

    /** Whether the stream client, reconnecting with Last-Event-ID, was told about each need once. */
    private static String streamNotes(StreamWatcher watcher, List<String> stored) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!watcher.seen().keySet().containsAll(stored) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        long missing =
                stored.stream().filter(id -> !watcher.seen().containsKey(id)).count();
        long twice = stored.stream()
                .filter(id -> watcher.seen().getOrDefault(id, 0) > 1)
                .count();
        return "SSE client: " + watcher.reconnects() + " attempts to reconnect with Last-Event-ID, " + missing
                + " need(s) missed, " + twice + " told twice";
    }

    private void checkDeadLetters(
            String what, List<String> topics, String marker, Map<String, Integer> expected, FaultResult phase)
            throws InterruptedException {
        Map<String, Integer> found = Map.of();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            found = ledger.deadLetters(topics, marker);
            if (found.entrySet().containsAll(expected.entrySet())) {
                break;
            }
            Thread.sleep(1000);
        }
        String line = "Dead letters for " + what + ", per topic and consumer: " + found + " (expected at least "
                + new TreeMap<>(expected) + ")";
        findings.add(line);
        log("   %s", line);
        if (!found.entrySet().containsAll(expected.entrySet())) {
            results.set(
                    results.indexOf(phase),
                    new FaultResult(
                            phase.fault(),
                            phase.sent(),
                            phase.ok(),
                            phase.serverErrors(),
                            phase.clientErrors(),
                            phase.unanswered(),
                            phase.stored(),
                            phase.acknowledgedNotStored(),
                            phase.lost(),
                            phase.duplicated(),
                            phase.resent(),
                            -1,
                            phase.notes() + " DEAD LETTERS MISSING"));
        }
    }

    /** Which consumer groups read which topic, from each module's configuration: each should dead-letter a poison record. */
    private Map<String, Integer> consumersPerTopic() throws IOException {
        Map<String, Integer> expected = new TreeMap<>();
        for (String module : List.of(
                "training-service", "participation-service", "feasibility-service", "comms-service", "gateway")) {
            Properties p = new Properties();
            try (var in =
                    Files.newInputStream(root.resolve(module).resolve("src/main/resources/application.properties"))) {
                p.load(in);
            }
            String topics = p.getProperty("ngs.events.consumer.topics");
            if (topics != null) {
                for (String topic : topics.split(",")) {
                    expected.put(
                            topic.strip().replace("ngs.", "").replace(".v1", "") + " → "
                                    + p.getProperty("ngs.events.consumer.group"),
                            1);
                }
            }
        }
        return expected;
    }

    private void database(String... statements) throws Exception {
        try (var c = DriverManager.getConnection(platform.jdbcUrl("postgres"), "postgres", "");
                var s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private boolean report() throws IOException {
        boolean sound = results.stream().allMatch(FaultResult::sound);
        StringBuilder body = new StringBuilder();
        body.append("Command: `bench/faults` (")
                .append(LocalDate.now())
                .append(", ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores). The whole platform from the")
                .append(" launcher's code, with the Kafka broker in a JVM of its own. Per fault: ")
                .append(CLIENTS)
                .append(" clients submitting needs at ")
                .append(CLIENTS * RATE_PER_CLIENT)
                .append("/s as Siena's")
                .append(" officer for ")
                .append(BEFORE.plus(FAULT).plus(AFTER).toSeconds())
                .append(" s; the fault")
                .append(" starts after ")
                .append(BEFORE.toSeconds())
                .append(" s and is lifted ")
                .append(FAULT.toSeconds())
                .append(" s later. *Lost* counts needs the participation service stored whose event never reached the")
                .append(
                        " gateway's feed; *caught up after* is the time from lifting the fault (restart included) until")
                .append(" the feed held every need stored until then.\n\n");
        body.append(FaultResult.header()).append('\n');
        results.forEach(r -> body.append(r.row()).append('\n'));
        body.append('\n');
        findings.forEach(f -> body.append("- ").append(f).append('\n'));
        body.append("\nVerdict: ")
                .append(
                        sound
                                ? "nothing lost, nothing duplicated, every poison record dead-lettered."
                                : "FAILED: see the rows above.")
                .append('\n');
        Path file = root.resolve("bench/results/faults-" + LocalDate.now() + ".md");
        ResultsFile.writeSection(file, "Faults and soak, " + LocalDate.now(), "Faults", body.toString());
        System.out.println(body);
        System.out.println("written to " + root.relativize(file));
        return sound;
    }

    private static final long STARTED = System.nanoTime();

    static void log(String format, Object... args) {
        System.out.printf(
                "[faults %4d s] %s%n",
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - STARTED), String.format(format, args));
    }
}
