package it.ngsiena.kernel.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import it.ngsiena.kernel.events.EventCodec;
import it.ngsiena.kernel.events.IncomingEvent;
import it.ngsiena.kernel.events.MalformedEventException;
import it.ngsiena.kernel.kafka.EventsConfig;
import it.ngsiena.kernel.kafka.KafkaClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
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
 * nothing), sends records that cannot be read to {@code <topic>.dlq} and goes on, and retries an
 * event whose handling failed for another reason (the database was down, say) until it succeeds.
 * A poll's events are handled in one transaction when they all succeed, else one by one.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);
    private static final long MAX_BACKOFF_MS = 5_000;

    private final EventsConfig config;
    private final KafkaClients clients;
    private final Instance<EventHandler> handlers;
    private final EntityManager em;
    private final MeterRegistry metrics;
    private volatile boolean running;
    private Thread thread;
    private KafkaConsumer<String, byte[]> consumer;
    private KafkaProducer<String, byte[]> deadLetters;

    EventConsumer(EventsConfig config, KafkaClients clients, Instance<EventHandler> handlers, EntityManager em,
            MeterRegistry metrics) {
        this.config = config;
        this.clients = clients;
        this.handlers = handlers;
        this.em = em;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent startup) {
        List<String> topics = config.consumer().topics().orElse(List.of());
        if (topics.isEmpty() || handlers.isUnsatisfied()) {
            return;
        }
        consumer = clients.consumer(config.consumer().group() + "-consumer", config.consumer().group());
        deadLetters = clients.producer(config.consumer().group() + "-dlq");
        running = true;
        thread = new Thread(() -> run(topics), "event-consumer");
        thread.setDaemon(true);
        thread.start();
        LOG.infof("Consuming %s as group %s", topics, config.consumer().group());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (thread == null) {
            return;
        }
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deadLetters.close(Duration.ofSeconds(5));
    }

    private void run(List<String> topics) {
        try {
            consumer.subscribe(topics);
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
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
                // Offsets once per poll: a crash before this line redelivers the batch, which the inbox
                // makes harmless; committing per record cost a broker round trip per event.
                Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
                for (TopicPartition partition : records.partitions()) {
                    List<ConsumerRecord<String, byte[]>> inPartition = records.records(partition);
                    next.put(partition, new OffsetAndMetadata(inPartition.get(inPartition.size() - 1).offset() + 1));
                }
                consumer.commitSync(next);
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (Exception e) {
            LOG.error("Event consumer stopped", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /**
     * Handles a whole poll in one transaction (one commit instead of one per event). Returns false,
     * having changed nothing, when any record cannot be read or any event fails: the caller then
     * handles the records one by one, with dead-lettering and retries.
     */
    private boolean handleAll(ConsumerRecords<String, byte[]> records) {
        if (records.count() == 1) {
            return false;
        }
        List<IncomingEvent> events = new ArrayList<>(records.count());
        try {
            for (ConsumerRecord<String, byte[]> record : records) {
                events.add(EventCodec.decode(record.topic(), record.value()));
            }
            QuarkusTransaction.requiringNew().run(() -> recordAndHandle(events));
        } catch (Exception e) {
            LOG.debugf("A batch of %d records is handled one by one: %s", records.count(), e.getMessage());
            return false;
        }
        events.forEach(this::countHandled);
        return true;
    }

    private void process(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event;
        try {
            event = EventCodec.decode(record.topic(), record.value());
        } catch (MalformedEventException e) {
            deadLetter(record, e);
            return;
        }
        long backoff = 100;
        while (running) {
            try {
                handleOnce(event);
                return;
            } catch (MalformedEventException e) {
                deadLetter(record, e);
                return;
            } catch (Exception e) {
                LOG.warnf("Handling event %s (%s) failed: %s; retrying in %d ms", event.id(), event.type(),
                        e.getMessage(), backoff);
                pause(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
            }
        }
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
                insert.setArray(2, connection.createArrayOf("text", events.stream().map(IncomingEvent::id).toArray()));
                insert.setArray(3, connection.createArrayOf("text", events.stream().map(IncomingEvent::topic).toArray()));
                insert.setArray(4, connection.createArrayOf("text", events.stream().map(IncomingEvent::type).toArray()));
                try (var rows = insert.executeQuery()) {
                    while (rows.next()) {
                        inserted.add(rows.getString(1));
                    }
                }
            }
        });
        List<IncomingEvent> fresh = new ArrayList<>(inserted.size());
        for (IncomingEvent event : events) {
            if (inserted.remove(event.id())) { // remove: an id read twice in one poll is handled once
                fresh.add(event);
            }
        }
        if (fresh.size() < events.size()) {
            LOG.debugf("%d of %d events already handled", events.size() - fresh.size(), events.size());
        }
        return fresh;
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, Exception reason) {
        String dlq = record.topic() + ".dlq";
        LOG.warnf("Record %s-%d@%d cannot be read, sent to %s: %s", record.topic(), record.partition(),
                record.offset(), dlq, reason.getMessage());
        ProducerRecord<String, byte[]> out = new ProducerRecord<>(dlq, record.key(), record.value());
        record.headers().forEach(h -> out.headers().add(h));
        out.headers().add("ngs-dlq-reason", String.valueOf(reason.getMessage()).getBytes(StandardCharsets.UTF_8));
        out.headers().add("ngs-dlq-origin", (record.topic() + "-" + record.partition() + "@" + record.offset())
                .getBytes(StandardCharsets.UTF_8));
        long backoff = 100;
        while (running) {
            try {
                deadLetters.send(out).get(20, TimeUnit.SECONDS);
                metrics.counter("ngs.events.dead-lettered", "topic", record.topic()).increment();
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.warnf("DLQ %s unreachable (%s); retrying", dlq, e.getMessage());
                pause(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
