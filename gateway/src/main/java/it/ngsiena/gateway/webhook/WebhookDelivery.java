package it.ngsiena.gateway.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import it.ngsiena.kernel.text.Labelled;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One attempt to deliver one event to a subscription: the delivery log its owner reads. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {

    @Schema(name = "WebhookDeliveryOutcome")
    public enum Outcome implements Labelled {
        /** The receiver answered 2xx. */
        DELIVERED,
        /** Anything else: another status, no answer in time, a refused address; tried again later. */
        FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "subscription_id")
    public UUID subscriptionId;

    @Column(name = "event_id")
    public String eventId;

    @Column(name = "event_type")
    public String eventType;

    public long position;

    public int attempt;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    @Column(name = "http_status")
    public Integer httpStatus;

    public String error;

    @Column(name = "latency_ms")
    public int latencyMs;

    @Column(name = "attempted_at")
    public OffsetDateTime attemptedAt;
}
