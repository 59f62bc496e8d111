package it.ngsiena.kernel.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Carries a trace across the hops that OpenTelemetry's instrumentation does not see: the gateway's
 * proxy, the outbox (a write's trace is stored with its event and sent in the Kafka record's
 * {@code traceparent} header) and the consumers, whose handling of an event joins the trace of the write
 * that produced it. With tracing off (the default) every method does nothing.
 */
@ApplicationScoped
public class TraceContext {

    /** The W3C Trace Context header, on HTTP requests and on Kafka records. */
    public static final String TRACEPARENT = "traceparent";

    private static final TextMapGetter<Map<String, String>> FROM_MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final OpenTelemetry telemetry;

    TraceContext(OpenTelemetry telemetry) {
        this.telemetry = telemetry;
    }

    /** The current span's context as a {@code traceparent} value, when something is being traced. */
    public Optional<String> currentTraceparent() {
        Map<String, String> headers = new HashMap<>();
        inject(headers, Map::put);
        return Optional.ofNullable(headers.get(TRACEPARENT));
    }

    /** Writes the current context's headers onto an outgoing request. */
    public <C> void inject(C carrier, TextMapSetter<C> setter) {
        telemetry.getPropagators().getTextMapPropagator().inject(Context.current(), carrier, setter);
    }

    /**
     * Starts the span of handling one event, as a child of the write's trace when the record carried
     * one. The caller ends it (and may make it current while handling).
     */
    public Span startConsumerSpan(String eventType, String topic, String traceparent) {
        return startConsumerSpan(eventType, topic, traceparent, Instant.now());
    }

    /** As {@link #startConsumerSpan(String, String, String)}, begun at {@code start} (a batch's start). */
    public Span startConsumerSpan(String eventType, String topic, String traceparent, Instant start) {
        Context parent = traceparent == null
                ? Context.root()
                : telemetry
                        .getPropagators()
                        .getTextMapPropagator()
                        .extract(Context.root(), Map.of(TRACEPARENT, traceparent), FROM_MAP);
        return telemetry
                .getTracer("it.ngsiena.kernel")
                .spanBuilder("handle " + eventType)
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", topic)
                .setStartTimestamp(start)
                .startSpan();
    }
}
