package it.ngsiena.kernel.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import it.ngsiena.kernel.events.EventCodec;
import it.ngsiena.kernel.events.IncomingEvent;
import it.ngsiena.kernel.events.MalformedEventException;
import it.ngsiena.kernel.kafka.EventsConfig;
import it.ngsiena.kernel.kafka.KafkaClients;
import it.ngsiena.kernel.tracing.TraceContext;
import it.ngsiena.kernel.worker.Backoff;
import it.ngsiena.kernel.worker.Heartbeat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * The idempotent consumer: reads the configured topics in order, records each event id in
 * {@code inbox_event} in the same transaction as the handlers' effects (a redelivered event changes
 * nothing), sends records that cannot be read to {@code <topic>.dlq} and goes on. An event whose
 * handling fails is tried again; after {@code max-attempts} failures while the database answers, it
 * goes to the DLQ with the reason, so that one bad event cannot stop its partition (while the database
 * is down, nothing is the event's fault and it waits). A poll's events are handled in one transaction
 * when they all succeed, else one by one.
 *
 * <p>The consumer is supervised: whatever a poll or a commit throws (a rebalance, a wake-up, a broker
 * error), it closes its Kafka consumer, waits ({@link Backoff}) and starts a new one, which resumes
 * from the committed offsets; the thread ends only when the service stops. Its {@link Heartbeat} tells
 * the liveness check whether it is running and making progress; {@code ngs_events_consumer_lag} says how
 * many records of its partitions it has not read yet.
 *
 * <p>With {@code ngs.events.consumer.instance-id} set (a name stable across restarts of one instance),
 * the consumer is a static member of its group: a restarted instance gets its partitions back at once,
 * instead of waiting for the group to notice that the killed one is gone.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    private final EventsConfig config;
    private final KafkaClients clients;
    private final Instance<EventHandler> handlers;
    private final EntityManager em;
    private final MeterRegistry metrics;
    private final TraceContext trace;
    private final Heartbeat heartbeat = new Heartbeat("event-consumer");
    private final AtomicLong lag = new AtomicLong();
    /** Offsets of events handled but not yet committed: committed before partitions are taken away. */
    private final Map<TopicPartition, OffsetAndMetadata> uncommitted = new HashMap<>();

    private volatile boolean running;
    private Thread thread;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private KafkaProducer<String, byte[]> deadLetters;

    EventConsumer(
            EventsConfig config,
            KafkaClients clients,
            Instance<EventHandler> handlers,
            EntityManager em,
            MeterRegistry metrics,
            TraceContext trace) {
        this.config = config;
        this.clients = clients;
        this.handlers = handlers;
        this.em = em;
        this.metrics = metrics;
        this.trace = trace;
        metrics.gauge("ngs.events.consumer.lag", lag);
    }

    void start(@Observes StartupEvent startup) {
        List<String> topics = config.consumer().topics().orElse(List.of());
        if (topics.isEmpty() || handlers.isUnsatisfied()) {
            return;
        }
        deadLetters = clients.producer(config.consumer().group() + "-dlq");
        running = true;
        thread = new Thread(() -> supervise(topics), "event-consumer");
        thread.setDaemon(true);
        // Only an Error gets past the supervision: say so, and let liveness report the consumer gone.
        thread.setUncaughtExceptionHandler((t, e) -> LOG.error("Event consumer ended; liveness reports it DOWN", e));
        heartbeat.started(thread);
        thread.start();
        LOG.infof(
                "Consuming %s as group %s%s",
                topics,
                config.consumer().group(),
                config.consumer()
                        .instanceId()
                        .map(id -> " (static member " + id + ")")
                        .orElse(""));
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (thread == null) {
            return;
        }
        running = false;
        heartbeat.stopped();
        wakeUp();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deadLetters.close(Duration.ofSeconds(5));
    }

    /** For the liveness check and the tests. */
    public Heartbeat heartbeat() {
        return heartbeat;
    }

    /** Records of the assigned partitions not read yet, as of the last poll. */
    public long lag() {
        return lag.get();
    }

    private void wakeUp() {
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            try {
                current.wakeup();
            } catch (RuntimeException e) {
                LOG.debugf("wake-up of a closing consumer: %s", e.getMessage());
            }
        }
    }

    /** Runs the consumer until the service stops, starting a new one after anything that ends it. */
    private void supervise(List<String> topics) {
        Backoff backoff = new Backoff();
        while (running) {
            KafkaConsumer<String, byte[]> current = clients.groupMember(
                    config.consumer().group() + "-consumer",
                    config.consumer().group(),
                    config.consumer().instanceId());
            consumer = current;
            try {
                consume(current, topics, backoff);
            } catch (WakeupException e) {
                if (running) {
                    LOG.warn("Event consumer woken up while running; starting again");
                }
            } catch (Exception e) {
                LOG.warnf(
                        "Event consumer failed (%s); starting again in %d ms", e.toString(), backoff.nextPauseMillis());
            } finally {
                consumer = null;
                uncommitted.clear(); // redelivered to whoever gets the partitions: the inbox makes that harmless
                try {
                    current.close(Duration.ofSeconds(5));
                } catch (RuntimeException e) {
                    LOG.debugf("closing the failed consumer: %s", e.getMessage());
                }
            }
            if (running) {
                heartbeat.restarted();
                metrics.counter("ngs.events.consumer.restarts").increment();
                backoff.pause();
            }
        }
    }

    private void consume(KafkaConsumer<String, byte[]> consumer, List<String> topics, Backoff backoff) {
        consumer.subscribe(topics, new CommitBeforeRevoking(consumer));
        while (running) {
            ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
            heartbeat.beat();
            lag.set(lagOf(consumer));
            if (records.isEmpty()) {
                continue;
            }
            if (!handleAll(records)) {
                for (ConsumerRecord<String, byte[]> record : records) {
                    if (!running) {
                        return;
                    }
                    process(record);
                }
            }
            if (!running) {
                return;
            }
            uncommitted.putAll(ConsumerDecisions.offsetsAfter(records));
            consumer.commitSync(uncommitted);
            uncommitted.clear();
            heartbeat.beat();
            backoff.reset();
        }
    }

    /** Records of the assigned partitions not read yet, as far as the consumer knows from its last fetch. */
    private static long lagOf(KafkaConsumer<String, byte[]> consumer) {
        long total = 0;
        for (TopicPartition partition : consumer.assignment()) {
            total += consumer.currentLag(partition).orElse(0);
        }
        return total;
    }

    /**
     * Commits what was handled before partitions go to another member, so that it does not handle them
     * again (the inbox would make that harmless, but it costs a pass over the same events). Runs inside
     * {@code poll}, on the consumer's thread.
     */
    private final class CommitBeforeRevoking implements ConsumerRebalanceListener {

        private final KafkaConsumer<String, byte[]> consumer;

        CommitBeforeRevoking(KafkaConsumer<String, byte[]> consumer) {
            this.consumer = consumer;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            Map<TopicPartition, OffsetAndMetadata> handled = new HashMap<>(uncommitted);
            handled.keySet().retainAll(partitions);
            if (!handled.isEmpty()) {
                consumer.commitSync(handled);
                uncommitted.keySet().removeAll(handled.keySet());
            }
            LOG.infof("Partitions revoked: %s", partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            LOG.infof("Partitions assigned: %s", partitions);
        }
    }

    /**
     * Handles a whole poll in one transaction (one commit instead of one per event). Returns false,
     * having changed nothing, when any record cannot be read or any event fails: the caller then
     * handles the records one by one, with dead-lettering and retries.
     */
    private boolean handleAll(ConsumerRecords<String, byte[]> records) {
        if (!ConsumerDecisions.worthOneTransaction(records)) {
            return false;
        }
        List<IncomingEvent> events = new ArrayList<>(records.count());
        Instant start = Instant.now();
        try {
            for (ConsumerRecord<String, byte[]> record : records) {
                IncomingEvent event = EventCodec.decode(record.topic(), record.value());
                if (event.foreignToItsTopic().isPresent()) {
                    return false; // one by one: that one goes to the DLQ
                }
                events.add(event);
            }
            QuarkusTransaction.requiringNew().run(() -> recordAndHandle(events));
        } catch (Exception e) {
            LOG.debugf("A batch of %d records is handled one by one: %s", records.count(), e.getMessage());
            return false;
        }
        // Each event's handling joins the trace of the write that produced it (spans begun at the batch's start).
        int i = 0;
        for (ConsumerRecord<String, byte[]> record : records) {
            IncomingEvent event = events.get(i++);
            trace.startConsumerSpan(event.type(), record.topic(), traceparent(record), start)
                    .end();
            countHandled(event);
        }
        return true;
    }

    private void process(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event;
        try {
            event = EventCodec.decode(record.topic(), record.value());
        } catch (MalformedEventException e) {
            deadLetter(record, "unreadable: " + e.getMessage());
            return;
        }
        Optional<String> foreign = event.foreignToItsTopic();
        if (foreign.isPresent()) {
            deadLetter(record, foreign.get());
            return;
        }
        Span span = trace.startConsumerSpan(event.type(), record.topic(), traceparent(record));
        try (Scope current = span.makeCurrent()) {
            Backoff backoff = new Backoff();
            var outcome = ConsumerDecisions.tryUntilHandled(
                    event,
                    () -> handleOnce(event),
                    config.consumer().maxAttempts(),
                    this::databaseAnswers,
                    () -> running,
                    () -> {
                        heartbeat.beat(); // failing and retrying is not being stuck
                        backoff.pause();
                    });
            if (outcome instanceof ConsumerDecisions.DeadLetter dead) {
                span.setStatus(StatusCode.ERROR, dead.reason());
                deadLetter(record, dead.reason());
            }
        } finally {
            span.end();
        }
    }

    private static String traceparent(ConsumerRecord<String, byte[]> record) {
        var header = record.headers().lastHeader(TraceContext.TRACEPARENT);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Whether the service's database answers now: if not, a failed event is not the event's fault. */
    private boolean databaseAnswers() {
        try {
            return QuarkusTransaction.requiringNew()
                    .timeout(5)
                    .call(() -> em.createNativeQuery("select 1").getSingleResult() != null);
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * Handles a dead letter again, here and now, as if read from {@code topic} (its origin): through the
     * inbox, so an event handled meanwhile changes nothing. A replay never writes to the topic, so a
     * service's Kafka user needs no write access to the topics it reads.
     *
     * @throws MalformedEventException when the record still cannot be read or is foreign to the topic
     * @throws RuntimeException when a handler still fails on it
     */
    public void replay(String topic, byte[] value) {
        IncomingEvent event = EventCodec.decode(topic, value);
        Optional<String> foreign = event.foreignToItsTopic();
        if (foreign.isPresent()) {
            throw new MalformedEventException(foreign.get(), null);
        }
        handleOnce(event);
    }

    private void handleOnce(IncomingEvent event) {
        QuarkusTransaction.requiringNew().run(() -> recordAndHandle(List.of(event)));
        countHandled(event);
    }

    private void countHandled(IncomingEvent event) {
        metrics.counter("ngs.events.handled", "topic", event.topic()).increment();
    }

    /** In the caller's transaction: notes the events in the inbox and hands those new to it to the handlers. */
    private void recordAndHandle(List<IncomingEvent> events) {
        List<IncomingEvent> fresh = recordAll(events);
        for (EventHandler handler : handlers) {
            handler.handleAll(fresh);
        }
    }

    /**
     * In the caller's transaction: notes the events in the inbox with one statement and returns those
     * noted now (not handled before, each id once), in the order read.
     */
    private List<IncomingEvent> recordAll(List<IncomingEvent> events) {
        Set<String> inserted = new HashSet<>();
        em.unwrap(Session.class).doWork(connection -> {
            try (var insert = connection.prepareStatement("""
                    insert into inbox_event (event_id, consumer, topic, event_type, handled_at)
                    select e.id, ?, e.topic, e.type, now() from unnest(?, ?, ?) as e(id, topic, type)
                    on conflict do nothing returning event_id""")) {
                insert.setString(1, config.consumer().group());
                insert.setArray(
                        2,
                        connection.createArrayOf(
                                "text", events.stream().map(IncomingEvent::id).toArray()));
                insert.setArray(
                        3,
                        connection.createArrayOf(
                                "text",
                                events.stream().map(IncomingEvent::topic).toArray()));
                insert.setArray(
                        4,
                        connection.createArrayOf(
                                "text", events.stream().map(IncomingEvent::type).toArray()));
                try (var rows = insert.executeQuery()) {
                    while (rows.next()) {
                        inserted.add(rows.getString(1));
                    }
                }
            }
        });
        List<IncomingEvent> fresh = ConsumerDecisions.fresh(events, inserted);
        if (fresh.size() < events.size()) {
            LOG.debugf("%d of %d events already handled", events.size() - fresh.size(), events.size());
        }
        return fresh;
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        ProducerRecord<String, byte[]> out =
                ConsumerDecisions.deadLetterOf(record, reason, config.consumer().group());
        String dlq = out.topic();
        LOG.warnf("Record %s-%d@%d sent to %s: %s", record.topic(), record.partition(), record.offset(), dlq, reason);
        Backoff backoff = new Backoff();
        while (running) {
            try {
                deadLetters.send(out).get(20, TimeUnit.SECONDS);
                metrics.counter("ngs.events.dead-lettered", "topic", record.topic())
                        .increment();
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.warnf("DLQ %s unreachable (%s); retrying", dlq, e.getMessage());
                heartbeat.beat();
                backoff.pause();
            }
        }
    }
}
