package it.ngsiena.participation.need;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import it.ngsiena.testkit.PlatformTestResource;
import it.ngsiena.testkit.TopicProbe;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of a service share one database and so one outbox: only the relay holding the outbox's
 * advisory lock publishes, so events leave in order and once. Here the other replica's relay is played
 * by a connection holding that lock: this replica's relay publishes nothing until it is released.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class RelayLockTest {

    /**
     * The outbox relay's lock key, written out on purpose: a release that changed it would run two
     * relays side by side during a rolling update.
     */
    private static final long RELAY_LOCK = 0x4e47_5301L;

    private static final String TOPIC = "ngs.participation.v1";

    @ConfigProperty(name = "ngs.events.bootstrap-servers")
    String bootstrap;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    @Test
    @TestSecurity(user = "codesign", roles = "participation-partner")
    void whileAnotherReplicasRelayHoldsTheOutboxThisOnePublishesNothing() throws Exception {
        TopicProbe topic = new TopicProbe(bootstrap);
        String id;
        try (Connection otherReplica = DriverManager.getConnection(jdbcUrl, user, password.orElse(""))) {
            otherReplica.setAutoCommit(false);
            otherReplica.createStatement().execute("select pg_advisory_xact_lock(" + RELAY_LOCK + ")");

            id = given().contentType(ContentType.JSON)
                    .body(NeedResourceTest.need("In coda", "052032"))
                    .when()
                    .post("/v1/participation/needs")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            String written = id;
            // Several of the relay's looks (every second, and woken by the commit) while the lock is held.
            assertThat(topic.readAll(TOPIC, Duration.ofSeconds(4)))
                    .as("published while the lock was held")
                    .noneMatch(r -> written.equals(r.key()));

            otherReplica.commit(); // the other relay's batch ends: the lock is free
        }
        String written = id;
        topic.await(TOPIC, r -> written.equals(r.key()), Duration.ofSeconds(20));
        assertThat(topic.readAll(TOPIC, Duration.ofSeconds(2)))
                .as("published once")
                .filteredOn(r -> written.equals(r.key()))
                .hasSize(1);
    }
}
