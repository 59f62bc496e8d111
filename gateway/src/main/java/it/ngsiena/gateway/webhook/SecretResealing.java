package it.ngsiena.gateway.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * At start, seals again under the current key every webhook secret that is not (sealed under an older key,
 * or stored before sealing): after a key rotation, the old key opens nothing more once this has run.
 */
@ApplicationScoped
class SecretResealing {

    private static final Logger LOG = Logger.getLogger(SecretResealing.class);

    private final SecretSeal seal;

    SecretResealing(SecretSeal seal) {
        this.seal = seal;
    }

    void reseal(@Observes StartupEvent start) {
        List<UUID> ids = QuarkusTransaction.requiringNew()
                .call(() -> WebhookSubscription.<WebhookSubscription>listAll().stream()
                        .filter(s ->
                                !seal.sealedWithCurrentKey(s.secret) || !seal.sealedWithCurrentKey(s.previousSecret))
                        .map(s -> s.id)
                        .toList());
        for (UUID id : ids) {
            QuarkusTransaction.requiringNew().run(() -> {
                // locked: another replica starting now, or the delivery worker, waits for this row
                WebhookSubscription s = WebhookSubscription.findById(id, LockModeType.PESSIMISTIC_WRITE);
                if (s == null) {
                    return;
                }
                if (!seal.sealedWithCurrentKey(s.secret)) {
                    s.secret = seal.seal(id, seal.open(id, s.secret));
                }
                if (!seal.sealedWithCurrentKey(s.previousSecret)) {
                    s.previousSecret = seal.seal(id, seal.open(id, s.previousSecret));
                }
            });
        }
        if (!ids.isEmpty()) {
            LOG.infof("Webhook secrets sealed again under the current key: %d subscriptions", ids.size());
        }
    }
}
