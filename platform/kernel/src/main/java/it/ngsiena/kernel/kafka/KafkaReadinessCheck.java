package it.ngsiena.kernel.kafka;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports whether Kafka answers, without making the service unready when it does not: writes go on
 * into the outbox and are published when the broker is back, so a load balancer must keep sending
 * requests. {@code /status} says "degraded" meanwhile.
 */
@Readiness
@ApplicationScoped
public class KafkaReadinessCheck implements HealthCheck {

    /** The check's datum that says whether Kafka answered. */
    public static final String REACHABLE = "reachable";

    private final KafkaClients clients;
    private volatile Admin admin;

    KafkaReadinessCheck(KafkaClients clients) {
        this.clients = clients;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("kafka");
        try {
            String clusterId = admin().describeCluster().clusterId().get(3, TimeUnit.SECONDS);
            return response.up()
                    .withData(REACHABLE, true)
                    .withData("clusterId", clusterId)
                    .build();
        } catch (Exception e) {
            return response.up()
                    .withData(REACHABLE, false)
                    .withData("error", String.valueOf(e.getMessage()))
                    .build();
        }
    }

    private Admin admin() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = clients.admin("health");
                }
            }
        }
        return admin;
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
