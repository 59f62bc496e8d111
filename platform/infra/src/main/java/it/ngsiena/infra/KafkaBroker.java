package it.ngsiena.infra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node Apache Kafka broker in KRaft mode (broker and controller in one), running inside
 * this JVM. It can be stopped and started again on the same ports and data, to test what happens
 * while Kafka is down.
 */
public final class KafkaBroker implements AutoCloseable {

    private final int port;
    private final int controllerPort;
    private final Path dataDir;
    private final boolean deleteOnClose;
    private final Map<String, String> overrides;
    private KafkaRaftServer server;

    private KafkaBroker(
            int port, int controllerPort, Path dataDir, boolean deleteOnClose, Map<String, String> overrides) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.dataDir = dataDir;
        this.deleteOnClose = deleteOnClose;
        this.overrides = Map.copyOf(overrides);
    }

    /**
     * Formats the storage on first use and starts the broker.
     *
     * @param dataDir where the logs live (kept), or null for a temporary directory deleted on close
     */
    public static KafkaBroker start(int port, Path dataDir) {
        return start(port, Ports.free(), dataDir);
    }

    /** As {@link #start(int, Path)}, with a fixed controller port (for data kept across runs). */
    public static KafkaBroker start(int port, int controllerPort, Path dataDir) {
        return start(port, controllerPort, dataDir, Map.of());
    }

    /**
     * As {@link #start(int, int, Path)}, with broker settings that replace or add to the defaults (another
     * listener, say); the plaintext listener on {@code port} must stay, the topic helpers use it.
     */
    static KafkaBroker start(int port, int controllerPort, Path dataDir, Map<String, String> overrides) {
        try {
            boolean temporary = dataDir == null;
            Path dir = temporary ? Files.createTempDirectory("ngs-kafka") : dataDir;
            KafkaBroker broker = new KafkaBroker(port, controllerPort, dir, temporary, overrides);
            broker.start();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Starts the broker (again) on the same ports and data. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            Path logs = dataDir.resolve("logs");
            Path config = dataDir.resolve("server.properties");
            Map<String, String> props = properties(logs);
            if (!Files.exists(logs.resolve("meta.properties"))) {
                Files.createDirectories(logs);
                Properties file = new Properties();
                file.putAll(props);
                try (var out = Files.newOutputStream(config)) {
                    file.store(out, "NGS single-node KRaft broker");
                }
                ByteArrayOutputStream output = new ByteArrayOutputStream();
                int exit = StorageTool.execute(
                        new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()},
                        new PrintStream(output, true));
                if (exit != 0) {
                    throw new IllegalStateException("Kafka storage format failed: " + output);
                }
            }
            KafkaRaftServer raft = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
            raft.startup();
            server = raft;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the broker, keeping its data. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    /**
     * Creates the topics that do not exist yet (one partition each: order is total per topic), each with its
     * {@code retention.ms}, and sets that retention on the ones that do (a broker kept from before).
     */
    public void createTopics(Map<String, String> retentionMsByTopic) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = retentionMsByTopic.entrySet().stream()
                    .filter(t -> !existing.contains(t.getKey()))
                    .map(t -> new NewTopic(t.getKey(), 1, (short) 1)
                            .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, t.getValue())))
                    .toList();
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            Map<ConfigResource, Collection<AlterConfigOp>> retention = new HashMap<>();
            retentionMsByTopic.forEach((topic, ms) -> {
                if (existing.contains(topic)) {
                    retention.put(
                            new ConfigResource(ConfigResource.Type.TOPIC, topic),
                            List.of(new AlterConfigOp(
                                    new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, ms), AlterConfigOp.OpType.SET)));
                }
            });
            admin.incrementalAlterConfigs(retention).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topics " + retentionMsByTopic.keySet(), e);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topics " + retentionMsByTopic.keySet(), e);
        }
    }

    @Override
    public void close() {
        stop();
        if (deleteOnClose) {
            Directories.deleteRecursively(dataDir);
        }
    }

    private Map<String, String> properties(Path logs) {
        Map<String, String> p = new HashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logs.toString());
        p.put("num.partitions", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "true");
        p.putAll(overrides);
        return p;
    }
}
