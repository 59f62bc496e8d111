package it.ngsiena.comms.newsletter;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One line of a newsletter's send log: to whom (by id), when, and whether the SMTP server took it. */
@Entity
@Table(name = "newsletter_delivery")
@IdClass(Delivery.Key.class)
public class Delivery extends PanacheEntityBase {

    @Id
    @Column(name = "newsletter_id")
    public UUID newsletterId;

    @Id
    @Column(name = "subscriber_id")
    public UUID subscriberId;

    @Column(name = "sent_at", nullable = false)
    public OffsetDateTime sentAt;

    /**
     * SENDING while its mail is being handed to the SMTP server; SENT; FAILED with the reason (a resumed
     * send tries again); UNKNOWN when a send died between the two (never mailed again: better one
     * mail missing than two).
     */
    @Column(nullable = false)
    public String outcome;

    public record Key(UUID newsletterId, UUID subscriberId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
