package it.ngsiena.kernel.inbox;

import it.ngsiena.kernel.kafka.EventsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the event consumer's thread runs and finishes a loop now and then: a consumer that died
 * or hangs cannot recover by itself, so the orchestrator should restart the service. A service that
 * consumes nothing is always alive here. The data carry the lag, the seconds since the last progress
 * and the restarts.
 */
@Liveness
@ApplicationScoped
public class EventConsumerLiveness implements HealthCheck {

    private final EventConsumer consumer;
    private final EventsConfig config;

    EventConsumerLiveness(EventConsumer consumer, EventsConfig config) {
        this.consumer = consumer;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        return consumer.heartbeat().check(config.consumer().stuckAfter(), Map.of("lag", consumer.lag()));
    }
}
