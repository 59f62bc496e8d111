package it.ngsiena.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import it.ngsiena.contracts.EventCatalog;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads and writes raw records of a topic, for tests that check what is really on Kafka. */
public final class TopicProbe {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String bootstrapServers;

    public TopicProbe(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Every record on the topic from its beginning, read until {@code quiet} passes with nothing new. */
    public List<ConsumerRecord<String, byte[]>> readAll(String topic, Duration quiet) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            long lastNew = System.nanoTime();
            while (System.nanoTime() < deadline && System.nanoTime() - lastNew < quiet.toNanos()) {
                var batch = consumer.poll(Duration.ofMillis(200));
                batch.forEach(records::add);
                if (!batch.isEmpty() || consumer.assignment().isEmpty()) {
                    lastNew = System.nanoTime();
                }
            }
            return records;
        }
    }

    /** Waits for a record matching the predicate; fails after the timeout. */
    public ConsumerRecord<String, byte[]> await(
            String topic, Predicate<ConsumerRecord<String, byte[]>> match, Duration timeout) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (match.test(record)) {
                        return record;
                    }
                }
            }
            throw new AssertionError("no matching record on " + topic + " within " + timeout);
        }
    }

    /**
     * Sends a record; a structured CloudEvent of a catalogued type must obey its type's JSON Schema
     * ({@link EventSchemaCheck}), so what a test publishes is what the services could. A test that publishes
     * broken data on purpose (a poison record) uses {@link #sendAsIs}.
     */
    public void send(String topic, String key, byte[] value) {
        requireSchemaOfCataloguedEvent(value);
        sendAsIs(topic, key, value);
    }

    /** Sends the record as it is, whatever it holds. */
    public void sendAsIs(String topic, String key, byte[] value) {
        send(new ProducerRecord<>(topic, key, value));
    }

    private static void requireSchemaOfCataloguedEvent(byte[] value) {
        JsonNode event;
        try {
            event = JSON.readTree(value);
        } catch (IOException notJson) {
            return;
        }
        if (event != null && event.hasNonNull("specversion") && event.hasNonNull("data")) {
            String type = event.path("type").asText();
            if (EventCatalog.PLATFORM.knows(type)) {
                EventSchemaCheck.requireValid(type, event.get("data").toString());
            }
        }
    }

    /** Sends one record (with whatever headers it carries) and waits for the broker's acknowledgement. */
    public void send(ProducerRecord<String, byte[]> record) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers);
        p.put("acks", "all");
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot send to " + record.topic(), e);
        }
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers);
        p.put("group.id", "probe-" + UUID.randomUUID());
        p.put("auto.offset.reset", "earliest");
        p.put("enable.auto.commit", "false");
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
