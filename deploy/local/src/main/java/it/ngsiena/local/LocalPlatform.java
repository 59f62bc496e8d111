package it.ngsiena.local;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import it.ngsiena.contracts.TopicRetention;
import it.ngsiena.contracts.Workstream;
import it.ngsiena.infra.Directories;
import it.ngsiena.infra.KafkaBroker;
import it.ngsiena.infra.KeycloakServer;
import it.ngsiena.infra.Ports;
import it.ngsiena.infra.PostgresServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The whole platform on one machine: PostgreSQL (embedded, or the configured server), a Kafka broker
 * (in this JVM, or the configured cluster), Keycloak (from its distribution, or the configured
 * issuer), the four workstream services and the gateway. Used by {@code ./run} and by the end-to-end
 * tests. Closing it stops everything it started.
 */
public final class LocalPlatform implements AutoCloseable {

    /** The services in start order, which are also their database names: every workstream's, then the gateway. */
    public static final List<String> SERVICES = Stream.concat(
                    Arrays.stream(Workstream.values()).map(Workstream::id), Stream.of("gateway"))
            .toList();

    private static final String REALM = "ngs";
    /** The secret of the demo realm's ngs-directory client (deploy/keycloak/ngs-realm.json). */
    private static final String DEMO_DIRECTORY_SECRET = "ngs-directory-secret";
    /** The key the demonstration seals webhook secrets with (published: kernel DemoSecrets knows it). */
    private static final String DEMO_WEBHOOK_SECRET_KEYS = "demo-1=5FWANwx0cfzrBYXrUY0iBE9NcQkwx/8f4VkECNNukg4=";
    /** Keycloak's first start builds it; on two busy cores that has taken well over a minute. */
    private static final Duration KEYCLOAK_START = Duration.ofMinutes(5);

    private static final Duration SERVICE_START = Duration.ofMinutes(3);

    private final Settings settings;
    private PostgresServer postgres;
    private KafkaBroker kafka;
    private KeycloakServer keycloak;
    private GreenMail mail;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    /** Each service's management port, the same across its restarts (the gateway is told them once). */
    private final Map<String, Integer> managementPorts = new HashMap<>();

    private String jdbcBase;
    private String bootstrapServers;
    private String issuer;

    private LocalPlatform(Settings settings) {
        this.settings = settings;
    }

