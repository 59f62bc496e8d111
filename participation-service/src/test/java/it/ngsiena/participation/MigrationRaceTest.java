package it.ngsiena.participation;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import it.ngsiena.testkit.PlatformTestResource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

/**
 * Two replicas started together on an empty database both run the migrations at start (as
 * {@code quarkus.flyway.migrate-at-start} does): one applies them, the other waits for it and finds
 * nothing left to do. Flyway's PostgreSQL lock serialises them; this shows it holds for the kernel's
 * and the service's own migrations with the platform's settings (two locations, out of order).
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class MigrationRaceTest {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> configuredPassword;

    @ConfigProperty(name = "quarkus.flyway.locations")
    List<String> locations;

    @Test
    void twoReplicasMigratingAnEmptyDatabaseTogetherApplyEachMigrationOnce() throws Exception {
        for (int round = 1; round <= 3; round++) {
            String database = "migration_race_" + round;
            recreate(database);
            String url = jdbcUrl.substring(0, jdbcUrl.lastIndexOf('/') + 1) + database;

            List<MigrateResult> results = migrateTogether(url, 2);

            assertThat(results)
                    .as("round %d: both replicas started", round)
                    .hasSize(2)
                    .allMatch(r -> r.success);
            assertThat(results.stream().mapToInt(r -> r.migrationsExecuted).sum())
                    .as("round %d: the migrations were applied by one replica, once", round)
                    .isEqualTo(available(url));
            try (Connection c = DriverManager.getConnection(url, user, password());
                    ResultSet rs = c.createStatement()
                            .executeQuery("select count(*), count(distinct version), bool_and(success)"
                                    + " from flyway_schema_history where version is not null")) {
                rs.next();
                assertThat(rs.getInt(1)).as("round %d: history rows", round).isEqualTo(available(url));
                assertThat(rs.getInt(2))
                        .as("round %d: each version once", round)
                        .isEqualTo(rs.getInt(1));
                assertThat(rs.getBoolean(3))
                        .as("round %d: all succeeded", round)
                        .isTrue();
            }
            drop(database);
        }
    }

    /** Runs {@code replicas} migrations at once, released together by a barrier. */
    private List<MigrateResult> migrateTogether(String url, int replicas) throws Exception {
        CyclicBarrier start = new CyclicBarrier(replicas);
        ExecutorService pool = Executors.newFixedThreadPool(replicas);
        try {
            List<Future<MigrateResult>> running = new ArrayList<>();
            for (int i = 0; i < replicas; i++) {
                running.add(pool.submit(() -> {
                    Flyway flyway = flyway(url);
                    start.await(10, TimeUnit.SECONDS);
                    return flyway.migrate();
                }));
            }
            List<MigrateResult> results = new ArrayList<>();
            for (Future<MigrateResult> f : running) {
                results.add(f.get(2, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The service's migration settings (those of the kernel's configuration). */
    private Flyway flyway(String url) {
        return Flyway.configure()
                .dataSource(url, user, password())
                .locations(locations.stream().map(l -> "classpath:" + l).toArray(String[]::new))
                .outOfOrder(true)
                .load();
    }

    /** The test database's user has no password (an empty one reads as absent). */
    private String password() {
        return configuredPassword.orElse("");
    }

    private int available(String url) {
        return flyway(url).info().all().length;
    }

    private void recreate(String database) throws SQLException {
        drop(database);
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password())) {
            c.createStatement().execute("create database " + database);
        }
    }

    private void drop(String database) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password())) {
            c.createStatement().execute("drop database if exists " + database);
        }
    }
}
