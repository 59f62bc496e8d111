package it.ngsiena.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import it.ngsiena.contracts.TopicRetention;
import it.ngsiena.infra.KafkaBroker;
import it.ngsiena.infra.Ports;
import it.ngsiena.infra.PostgresServer;
import java.util.Map;

/**
 * Real PostgreSQL and a real Kafka broker for a module's {@code @QuarkusTest}s: started once for the
 * test run (every test class of a module uses the same resource, so Quarkus starts the app once), and
 * stopped when the run ends. Creates every workstream's topic and dead-letter topic.
 */
public class PlatformTestResource implements QuarkusTestResourceLifecycleManager {

    private static PostgresServer postgres;
    private static KafkaBroker kafka;

    @Override
    public synchronized Map<String, String> start() {
        ResponseContract.install();
        if (postgres == null) {
            postgres = PostgresServer.start(Ports.free(), null);
            kafka = KafkaBroker.start(Ports.free(), null);
            kafka.createTopics(TopicRetention.ofEveryTopic());
            TestBroker.register(kafka);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url",
                postgres.jdbcUrl("postgres"),
                "quarkus.datasource.username",
                PostgresServer.USER,
                "quarkus.datasource.password",
                "",
                "ngs.events.bootstrap-servers",
                kafka.bootstrapServers());
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