    /** Starts everything, or stops what it started and fails with a clear message. */
    public static LocalPlatform start(Settings settings) {
        LocalPlatform platform = new LocalPlatform(settings);
        try {
            platform.checkPorts();
            platform.startPostgres();
            platform.startKafka();
            // Keycloak and the services start together, so their starts overlap rather than queue. A
            // service that comes up before Keycloak logs that the OIDC server is not available yet and
            // fetches its keys on the first request with a token; start returns after Keycloak is ready.
            platform.launchKeycloak();
            platform.startMail();
            platform.launchServices();
            platform.awaitReady(platform.services.values());
            platform.awaitKeycloak();
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    public String gatewayUrl() {
        return services.get("gateway").url();
    }

    public String serviceUrl(String name) {
        return services.get(name).url();
    }

    /** Where a service (or the gateway) answers health, metrics and its OpenAPI document. */
    public String managementUrl(String name) {
        return services.get(name).managementUrl();
    }

    public String issuer() {
        return issuer;
    }

    public String kafkaBootstrapServers() {
        return bootstrapServers;
    }

    public String keycloakUrl() {
        return issuer.substring(0, issuer.indexOf("/realms/"));
    }

    /** Resident memory of each service process now, in kilobytes. */
    public Map<String, Long> residentKilobytes() {
        Map<String, Long> rss = new LinkedHashMap<>();
        services.forEach((name, s) -> rss.put(name, s.residentKilobytes()));
        return rss;
    }

    /** Milliseconds from process start to ready, per service. */
    public Map<String, Long> startTimes() {
        Map<String, Long> times = new LinkedHashMap<>();
        services.forEach((name, s) -> times.put(name, s.readyAfterMillis()));
        return times;
    }

    /** Stops the embedded broker (its data is kept), to see what happens while Kafka is down. */
    public void stopKafka() {
        requireEmbeddedKafka().stop();
    }

    public void startKafka() {
        if (kafka == null && settings.externalKafka().isEmpty()) {
            settings.progress().accept("Starting Kafka on port " + settings.kafkaPort());
            kafka = KafkaBroker.start(
                    settings.kafkaPort(),
                    settings.kafkaControllerPort(),
                    settings.stateDir().resolve("kafka"));
            kafka.createTopics(TopicRetention.ofEveryTopic());
            bootstrapServers = kafka.bootstrapServers();
        } else if (kafka != null) {
            kafka.start();
        } else {
            bootstrapServers = settings.externalKafka().get();
        }
    }

    private KafkaBroker requireEmbeddedKafka() {
        if (kafka == null) {
            throw new IllegalStateException("Kafka is external; it cannot be stopped from here");
        }
        return kafka;
    }

    private void checkPorts() {
        if (settings.externalJdbcUrl().isEmpty()) {
            Ports.requireFree(settings.postgresPort(), "PostgreSQL", "NGS_POSTGRES_PORT");
        }
        if (settings.externalKafka().isEmpty()) {
            Ports.requireFree(settings.kafkaPort(), "Kafka", "NGS_KAFKA_PORT");
            Ports.requireFree(settings.kafkaControllerPort(), "the Kafka controller", "NGS_KAFKA_CONTROLLER_PORT");
        }
        if (settings.externalIssuer().isEmpty()) {
            Ports.requireFree(settings.keycloakPort(), "Keycloak", "NGS_KEYCLOAK_PORT");
        }
        for (Workstream w : Workstream.values()) {
            Ports.requireFree(settings.port(w), "the " + w.id() + " service", Settings.portVariable(w));
        }
        Ports.requireFree(settings.gatewayPort(), "the gateway", "NGS_GATEWAY_PORT");
        Ports.requireFree(settings.smtpPort(), "the mail server (SMTP)", "NGS_SMTP_PORT");
        Ports.requireFree(settings.imapPort(), "the mail server (IMAP)", "NGS_IMAP_PORT");
    }

    private void startPostgres() {
        if (settings.externalJdbcUrl().isPresent()) {
            String url = settings.externalJdbcUrl().get();
            jdbcBase = url.endsWith("/") ? url : url + "/";
            settings.progress().accept("Using PostgreSQL at " + jdbcBase + " (databases must exist: " + SERVICES + ")");
            return;
        }
        settings.progress().accept("Starting PostgreSQL on port " + settings.postgresPort());
        postgres = PostgresServer.start(
                settings.postgresPort(), settings.stateDir().resolve("postgres"));
        SERVICES.forEach(postgres::ensureDatabase);
        jdbcBase = "jdbc:postgresql://127.0.0.1:" + settings.postgresPort() + "/";
    }

    private void launchKeycloak() {
        if (settings.externalIssuer().isPresent()) {
            issuer = settings.externalIssuer().get();
            settings.progress().accept("Using Keycloak issuer " + issuer);
            return;
        }
        if (settings.freshKeycloak()) {
            Directories.deleteRecursively(settings.keycloakHome().resolve("data/h2"));
        }
        settings.progress().accept("Starting Keycloak on port " + settings.keycloakPort());
        Path realmFile = FrontendRealm.withFrontends(
                settings.projectRoot().resolve("deploy/keycloak/ngs-realm.json"),
                settings.frontendOrigins(),
                settings.stateDir().resolve("realm"));
        keycloak = KeycloakServer.launch(
                settings.keycloakZip(),
                settings.keycloakHome(),
                settings.keycloakPort(),
                realmFile,
                REALM,
                settings.progress());
        issuer = keycloak.issuer();
    }

    private void awaitKeycloak() {
        if (keycloak != null) {
            keycloak.awaitReady(KEYCLOAK_START, settings.progress());
            settings.progress().accept("Keycloak ready at " + keycloak.baseUrl());
        }
    }

    /** GreenMail: SMTP for the newsletters, IMAP to read them (any user name, password = user name). */
    private void startMail() {
        settings.progress()
                .accept("Starting the mail server (SMTP " + settings.smtpPort() + ", IMAP " + settings.imapPort()
                        + ")");
        mail = new GreenMail(new ServerSetup[] {
            new ServerSetup(settings.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(settings.imapPort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
        });
        mail.start();
    }

    public int smtpPort() {
        return settings.smtpPort();
    }

    public int imapPort() {
        return settings.imapPort();
    }

    /** The mail server the comms service sends through: tests read the messages back from it. */
    public GreenMail mailServer() {
        return mail;
    }

    private void launchServices() {
        settings.progress().accept("Starting the services");
        for (String name : SERVICES) {
            services.put(name, startService(name));
        }
    }

    /** Asks every starting service in turn until all are ready, so each one's ready time is its own. */
    private void awaitReady(Collection<ServiceProcess> starting) {
        long deadline = System.nanoTime() + SERVICE_START.toNanos();
        List<ServiceProcess> waiting = new ArrayList<>(starting);
        while (!waiting.isEmpty()) {
            for (ServiceProcess service : List.copyOf(waiting)) {
                if (service.isReady()) {
                    waiting.remove(service);
                    settings.progress()
                            .accept(service.name() + " ready at " + service.url() + " (" + service.readyAfterMillis()
                                    + " ms)");
                }
            }
            if (!waiting.isEmpty() && System.nanoTime() > deadline) {
                ServiceProcess late = waiting.get(0);
                throw new IllegalStateException(
                        late.name() + " was not ready within " + SERVICE_START + "; see " + late.log());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the services", e);
            }
        }
    }

    /**
     * Stops one service and starts it again while the rest of the platform keeps running: its start
     * time alone, without the other services competing for the cores. Returns milliseconds to ready.
     */
    public long restartService(String name) {
        ServiceProcess old = services.get(name);
        if (old == null) {
            throw new IllegalArgumentException("no service " + name);
        }
        old.close();
        return start(name);
    }

    /** Kills one service with SIGKILL (a crash: no graceful shutdown); {@link #start} brings it back. */
    public void kill(String name) {
        ServiceProcess service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("no service " + name);
        }
        service.kill();
    }

    /** Starts a killed service again on its port and waits until it is ready; returns milliseconds to ready. */
    public long start(String name) {
        ServiceProcess fresh = startService(name);
        services.put(name, fresh);
        awaitReady(List.of(fresh));
        return fresh.readyAfterMillis();
    }

    private ServiceProcess startService(String name) {
        // One instance of each service: its name is stable across restarts, so its consumer is a static
        // member of its group and a restart after a crash gets the partitions back at once.
        return startInstance(name, name, port(name), managementPort(name), Optional.of(name + "-1"));
    }

    /**
     * Starts another instance of a service on the same database and Kafka group, as a second replica of
     * a Kubernetes Deployment would run (ports of its own, no instance id: a dynamic group member).
     * Returns its name ({@code gateway-2}, ...), which {@link #kill}, {@link #stop}, {@link #serviceUrl}
     * and {@link #managementUrl} then take. Used by the tests of what two replicas share.
     */
    public String startReplica(String name) {
        if (!SERVICES.contains(name)) {
            throw new IllegalArgumentException("no service " + name);
        }
        String instance = name + "-"
                + (2
                        + services.keySet().stream()
                                .filter(k -> k.startsWith(name + "-"))
                                .count());
        ServiceProcess replica = startInstance(name, instance, Ports.free(), Ports.free(), Optional.empty());
        services.put(instance, replica);
        awaitReady(List.of(replica));
        return instance;
    }

    /** Stops an instance gracefully (SIGTERM, as an orchestrator does), waiting for it to end. */
    public void stop(String instance) {
        ServiceProcess service = services.remove(instance);
        if (service == null) {
            throw new IllegalArgumentException("no service " + instance);
        }
        service.close();
    }

    private static long secondsSince(long nanos) {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - nanos);
    }

    private int port(String name) {
        if (name.equals("gateway")) {
            return settings.gatewayPort();
        }
        return settings.port(
                Workstream.fromId(name).orElseThrow(() -> new IllegalArgumentException("no service " + name)));
    }

    private ServiceProcess startInstance(
            String name, String instance, int port, int managementPort, Optional<String> consumerInstanceId) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        env.put("NGS_SWAGGER_UI", "true"); // a developer's machine: the API explorer is on
        // a request still running at a stop waits 5 s here, not production's 30 s: the launcher stops everything
        // within 30 s (StoppingE2ETest); the gateway's live streams end as the stop begins (FeedTail)
        env.put("QUARKUS_SHUTDOWN_TIMEOUT", "5s");
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl(name));
        env.put("QUARKUS_DATASOURCE_USERNAME", settings.externalDbUser().orElse(PostgresServer.USER));
        env.put("QUARKUS_DATASOURCE_PASSWORD", settings.externalDbPassword().orElse(""));
        env.put("NGS_EVENTS_BOOTSTRAP_SERVERS", bootstrapServers);
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", issuer);
        consumerInstanceId.ifPresent(id -> env.put("NGS_EVENTS_CONSUMER_INSTANCE_ID", id));
        // a demonstration: the demo realm's client secrets are accepted (kernel DemoSecrets); NGS_DEMO=false
        // in the launcher's environment makes the services refuse them, as a deployment would
        env.put("NGS_DEMO", System.getenv().getOrDefault("NGS_DEMO", "true"));
        if (name.equals("comms") || name.equals("gateway") || name.equals("training")) {
            // notifications and newsletters (comms), participants' mails (training), webhook suspension notices
            // (gateway)
            env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
            env.put("QUARKUS_MAILER_PORT", Integer.toString(settings.smtpPort()));
            env.put("QUARKUS_MAILER_START_TLS", "DISABLED"); // the local mail server speaks plain SMTP only
        }
        if (name.equals("training")) {
            env.put("NGS_TRAINING_PUBLIC_BASE_URL", "http://127.0.0.1:" + settings.gatewayPort());
        }
        if (name.equals("comms")) {
            env.put("NGS_COMMS_PUBLIC_BASE_URL", "http://127.0.0.1:" + settings.gatewayPort());
            // reads the realm's people (whom to notify) as the demo realm's directory client
            env.put(
                    "NGS_DIRECTORY_CLIENT_SECRET",
                    System.getenv().getOrDefault("NGS_DIRECTORY_CLIENT_SECRET", DEMO_DIRECTORY_SECRET));
        }
        if (name.equals("gateway")) {
            env.put("NGS_GATEWAY_PUBLIC_URL", "http://127.0.0.1:" + settings.gatewayPort());
            // a developer's machine: webhook receivers run on it, over plain http
            env.put("NGS_WEBHOOKS_ALLOW_PLAIN_HTTP", "true");
            env.put("NGS_WEBHOOKS_ALLOWED_NETWORKS", "127.0.0.0/8");
            // reads the realm's accounts (a webhook's owner, checked before deliveries) as the demo realm's client
            env.put(
                    "NGS_DIRECTORY_CLIENT_SECRET",
                    System.getenv().getOrDefault("NGS_DIRECTORY_CLIENT_SECRET", DEMO_DIRECTORY_SECRET));
            env.put(
                    "NGS_WEBHOOKS_SECRET_KEYS",
                    System.getenv().getOrDefault("NGS_WEBHOOKS_SECRET_KEYS", DEMO_WEBHOOK_SECRET_KEYS));
            for (Workstream w : Workstream.values()) {
                env.put("NGS_GATEWAY_SERVICES_" + w.name(), "http://127.0.0.1:" + port(w.id()));
                env.put(
                        "NGS_GATEWAY_SERVICES_" + w.name() + "_MANAGEMENT",
                        "http://127.0.0.1:" + managementPort(w.id()));
            }
        }
        env.putAll(settings.serviceEnvironment());
        String module = name.equals("gateway") ? "gateway" : name + "-service";
        Path jar = settings.projectRoot().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        Map<String, String> inherited = new HashMap<>(System.getenv());
        inherited.putAll(settings.serviceEnvironment());
        List<String> jvmOptions = JvmOptions.forServices(settings.projectRoot(), inherited);
        return ServiceProcess.start(
                instance,
                name,
                jar,
                jvmOptions,
                port,
                managementPort,
                env,
                settings.stateDir().resolve("logs"));
    }

