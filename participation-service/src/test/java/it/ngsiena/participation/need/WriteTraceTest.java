package it.ngsiena.participation.need;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import it.ngsiena.testkit.PlatformTestResource;
import it.ngsiena.testkit.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The service's link of a write's trace: the event of a write goes to Kafka with the trace of the
 * request that wrote it (through the outbox), so that its consumers' spans join the same trace.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class WriteTraceTest {

    static final String TRACE = "0af7651916cd43dd8448eb211c80319c";
    static final String CALLER_SPAN = "b7ad6b7169203331";

    @ConfigProperty(name = "ngs.events.bootstrap-servers")
    String bootstrap;

    @Test
    @TestSecurity(user = "codesign", roles = "participation-partner")
    void theEventOfAWriteCarriesTheTraceOfTheRequest() {
        String id = given().header("traceparent", "00-" + TRACE + "-" + CALLER_SPAN + "-01")
                .contentType(ContentType.JSON)
                .body(NeedResourceTest.need("Tracciata", "052032"))
                .when()
                .post("/v1/participation/needs")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        var record = new TopicProbe(bootstrap)
                .await("ngs.participation.v1", r -> id.equals(r.key()), Duration.ofSeconds(20));
        var header = record.headers().lastHeader("traceparent");
        assertThat(header).as("traceparent header").isNotNull();
        assertThat(new String(header.value(), StandardCharsets.UTF_8))
                .as("the request's trace, with the service's span as parent")
                .startsWith("00-" + TRACE + "-")
                .doesNotContain(CALLER_SPAN);
    }

    @Test
    @TestSecurity(user = "codesign", roles = "participation-partner")
    void aWriteWithoutATraceStillProducesItsEvent() {
        String id = given().contentType(ContentType.JSON)
                .body(NeedResourceTest.need("Senza traccia", "052032"))
                .when()
                .post("/v1/participation/needs")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        var record = new TopicProbe(bootstrap)
                .await("ngs.participation.v1", r -> id.equals(r.key()), Duration.ofSeconds(20));
        // The service's own server span starts a trace of its own.
        assertThat(new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
                .startsWith("00-")
                .doesNotContain(TRACE);
    }
}
