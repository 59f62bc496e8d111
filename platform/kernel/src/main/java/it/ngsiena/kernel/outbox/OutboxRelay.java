package it.ngsiena.kernel.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import it.ngsiena.kernel.events.EventCodec;
import it.ngsiena.kernel.kafka.EventsConfig;
import it.ngsiena.kernel.kafka.KafkaClients;
import it.ngsiena.kernel.tracing.TraceContext;
import it.ngsiena.kernel.worker.Backoff;
import it.ngsiena.kernel.worker.Heartbeat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

/**
 * Publishes the outbox to Kafka in commit order, and marks what the broker acknowledged. Woken by
 * every commit that wrote an event, and otherwise looks again every {@code idle-poll}. While Kafka is
 * unreachable it retries with a growing pause; events stay in the outbox meanwhile.
 *
 * <p>One relay per database publishes at a time (a PostgreSQL advisory lock), so running several
 * instances of a service keeps the order per aggregate.
 *
 * <p>Operators see the backlog ({@code ngs_outbox_backlog}) and the age of the oldest unpublished event
 * ({@code ngs_outbox_oldest_unsent_seconds}) on {@code /q/metrics}; its {@link Heartbeat} makes liveness
 * fail when the relay's thread has died or hangs.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock key held while publishing ("NGS" outbox). */
    private static final long RELAY_LOCK = 0x4e47_5301L;

    private final EntityManager em;
    private final EventsConfig config;
    private final KafkaClients clients;
    private final Semaphore wake = new Semaphore(0);
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestUnsentSeconds = new AtomicLong();
    private final Counter published;
    private final Heartbeat heartbeat = new Heartbeat("outbox-relay");
    private volatile boolean running;
    private Thread thread;
    private Producer<String, byte[]> producer;

    OutboxRelay(EntityManager em, EventsConfig config, KafkaClients clients, MeterRegistry metrics) {
        this.em = em;
        this.config = config;
        this.clients = clients;
        metrics.gauge("ngs.outbox.backlog", backlog);
        metrics.gauge("ngs.outbox.oldest.unsent.seconds", oldestUnsentSeconds);
        this.published = metrics.counter("ngs.outbox.published");
    }

    void start(@Observes StartupEvent startup) {
        if (!config.relay().enabled()) {
            LOG.info("Outbox relay disabled");
            return;
        }
        producer = clients.producer("outbox-relay");
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((t, e) -> LOG.error("Outbox relay ended; liveness reports it DOWN", e));
        heartbeat.started(thread);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        heartbeat.stopped();
        wake.release();
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }

    /** Called after a commit that wrote events: publish them now rather than at the next poll. */
    public void wakeUp() {
        wake.release();
    }

    /** Events not yet acknowledged by Kafka, as of the relay's last look. */
    public long backlog() {
        return backlog.get();
    }

    /** Seconds since the oldest event not yet acknowledged entered the outbox (0 when none), as of the last look. */
    public long oldestUnsentSeconds() {
        return oldestUnsentSeconds.get();
    }

    /** For the liveness check. */
    public Heartbeat heartbeat() {
        return heartbeat;
    }

    private void run() {
        Backoff backoff = new Backoff();
        while (running) {
            heartbeat.beat();
            try {
                boolean full = publishBatch();
                backoff.reset();
                if (!full) {
                    wake.tryAcquire(config.relay().idlePoll().toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.warnf(
                        "Outbox relay could not publish (%s); %d event(s) waiting, retrying in %d ms",
                        e.getMessage(), backlog.get(), backoff.nextPauseMillis());
                backoff.pause();
            }
        }
    }

    /** Publishes one batch; true when the batch was full and more may be waiting. */
    private boolean publishBatch() {
        return QuarkusTransaction.requiringNew().timeout(60).call(() -> {
            Boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, RELAY_LOCK)
                    .getSingleResult();
            if (!locked) {
                return false;
            }
            List<OutboxEvent> pending = em.createQuery(
                            "from OutboxEvent where sentAt is null order by seq", OutboxEvent.class)
                    .setMaxResults(config.relay().batchSize())
                    .getResultList();
            if (pending.isEmpty()) {
                backlog.set(0);
                oldestUnsentSeconds.set(0);
                return false;
            }
            List<Long> sent = sendInOrder(producer, pending);
            if (!sent.isEmpty()) {
                em.createQuery("update OutboxEvent set sentAt = :now where seq in :seqs")
                        .setParameter("now", OffsetDateTime.now(ZoneOffset.UTC))
                        .setParameter("seqs", sent)
                        .executeUpdate();
                published.increment(sent.size());
            }
            if (sent.size() == pending.size() && pending.size() < config.relay().batchSize()) {
                // everything there was at the look is sent: no need to count (one statement less per batch)
                backlog.set(0);
                oldestUnsentSeconds.set(0);
            } else {
                Object[] unsent = (Object[]) em.createNativeQuery("""
                        select count(*), coalesce(extract(epoch from now() - min(appended_at)), 0)
                        from outbox_event where sent_at is null""").getSingleResult();
                backlog.set(((Number) unsent[0]).longValue());
                oldestUnsentSeconds.set(((Number) unsent[1]).longValue());
            }
            if (sent.size() < pending.size()) {
                throw new IllegalStateException(pending.size() - sent.size() + " event(s) not acknowledged");
            }
            return pending.size() == config.relay().batchSize();
        });
    }

    /**
     * Sends in order and returns the sequence numbers of the acknowledged prefix: an event after one that
     * was refused or not acknowledged stays unsent even if Kafka took it, so that the outbox never marks an
     * event sent while an earlier one is not (it goes again with the next batch; consumers are idempotent).
     */
    static List<Long> sendInOrder(Producer<String, byte[]> producer, List<OutboxEvent> pending) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(pending.size());
        for (OutboxEvent e : pending) {
            byte[] value = EventCodec.encode(
                    e.eventId.toString(), e.source, e.type, e.subject, e.occurredAt, e.data, e.actor());
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(e.topic, e.subject, value);
            record.headers().add("content-type", EventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
            if (e.traceParent != null) {
                record.headers().add(TraceContext.TRACEPARENT, e.traceParent.getBytes(StandardCharsets.UTF_8));
            }
            try {
                acks.add(producer.send(record));
            } catch (RuntimeException ex) {
                LOG.debugf("send refused: %s", ex.getMessage());
                break;
            }
        }
        List<Long> acknowledged = new ArrayList<>();
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).get(20, TimeUnit.SECONDS);
                acknowledged.add(pending.get(i).seq);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception ex) {
                LOG.debugf("event %s not acknowledged: %s", pending.get(i).eventId, ex.getMessage());
                break;
            }
        }
        return acknowledged;
    }
}
