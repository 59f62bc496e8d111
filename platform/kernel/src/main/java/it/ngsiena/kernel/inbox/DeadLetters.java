package it.ngsiena.kernel.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import it.ngsiena.kernel.kafka.EventsConfig;
import it.ngsiena.kernel.kafka.KafkaClients;
import it.ngsiena.kernel.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The dead letters of this service's consumer: the records it sent to {@code <topic>.dlq} (a header names
 * the consumer group), listed, and handled again by the consumer once whatever refused them is fixed
 * ({@link EventConsumer#replay}: in this process, never written back to the topic, which the service may
 * not write to). The consumer is idempotent, so a replay of an event handled meanwhile changes nothing;
 * each dead letter is replayed once (noted in {@code dead_letter_replayed}) and then no longer listed.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String REASON = "ngs-dlq-reason";
    public static final String ORIGIN = "ngs-dlq-origin";
    public static final String CONSUMER = "ngs-dlq-consumer";
    private static final int MOST = 500;

    @Schema(name = "DeadLetter")
    public record DeadLetter(
            @Schema(description = "The dead-letter topic", example = "ngs.participation.v1.dlq")
            String topic,

            @Schema(description = "Partition of the dead-letter topic")
            int partition,

            @Schema(description = "Offset of the record in the dead-letter topic")
            long offset,

            @Schema(
                    description = "Where the record was read, topic-partition@offset",
                    example = "ngs.participation.v1-0@42")
            String origin,

            @Schema(example = "handler failed 5 times: java.lang.IllegalStateException: ...")
            String reason,

            @Schema(description = "The record's key as it was (the aggregate id)")
            String key,

            OffsetDateTime deadAt) {}

    private final EventsConfig config;
    private final KafkaClients clients;
    private final EventConsumer consumer;
    private final EntityManager em;

    DeadLetters(EventsConfig config, KafkaClients clients, EventConsumer consumer, EntityManager em) {
        this.config = config;
        this.clients = clients;
        this.consumer = consumer;
        this.em = em;
    }

    /** This consumer's dead letters not yet replayed, oldest first (at most 500). */
    public List<DeadLetter> list() {
        List<DeadLetter> letters = new ArrayList<>();
        read((record, letter) -> letters.add(letter));
        return letters;
    }

    /** Handles every listed dead letter (or the one named) again; returns how many. Stops at the first that still fails (409). */
    public int replay(Optional<String> topic, Optional<Integer> partition, Optional<Long> offset) {
        List<ConsumerRecord<String, byte[]>> chosen = new ArrayList<>();
        read((record, letter) -> {
            if (topic.map(record.topic()::equals).orElse(true)
                    && partition.map(p -> p == record.partition()).orElse(true)
                    && offset.map(o -> o == record.offset()).orElse(true)) {
                chosen.add(record);
            }
        });
        for (ConsumerRecord<String, byte[]> record : chosen) {
            String original = record.topic().substring(0, record.topic().length() - ".dlq".length());
            try {
                consumer.replay(original, record.value());
            } catch (RuntimeException e) {
                throw ProblemException.conflict(
                        "The dead letter " + record.topic() + "-" + record.partition() + "@" + record.offset()
                                + " still fails: " + e.getMessage(),
                        Map.of("origin", String.valueOf(header(record, ORIGIN))));
            }
            QuarkusTransaction.requiringNew()
                    .run(() -> em.createNativeQuery("""
                    insert into dead_letter_replayed (dlq_topic, partition, dlq_offset, replayed_at)
                    values (?1, ?2, ?3, now()) on conflict do nothing""")
                            .setParameter(1, record.topic())
                            .setParameter(2, record.partition())
                            .setParameter(3, record.offset())
                            .executeUpdate());
        }
        return chosen.size();
    }

    private interface Visitor {
        void visit(ConsumerRecord<String, byte[]> record, DeadLetter letter);
    }

    /** Reads this consumer's DLQs from their beginning to their end now, skipping what was replayed. */
    private void read(Visitor visitor) {
        List<String> topics = config.consumer().topics().orElse(List.of()).stream()
                .map(t -> t + ".dlq")
                .toList();
        if (topics.isEmpty()) {
            return;
        }
        Set<String> replayed = new HashSet<>();
        QuarkusTransaction.requiringNew().run(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(
                            "select dlq_topic, partition, dlq_offset from dead_letter_replayed")
                    .getResultList();
            rows.forEach(r -> replayed.add(r[0] + "-" + r[1] + "@" + r[2]));
        });
        String group = config.consumer().group();
        int seen = 0;
        try (KafkaConsumer<String, byte[]> consumer =
                clients.consumer(group + "-dead-letters", group + "-dead-letters-" + UUID.randomUUID(), MOST)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, Duration.ofSeconds(10))
                        .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (seen < MOST
                    && System.nanoTime() < deadline
                    && partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    String consumerOf = header(record, CONSUMER);
                    if ((consumerOf != null && !consumerOf.equals(group))
                            || replayed.contains(record.topic() + "-" + record.partition() + "@" + record.offset())) {
                        continue;
                    }
                    visitor.visit(
                            record,
                            new DeadLetter(
                                    record.topic(),
                                    record.partition(),
                                    record.offset(),
                                    header(record, ORIGIN),
                                    header(record, REASON),
                                    record.key(),
                                    Instant.ofEpochMilli(record.timestamp()).atOffset(ZoneOffset.UTC)));
                    seen++;
                }
            }
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
