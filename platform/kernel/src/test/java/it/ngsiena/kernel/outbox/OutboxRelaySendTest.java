package it.ngsiena.kernel.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The relay's decision of what a batch sent: the acknowledged prefix, in the outbox's order. */
class OutboxRelaySendTest {

    static List<OutboxEvent> pending(int count) {
        return LongStream.rangeClosed(1, count)
                .mapToObj(seq -> {
                    OutboxEvent e = new OutboxEvent();
                    e.seq = seq;
                    e.eventId = UUID.randomUUID();
                    e.topic = "ngs.participation.v1";
                    e.source = "/participation-service";
                    e.type = "it.ngsiena.participation.need.submitted.v1";
                    e.subject = UUID.randomUUID().toString();
                    e.occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
                    e.data = "{}";
                    return e;
                })
                .toList();
    }

    static MockProducer<String, byte[]> producer() {
        return new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
    }

    /** Runs the send while the test answers for Kafka, once all records were handed to the producer. */
    static List<Long> sendAnswering(MockProducer<String, byte[]> producer, List<OutboxEvent> batch, Runnable kafka)
            throws Exception {
        CompletableFuture<List<Long>> sent =
                CompletableFuture.supplyAsync(() -> OutboxRelay.sendInOrder(producer, batch));
        while (producer.history().size() < batch.size() && !sent.isDone()) {
            Thread.sleep(5);
        }
        kafka.run();
        return sent.get();
    }

    @Test
    void everythingAcknowledgedIsEverythingSent() throws Exception {
        MockProducer<String, byte[]> producer = producer();
        List<Long> sent = sendAnswering(producer, pending(3), () -> {
            while (producer.completeNext()) {
                // acknowledge each in turn
            }
        });
        assertThat(sent).containsExactly(1L, 2L, 3L);
        assertThat(producer.history()).extracting(r -> r.topic()).containsOnly("ngs.participation.v1");
    }

    @Test
    void anEventAfterAFailedOneIsNotMarkedSentEvenIfKafkaTookIt() throws Exception {
        MockProducer<String, byte[]> producer = producer();
        List<Long> sent = sendAnswering(producer, pending(4), () -> {
            producer.completeNext();
            producer.errorNext(new org.apache.kafka.common.errors.TimeoutException("no ack"));
            producer.completeNext();
            producer.completeNext();
        });
        assertThat(sent).containsExactly(1L);
    }

    @Test
    void aSendTheProducerRefusesEndsTheBatchThere() throws Exception {
        MockProducer<String, byte[]> producer = producer();
        producer.sendException = new org.apache.kafka.common.KafkaException("buffer exhausted");
        assertThat(OutboxRelay.sendInOrder(producer, pending(2))).isEmpty();
    }
}
