package it.ngsiena.bench;

import it.ngsiena.contracts.Workstream;
import it.ngsiena.contracts.participation.NeedSubmitted;
import it.ngsiena.kernel.events.EventCodec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The platform's event log seen from outside: the four topics and the gateway's copy of them. */
final class EventLog {

    private final String bootstrap;
    private final String gatewayJdbc;

    EventLog(String bootstrap, String gatewayJdbc) {
        this.bootstrap = bootstrap;
        this.gatewayJdbc = gatewayJdbc;
    }

    /** Records on each workstream topic now (end offsets). */
    Map<String, Long> recordsPerTopic() {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("key.deserializer", ByteArrayDeserializer.class.getName());
        p.put("value.deserializer", ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
            Map<String, Long> records = new java.util.LinkedHashMap<>();
            for (Workstream w : Workstream.values()) {
                List<TopicPartition> partitions = new ArrayList<>();
                consumer.partitionsFor(w.topic(), Duration.ofSeconds(10))
                        .forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
                records.put(
                        w.topic(),
                        consumer.endOffsets(partitions).values().stream()
                                .mapToLong(Long::longValue)
                                .sum());
            }
            return records;
        }
    }

    /**
     * Adds valid need-submitted events straight to the participation topic (set-up for the rebuild
     * benchmark: the services would take minutes to produce them through the API).
     */
    void addNeedsSubmitted(long count) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        String[] municipalities = {"052032", "052015", "052011", "052003", "052020"};
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
            for (long i = 0; i < count; i++) {
                UUID need = UUID.randomUUID();
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                String data = EventCodec.payloadJson(new NeedSubmitted(
                        need,
                        "Bisogno di prova " + i,
                        "GOVERNANCE",
                        List.of(municipalities[(int) (i % municipalities.length)]),
                        "bench",
                        now));
                producer.send(new ProducerRecord<>(
                        Workstream.PARTICIPATION.topic(),
                        need.toString(),
                        EventCodec.encode(
                                UUID.randomUUID().toString(),
                                Workstream.PARTICIPATION.source(),
                                NeedSubmitted.TYPE,
                                need.toString(),
                                now,
                                data)));
            }
            producer.flush();
        }
    }

    /** Rows in the gateway's activity log. */
    long gatewayRows() throws Exception {
        try (Connection c = DriverManager.getConnection(gatewayJdbc, "postgres", "");
                var rs = c.createStatement().executeQuery("select count(*) from activity")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Waits until the gateway has stored at least this many events. Counting a million rows takes a core for
     * a good part of a second, which the consumer being waited for needs: the highest sequence number (read
     * from its index; never below the count) is watched first, and the rows are counted only when it is there.
     */
    void awaitGatewayRows(long rows, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (highestSeq() < rows || gatewayRows() < rows) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the gateway holds " + gatewayRows() + " events, expected " + rows);
            }
            Thread.sleep(500);
        }
    }

    private long highestSeq() throws Exception {
        try (Connection c = DriverManager.getConnection(gatewayJdbc, "postgres", "");
                var rs = c.createStatement().executeQuery("select coalesce(max(seq), 0) from activity")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * For the needs created since {@code since} with the given title: how many needs, how many
     * need-submitted events the gateway holds for them, and for how many needs it holds exactly one.
     */
    long[] needsAndEvents(String participationJdbc, String title, OffsetDateTime since) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(participationJdbc, "postgres", "");
                var q = c.prepareStatement("select id from need where title = ? and created_at >= ?")) {
            q.setString(1, title);
            q.setObject(2, since);
            try (var rs = q.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        try (Connection c = DriverManager.getConnection(gatewayJdbc, "postgres", "");
                var q = c.prepareStatement("""
                     select count(*), count(*) filter (where n = 1) from (
                       select subject, count(*) n from activity
                       where event_type = ? and subject = any(?) group by subject) per_need""")) {
            q.setString(1, NeedSubmitted.TYPE);
            q.setArray(2, c.createArrayOf("text", ids.toArray()));
            try (var rs = q.executeQuery()) {
                rs.next();
                return new long[] {ids.size(), rs.getLong(1), rs.getLong(2)};
            }
        }
    }
}
