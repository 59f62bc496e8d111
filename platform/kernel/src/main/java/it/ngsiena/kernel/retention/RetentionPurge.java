package it.ngsiena.kernel.retention;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import it.ngsiena.kernel.worker.Periodic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/**
 * Deletes the kernel's bookkeeping once it has served (see {@link RetentionConfig}): expired idempotency
 * records, outbox rows Kafka acknowledged long ago, inbox rows older than any redelivery. Runs on a thread
 * of its own every {@code interval}; several instances of a service may run it at once (deletes by age).
 */
@ApplicationScoped
public class RetentionPurge {

    private static final Logger LOG = Logger.getLogger(RetentionPurge.class);

    /** How many rows of each kind a purge deleted. */
    public record Purged(int idempotencyKeys, int sentEvents, int handledEvents) {}

    private final EntityManager em;
    private final RetentionConfig config;
    private Periodic schedule;

    RetentionPurge(EntityManager em, RetentionConfig config) {
        this.em = em;
        this.config = config;
    }

    void start(@Observes StartupEvent startup) {
        schedule = Periodic.start("retention-purge", config.interval(), this::purgeAndLog);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (schedule != null) {
            schedule.stop();
        }
    }

    private void purgeAndLog() {
        try {
            Purged purged = purge();
            if (purged.idempotencyKeys() + purged.sentEvents() + purged.handledEvents() > 0) {
                LOG.infof("Retention purge: %s", purged);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Retention purge failed, tried again in %s: %s", config.interval(), e.toString());
        }
    }

    /** Deletes what has outlived its retention now. */
    public Purged purge() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return QuarkusTransaction.requiringNew()
                .call(() -> new Purged(
                        delete(
                                "delete from idempotency_key where created_at < ?1",
                                now.minus(config.idempotencyKeys())),
                        delete("delete from outbox_event where sent_at < ?1", now.minus(config.sentEvents())),
                        delete("delete from inbox_event where handled_at < ?1", now.minus(config.handledEvents()))));
    }

    private int delete(String sql, OffsetDateTime before) {
        return em.createNativeQuery(sql).setParameter(1, before).executeUpdate();
    }
}
