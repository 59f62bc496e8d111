package it.ngsiena.testkit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * What every service must do before it has any domain: be ready only with its database and Kafka,
 * hold the kernel's tables, answer {@code /status}, publish its OpenAPI document with the platform's
 * conventions, and answer unknown paths with a problem. A service's {@code @QuarkusTest} extends it.
 */
public abstract class ServiceWiringTest {

    private final String workstream;

    protected ServiceWiringTest(String workstream) {
        this.workstream = workstream;
    }

    @Test
    void isReadyWhenItsDatabaseAndKafkaAnswer() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("kafka", "Database connections health check"));
        given().when()
                .get("/status")
                .then()
                .statusCode(200)
                .contentType("application/problem+json")
                .body("status", equalTo(200));
    }

    @Test
    void itsDatabaseHoldsTheKernelTables() throws Exception {
        Config config = ConfigProvider.getConfig();
        try (Connection db = DriverManager.getConnection(
                        config.getValue("quarkus.datasource.jdbc.url", String.class),
                        config.getValue("quarkus.datasource.username", String.class),
                        config.getOptionalValue("quarkus.datasource.password", String.class)
                                .orElse(""));
                ResultSet rs = db.createStatement()
                        .executeQuery("select count(*) from information_schema.tables"
                                + " where table_name in ('outbox_event', 'inbox_event', 'idempotency_key')")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(3);
        }
    }

    @Test
    void publishesItsOpenApiDocument() {
        given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("'x-api-id'", equalTo("ngs-" + workstream + "-v1"))
                .body("info.version", equalTo(OpenApiContract.releasedVersion()))
                .body("info.contact.name", equalTo("Next Generation Siena platform team"));
    }

    /**
     * The kernel's text rule for bodies: U+0000 (which PostgreSQL cannot store) in a string is a 400 naming the
     * field, never a 500. A service's test calls it with a POST endpoint that reads a {@code title}, as a caller
     * allowed to use it.
     */
    protected static void assertControlCharactersRefusedIn(String jsonCreatePath) {
        given().contentType("application/json")
                .body("{\"title\":\"Prova\\u0000\"}")
                .when()
                .post(jsonCreatePath)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("title"))
                .body("violations[0].message", org.hamcrest.Matchers.containsString("U+0000"));
    }

    /** The kernel's text rule for query parameters: no control characters at all. */
    @Test
    void controlCharactersInQueriesAre400Problems() {
        given().queryParam("municipality", "0520\u000132")
                .when()
                .get("/v1/" + workstream + "/nothing-here")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("municipality"));
    }

    @Test
    void unknownPathsAreProblems() {
        given().when()
                .get("/v1/" + workstream + "/nothing-here")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}
