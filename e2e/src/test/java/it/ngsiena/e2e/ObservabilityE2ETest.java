package it.ngsiena.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import it.ngsiena.e2e.OtlpReceiver.Span;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an operator who plugs in a trace collector and a log collector sees: a write through the gateway
 * and the event it causes are one trace (gateway → service → outbox → Kafka → the gateway's consumer),
 * exported over OTLP by each process; the service's JSON log lines carry that trace's id.
 */
@ExtendWith(RunningPlatform.class)
class ObservabilityE2ETest {

    static String gateway;

    @BeforeAll
    static void usePlatform() {
        gateway = RunningPlatform.platform().gatewayUrl();
        PlatformE2ETest.usePlatform();
    }

    @Test
    void aWriteAndItsEventAreOneTraceFromTheGatewayToTheGatewaysConsumer() throws IOException {
        String trace = randomHex(16);
        String callerSpan = randomHex(8);
        String needId = given().header("Authorization", PlatformE2ETest.user("officer-siena"))
                .header("traceparent", "00-" + trace + "-" + callerSpan + "-01")
                .contentType(ContentType.JSON)
                .body(PlatformE2ETest.need("Tracciata da capo a fondo", PlatformE2ETest.SIENA))
                .when()
                .post(gateway + "/v1/participation/needs")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        // The event's handling by the gateway ends the story: wait until its span has been exported.
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(RunningPlatform.traces().spansOf(trace))
                        .anyMatch(s -> s.service().equals("gateway") && s.kind().equals("SPAN_KIND_CONSUMER")));
        List<Span> spans = RunningPlatform.traces().spansOf(trace);

        Span gatewayServer = only(
                spans,
                s -> s.service().equals("gateway")
                        && s.kind().equals("SPAN_KIND_SERVER")
                        && s.parentSpanId().equals(callerSpan),
                "the gateway's span of the caller's request",
                spans);
        Span serviceServer = only(
                spans,
                s -> s.service().equals("participation-service") && s.kind().equals("SPAN_KIND_SERVER"),
                "the service's span of the routed request",
                spans);
        assertThat(parentService(spans, serviceServer))
                .as("the routed request's parent, in %s", spans)
                .contains("gateway");
        Span consumer = only(
                spans,
                s -> s.service().equals("gateway") && s.kind().equals("SPAN_KIND_CONSUMER"),
                "the gateway's handling of the event",
                spans);
        assertThat(parentService(spans, consumer))
                .as("the event's parent: the write in the service, in %s", spans)
                .contains("participation-service");
        assertThat(gatewayServer.traceId()).isEqualTo(consumer.traceId());

        // The service's log line of the write, a JSON object, names the trace and the span it was written in.
        JsonNode line = Files.readAllLines(RunningPlatform.log("participation")).stream()
                .filter(l -> l.startsWith("{"))
                .map(ObservabilityE2ETest::json)
                .filter(l -> l.path("message").asText().startsWith("Need " + needId + " submitted"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no JSON log line of need " + needId));
        assertThat(line.path("mdc").path("traceId").asText())
                .as("trace id in %s", line)
                .isEqualTo(trace);
        assertThat(spans)
                .as("the logged span is one of the trace's")
                .anyMatch(s -> s.spanId().equals(line.path("mdc").path("spanId").asText()));
    }

    private static Span only(List<Span> spans, java.util.function.Predicate<Span> which, String what, List<Span> all) {
        List<Span> found = spans.stream().filter(which).toList();
        assertThat(found).as("%s among %s", what, all).hasSize(1);
        return found.get(0);
    }

    /** The service that made the span's parent, if the parent was exported. */
    private static Optional<String> parentService(List<Span> spans, Span child) {
        return spans.stream()
                .filter(s -> s.spanId().equals(child.parentSpanId()))
                .map(Span::service)
                .findFirst();
    }

    private static JsonNode json(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not a JSON log line: " + line, e);
        }
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
