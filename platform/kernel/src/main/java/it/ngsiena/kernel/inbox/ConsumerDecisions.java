package it.ngsiena.kernel.inbox;

import it.ngsiena.kernel.events.IncomingEvent;
import it.ngsiena.kernel.events.MalformedEventException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * The event consumer's decisions, apart from Kafka's client and the database, so that unit tests walk
 * them in milliseconds ({@link EventConsumer} runs them): what to commit after a poll, which events of a
 * poll are new to the inbox, how long to keep trying an event a handler fails, and what a dead letter
 * carries.
 */
final class ConsumerDecisions {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    private ConsumerDecisions() {}

    /** How trying one event ended. */
    sealed interface Outcome permits Handled, DeadLetter, Stopped {}

    /** Handled, after this many failures. */
    record Handled(int failures) implements Outcome {}

    /** To the dead-letter topic, for this reason. */
    record DeadLetter(String reason) implements Outcome {}

    /** The service is stopping: the event is neither handled nor set aside, and comes again. */
    record Stopped() implements Outcome {}

    /**
     * Tries one event until it is handled or dead-lettered: a handler that rejects it
     * ({@link MalformedEventException}) sends it to the DLQ at once; another failure is tried again after
     * {@code pause}, and the {@code maxAttempts}-th failure while the database answers sends it to the
     * DLQ, so one bad event cannot stop its partition. While the database does not answer, failures are
     * not the event's and are not counted: it waits.
     */
    static Outcome tryUntilHandled(
            IncomingEvent event,
            Runnable handleOnce,
            int maxAttempts,
            BooleanSupplier databaseAnswers,
            BooleanSupplier running,
            Runnable pause) {
        int failures = 0;
        while (running.getAsBoolean()) {
            try {
                handleOnce.run();
                return new Handled(failures);
            } catch (MalformedEventException e) {
                return new DeadLetter("rejected by a handler: " + e.getMessage());
            } catch (RuntimeException e) {
                if (!databaseAnswers.getAsBoolean()) {
                    LOG.warnf("Handling event %s waits for the database (%s)", event.id(), e.getMessage());
                } else if (++failures >= maxAttempts) {
                    LOG.errorf(
                            "Handling event %s (%s) failed %d times, the last: %s; sent to the DLQ",
                            event.id(), event.type(), failures, e.toString());
                    return new DeadLetter("handler failed " + failures + " times: " + e);
                } else {
                    LOG.warnf(
                            "Handling event %s (%s) failed (%s); try %d of %d after a pause",
                            event.id(), event.type(), e.getMessage(), failures + 1, maxAttempts);
                }
                pause.run();
            }
        }
        return new Stopped();
    }

    /**
     * What to commit once a poll's records are handled (or dead-lettered): per partition, the offset after
     * its last record. Once per poll: a crash before the commit redelivers the poll, which the inbox makes
     * harmless; committing per record cost a broker round trip per event.
     */
    static Map<TopicPartition, OffsetAndMetadata> offsetsAfter(ConsumerRecords<?, ?> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            var inPartition = records.records(partition);
            offsets.put(
                    partition,
                    new OffsetAndMetadata(
                            inPartition.get(inPartition.size() - 1).offset() + 1));
        }
        return offsets;
    }

    /** Whether a poll is handled in one transaction first: one record is handled alone anyway. */
    static boolean worthOneTransaction(ConsumerRecords<?, ?> records) {
        return records.count() > 1;
    }

    /**
     * The events of a poll that the inbox noted now ({@code inserted}: not handled before), in the order
     * read; an id read twice in one poll is handed over once.
     */
    static List<IncomingEvent> fresh(List<IncomingEvent> read, Collection<String> inserted) {
        Set<String> left = new HashSet<>(inserted);
        List<IncomingEvent> fresh = new ArrayList<>(left.size());
        for (IncomingEvent event : read) {
            if (left.remove(event.id())) {
                fresh.add(event);
            }
        }
        return fresh;
    }

    /**
     * The record as it was, to {@code <topic>.dlq} under the same key, with its headers and three more: why,
     * which consumer group gave up, and where it was read ({@code topic-partition@offset}).
     */
    static ProducerRecord<String, byte[]> deadLetterOf(
            ConsumerRecord<String, byte[]> record, String reason, String group) {
        ProducerRecord<String, byte[]> out =
                new ProducerRecord<>(record.topic() + ".dlq", record.key(), record.value());
        record.headers().forEach(h -> out.headers().add(h));
        out.headers().add(DeadLetters.REASON, reason.getBytes(StandardCharsets.UTF_8));
        out.headers().add(DeadLetters.CONSUMER, group.getBytes(StandardCharsets.UTF_8));
        out.headers()
                .add(
                        DeadLetters.ORIGIN,
                        (record.topic() + "-" + record.partition() + "@" + record.offset())
                                .getBytes(StandardCharsets.UTF_8));
        return out;
    }
}