    /**
     * The service's port plus 1000 (9080 for the gateway on 8080, 9081 for training ...) when that is
     * free at its first start, else any free port; kept for the platform's life.
     */
    private int managementPort(String name) {
        return managementPorts.computeIfAbsent(name, n -> {
            int preferred = port(n) + 1000;
            return preferred <= 65535 && Ports.claim(preferred) ? preferred : Ports.free();
        });
    }

    /** The JDBC URL of one of the platform's databases (each service has its own). */
    public String jdbcUrl(String database) {
        return jdbcBase + database;
    }

    /** The port of the embedded PostgreSQL server (for tools such as pgbench), if it is embedded. */
    public java.util.OptionalInt postgresPort() {
        return postgres == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(settings.postgresPort());
    }

    /** Process id of a service, to read its memory or attach a profiler. */
    public long pid(String service) {
        return services.get(service).pid();
    }

    @Override
    public void close() {
        long begin = System.nanoTime();
        List<ServiceProcess> running = new ArrayList<>(services.values());
        java.util.Collections.reverse(running);
        // all at once, and Keycloak with them (no service needs it to stop): each within ServiceProcess's bound
        List<Thread> stopping = new ArrayList<>(running.stream()
                .map(s -> new Thread(s::close, "stop-" + s.name()))
                .toList());
        KeycloakServer stoppingKeycloak = keycloak;
        keycloak = null;
        if (stoppingKeycloak != null) {
            stopping.add(new Thread(stoppingKeycloak::close, "stop-keycloak"));
        }
        stopping.forEach(Thread::start);
        for (Thread t : stopping) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        services.clear();
        settings.progress().accept("Stopped the services and Keycloak in " + secondsSince(begin) + " s");
        if (mail != null) {
            mail.stop();
            mail = null;
        }
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
        settings.progress().accept("Stopped Kafka and PostgreSQL; " + secondsSince(begin) + " s in all");
        // whatever this launcher started and is still there (a child a service left behind) goes too
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
    }
}
