package it.ngsiena.gateway.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the webhook delivery thread runs and looks for work at least every few minutes (a turn
 * lasts at most half a lease): a dead or hung worker would leave every subscription waiting in silence.
 * The data say how many subscriptions are failing and how many are suspended, for operators.
 */
@Liveness
@ApplicationScoped
public class WebhookDeliveryLiveness implements HealthCheck {

    private final DeliveryWorker worker;
    private final WebhooksConfig config;

    WebhookDeliveryLiveness(DeliveryWorker worker, WebhooksConfig config) {
        this.worker = worker;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        Map<String, Long> figures = QuarkusTransaction.requiringNew()
                .call(() -> Map.of(
                        "failingSubscriptions",
                                WebhookSubscription.count(
                                        "status = ?1 and failingSince is not null", WebhookSubscription.Status.ACTIVE),
                        "suspendedSubscriptions",
                                WebhookSubscription.count("status", WebhookSubscription.Status.SUSPENDED)));
        return worker.heartbeat().check(config.lease().plus(Duration.ofMinutes(1)), figures);
    }
}
