package it.ngsiena.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import it.ngsiena.infra.KafkaBroker;
import it.ngsiena.infra.Ports;
import it.ngsiena.infra.PostgresServer;
import java.util.List;
import java.util.Map;

/**
 * Real PostgreSQL and a real Kafka broker for a module's {@code @QuarkusTest}s: started once for the
 * test run (every test class of a module uses the same resource, so Quarkus starts the app once), and
 * stopped when the run ends. Creates the four workstream topics and their dead-letter topics.
 */
public class PlatformTestResource implements QuarkusTestResourceLifecycleManager {

    private static PostgresServer postgres;
    private static KafkaBroker kafka;

    @Override
    public synchronized Map<String, String> start() {
        if (postgres == null) {
            postgres = PostgresServer.start(Ports.free(), null);
            kafka = KafkaBroker.start(Ports.free(), null);
            kafka.createTopics(List.of("ngs.training.v1", "ngs.participation.v1", "ngs.feasibility.v1",
                    "ngs.comms.v1", "ngs.training.v1.dlq", "ngs.participation.v1.dlq", "ngs.feasibility.v1.dlq",
                    "ngs.comms.v1.dlq"));
            TestBroker.register(kafka);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl("postgres"),
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.datasource.password", "",
                "ngs.events.bootstrap-servers", kafka.bootstrapServers());
    }

    @Override
    public synchronized void stop() {
        if (kafka != null) {
            TestBroker.unregister();
            kafka.close();
            kafka = null;
        }
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }
}
