package it.ngsiena.gateway;

import it.ngsiena.kernel.kafka.EventsConfig;
import it.ngsiena.kernel.kafka.KafkaClients;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** The real Kafka clients, whose consumers' next poll throws (an exception or an Error) when a test asks for it. */
@Alternative
@Priority(1)
@Singleton
public class FaultyKafkaClients extends KafkaClients {

    /** Set by a test: the next poll of any consumer throws an exception, once. */
    public static final AtomicBoolean FAIL_NEXT_POLL = new AtomicBoolean();
    /** Set by a test: the next poll throws an Error, which no supervision catches: the thread ends. */
    public static final AtomicBoolean KILL_NEXT_POLL = new AtomicBoolean();

    FaultyKafkaClients(EventsConfig config) {
        super(config);
    }

    @Override
    protected KafkaConsumer<String, byte[]> newConsumer(Properties settings) {
        return new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer()) {
            @Override
            public ConsumerRecords<String, byte[]> poll(Duration timeout) {
                if (FAIL_NEXT_POLL.getAndSet(false)) {
                    throw new KafkaException("injected by the test");
                }
                if (KILL_NEXT_POLL.getAndSet(false)) {
                    throw new StackOverflowError("injected by the test");
                }
                return super.poll(timeout);
            }
        };
    }
}
