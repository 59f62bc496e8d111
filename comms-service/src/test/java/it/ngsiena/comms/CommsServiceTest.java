package it.ngsiena.comms;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import it.ngsiena.testkit.PlatformTestResource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

/** The service's wiring: its database with the kernel's tables, Kafka, health and OpenAPI. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class CommsServiceTest {

    @Inject
    EntityManager em;

    @Test
    void isReadyWhenItsDatabaseAndKafkaAnswer() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("kafka", "Database connections health check"));
    }

    @Test
    void itsDatabaseHoldsTheOutboxAndTheInbox() {
        long tables = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from information_schema.tables where table_name in"
                        + " ('outbox_event', 'inbox_event', 'idempotency_key')").getSingleResult()).longValue());
        assertThat(tables).isEqualTo(3);
    }

    @Test
    void publishesItsOpenApiDocument() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("'x-api-id'", equalTo("ngs-comms-v1"))
                .body("info.version", equalTo("1.0.0"));
    }

    @Test
    void unknownPathsAreProblems() {
        given().when().get("/v1/comms/nothing-here")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
