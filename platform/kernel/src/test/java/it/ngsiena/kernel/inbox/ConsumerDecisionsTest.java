package it.ngsiena.kernel.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import it.ngsiena.kernel.events.IncomingEvent;
import it.ngsiena.kernel.events.MalformedEventException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The consumer's decisions, without a broker or a database. */
class ConsumerDecisionsTest {

    private static final String TOPIC = "ngs.participation.v1";

    private static IncomingEvent event(String id) {
        return new IncomingEvent(
                id,
                "it.ngsiena.participation.need.submitted.v1",
                "/participation-service",
                "n-1",
                OffsetDateTime.now(),
                TOPIC,
                JsonNodeFactory.instance.objectNode());
    }

    private static ConsumerRecord<String, byte[]> record(int partition, long offset) {
        return new ConsumerRecord<>(
                TOPIC, partition, offset, "key-" + offset, ("value-" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static ConsumerRecords<String, byte[]> poll(ConsumerRecord<String, byte[]>... records) {
        Map<TopicPartition, List<ConsumerRecord<String, byte[]>>> byPartition = new java.util.HashMap<>();
        for (var r : records) {
            byPartition
                    .computeIfAbsent(new TopicPartition(r.topic(), r.partition()), p -> new ArrayList<>())
                    .add(r);
        }
        return new ConsumerRecords<>(byPartition, Map.of());
    }

    /** A handler failing the first {@code failing} times. */
    private static Runnable failing(int failing, AtomicInteger calls, RuntimeException failure) {
        return () -> {
            if (calls.incrementAndGet() <= failing) {
                throw failure;
            }
        };
    }

    @Test
    void aFailingEventIsTriedAgainAfterAPauseAndHandledWhenItSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger pauses = new AtomicInteger();
        var outcome = ConsumerDecisions.tryUntilHandled(
                event("e-1"),
                failing(2, calls, new IllegalStateException("busy")),
                5,
                () -> true,
                () -> true,
                pauses::incrementAndGet);
        assertThat(outcome).isEqualTo(new ConsumerDecisions.Handled(2));
        assertThat(calls).hasValue(3);
        assertThat(pauses).hasValue(2);
    }

    @Test
    void theLastAllowedFailureSendsTheEventToTheDeadLetterTopicWithTheReason() {
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger pauses = new AtomicInteger();
        var outcome = ConsumerDecisions.tryUntilHandled(
                event("e-1"),
                failing(Integer.MAX_VALUE, calls, new IllegalStateException("no such study")),
                5,
                () -> true,
                () -> true,
                pauses::incrementAndGet);
        assertThat(outcome)
                .isEqualTo(new ConsumerDecisions.DeadLetter(
                        "handler failed 5 times: java.lang.IllegalStateException: no such study"));
        assertThat(calls).hasValue(5);
        assertThat(pauses).as("a pause between tries, none after the last").hasValue(4);
    }

    @Test
    void aRejectedEventGoesToTheDeadLetterTopicAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        var outcome = ConsumerDecisions.tryUntilHandled(
                event("e-1"),
                failing(1, calls, new MalformedEventException("no needId", null)),
                5,
                () -> true,
                () -> true,
                () -> {});
        assertThat(outcome).isEqualTo(new ConsumerDecisions.DeadLetter("rejected by a handler: no needId"));
        assertThat(calls).hasValue(1);
    }

    @Test
    void whileTheDatabaseIsDownFailuresAreNotTheEventsAndItWaits() {
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger checks = new AtomicInteger();
        // the database is down for the first 10 failures, then answers; the handler succeeds on the 13th try
        var outcome = ConsumerDecisions.tryUntilHandled(
                event("e-1"),
                failing(12, calls, new IllegalStateException("connection refused")),
                5,
                () -> checks.incrementAndGet() > 10,
                () -> true,
                () -> {});
        assertThat(outcome).isEqualTo(new ConsumerDecisions.Handled(2));
        assertThat(calls).hasValue(13);
    }

    @Test
    void aStoppingServiceLeavesTheEventForTheNextConsumer() {
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger checks = new AtomicInteger();
        var outcome = ConsumerDecisions.tryUntilHandled(
                event("e-1"),
                failing(Integer.MAX_VALUE, calls, new IllegalStateException("busy")),
                5,
                () -> true,
                () -> checks.incrementAndGet() <= 2,
                () -> {});
        assertThat(outcome).isEqualTo(new ConsumerDecisions.Stopped());
        assertThat(calls).hasValue(2);
    }

    @SuppressWarnings("unchecked")
    @Test
    void aPollCommitsTheOffsetAfterTheLastRecordOfEachPartition() {
        var records = poll(record(0, 7), record(0, 8), record(1, 3), record(0, 9));
        assertThat(ConsumerDecisions.offsetsAfter(records))
                .isEqualTo(Map.of(
                        new TopicPartition(TOPIC, 0), new OffsetAndMetadata(10),
                        new TopicPartition(TOPIC, 1), new OffsetAndMetadata(4)));
        assertThat(ConsumerDecisions.worthOneTransaction(records)).isTrue();
        assertThat(ConsumerDecisions.worthOneTransaction(poll(record(0, 1)))).isFalse();
    }

    @Test
    void onlyEventsNewToTheInboxAreHandedOverEachOnceInTheOrderRead() {
        var read = List.of(event("a"), event("b"), event("a"), event("c"), event("d"));
        // the inbox noted a, c and d now (b was handled before); a was read twice in the poll
        assertThat(ConsumerDecisions.fresh(read, List.of("d", "a", "c")))
                .extracting(IncomingEvent::id)
                .containsExactly("a", "c", "d");
        assertThat(ConsumerDecisions.fresh(read, List.of())).isEmpty();
    }

    @Test
    void aDeadLetterIsTheRecordAsItWasWithWhyWhoAndWhere() {
        var original = record(2, 41);
        original.headers().add("traceparent", "00-abc".getBytes(StandardCharsets.UTF_8));
        ProducerRecord<String, byte[]> dead = ConsumerDecisions.deadLetterOf(original, "unreadable: not JSON", "comms");
        assertThat(dead.topic()).isEqualTo(TOPIC + ".dlq");
        assertThat(dead.key()).isEqualTo("key-41");
        assertThat(dead.value()).isEqualTo(original.value());
        assertThat(header(dead, "traceparent")).isEqualTo("00-abc");
        assertThat(header(dead, DeadLetters.REASON)).isEqualTo("unreadable: not JSON");
        assertThat(header(dead, DeadLetters.CONSUMER)).isEqualTo("comms");
        assertThat(header(dead, DeadLetters.ORIGIN)).isEqualTo(TOPIC + "-2@41");
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
