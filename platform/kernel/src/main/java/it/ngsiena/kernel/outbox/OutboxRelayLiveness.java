package it.ngsiena.kernel.outbox;

import it.ngsiena.kernel.kafka.EventsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the outbox relay's thread runs and tries now and then (a relay retrying against an
 * unreachable Kafka is alive): a dead relay would leave every write's event in the outbox for good.
 * The data carry the backlog and the age of its oldest event.
 */
@Liveness
@ApplicationScoped
public class OutboxRelayLiveness implements HealthCheck {

    private final OutboxRelay relay;
    private final EventsConfig config;

    OutboxRelayLiveness(OutboxRelay relay, EventsConfig config) {
        this.relay = relay;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        return relay.heartbeat()
                .check(
                        config.relay().stuckAfter(),
                        Map.of("backlog", relay.backlog(), "oldestUnsentSeconds", relay.oldestUnsentSeconds()));
    }
}
