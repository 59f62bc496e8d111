package it.ngsiena.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import it.ngsiena.gateway.activity.ActivityEntry;
import it.ngsiena.kernel.events.EventCodec;
import it.ngsiena.testkit.PlatformTestResource;
import it.ngsiena.testkit.TopicProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The gateway's two links of a write's trace: a request it routes carries the gateway's trace to the
 * service, and an event that arrives with the write's {@code traceparent} is handled in that trace.
 * (The service's link, from its request to the event's header, is tested in the participation service.)
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(FakeServicesResource.class)
class TracingTest {

    static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String CLIENT_SPAN = "00f067aa0ba902b7";

    @ConfigProperty(name = "ngs.events.bootstrap-servers")
    String bootstrap;

    @Inject
    InMemorySpanExporter spans;

    @Test
    void aRoutedRequestCarriesTheTraceToTheService() {
        String forwarded = given().header("traceparent", "00-" + TRACE + "-" + CLIENT_SPAN + "-01")
                .when()
                .get("/v1/training/courses")
                .then()
                .statusCode(200)
                .extract()
                .path("traceparent");
        assertThat(forwarded)
                .as("the same trace, the gateway's span as parent")
                .startsWith("00-" + TRACE + "-")
                .doesNotContain(CLIENT_SPAN);
    }

    @Test
    void anEventIsHandledInTheTraceOfTheWriteThatProducedIt() {
        String trace = UUID.randomUUID().toString().replace("-", "");
        String id = UUID.randomUUID().toString();
        byte[] value = EventCodec.encode(
                id,
                "/participation-service",
                "it.ngsiena.participation.test.traced.v1",
                UUID.randomUUID().toString(),
                OffsetDateTime.now(ZoneOffset.UTC),
                "{\"municipalities\":[\"052001\"]}");
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(ConsumerSupervisionTest.TEST_TOPIC, id, value);
        record.headers().add("traceparent", ("00-" + trace + "-" + CLIENT_SPAN + "-01").getBytes());
        new TopicProbe(bootstrap).send(record);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(spans.getFinishedSpanItems()).anySatisfy(span -> {
                    assertThat(span.getTraceId()).isEqualTo(trace);
                    assertThat(span.getParentSpanId()).isEqualTo(CLIENT_SPAN);
                    assertThat(span.getKind()).isEqualTo(SpanKind.CONSUMER);
                    assertThat(span.getName()).isEqualTo("handle it.ngsiena.participation.test.traced.v1");
                }));
        // The test topic is not one the rebuild reads: leave the feed as the topics have it (RebuildTest).
        await().atMost(Duration.ofSeconds(10))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> ActivityEntry.delete("eventId", id)) == 1);
    }

    /** Spans land here in the tests (OpenTelemetry takes every SpanExporter bean). */
    @ApplicationScoped
    static class InMemoryExporter {
        @Produces
        @Singleton
        InMemorySpanExporter exporter() {
            return InMemorySpanExporter.create();
        }
    }
}
