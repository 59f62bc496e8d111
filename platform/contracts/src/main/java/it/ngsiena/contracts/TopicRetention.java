package it.ngsiena.contracts;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How long the platform's topics keep their records (Kafka's {@code retention.ms}), wherever a broker is
 * set up: the production KafkaTopics, the local and test brokers.
 */
public final class TopicRetention {

    /** A source's topic keeps every event for ever: the gateway rebuilds its read models from the beginning. */
    public static final String KEPT_FOR_EVER = "-1";

    /** A dead letter waits a year to be replayed; the event it stands for is still in its source's topic. */
    public static final String DEAD_LETTERS =
            String.valueOf(Duration.ofDays(365).toMillis());

    private TopicRetention() {}

    /** Every source's topic and dead-letter topic, each with the retention.ms it must have. */
    public static Map<String, String> ofEveryTopic() {
        Map<String, String> retention = new LinkedHashMap<>();
        for (EventSource source : EventSource.all()) {
            retention.put(source.topic(), KEPT_FOR_EVER);
            retention.put(source.deadLetterTopic(), DEAD_LETTERS);
        }
        return retention;
    }
}
