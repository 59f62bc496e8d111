package it.ngsiena.contracts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who publishes events: one Kafka topic, one CloudEvents source, one event type prefix. The four
 * workstreams are sources ({@link Workstream}), and so is the programme itself ({@link Programme}: its
 * membership, kept by the gateway).
 */
public interface EventSource {

    /** Lower-case name used in topics and event types, e.g. {@code participation}. */
    String id();

    /** CloudEvents {@code source}, e.g. {@code /participation-service}. */
    String source();

    /** The topic, e.g. {@code ngs.participation.v1}. */
    default String topic() {
        return "ngs." + id() + ".v1";
    }

    /** Where records that cannot be parsed end up: {@code <topic>.dlq}. */
    default String deadLetterTopic() {
        return topic() + ".dlq";
    }

    /** The event type prefix, e.g. {@code it.ngsiena.participation.}. */
    default String typePrefix() {
        return "it.ngsiena." + id() + ".";
    }

    /** Every source: the workstreams, then the programme. */
    static List<EventSource> all() {
        List<EventSource> all = new ArrayList<>(List.of(Workstream.values()));
        all.add(Programme.EVENTS);
        return List.copyOf(all);
    }

    /** The source an event type belongs to, read from the type's second segment. */
    static Optional<EventSource> ofEventType(String type) {
        return all().stream()
                .filter(s -> type != null && type.startsWith(s.typePrefix()))
                .findFirst();
    }

    static Optional<EventSource> fromId(String id) {
        return all().stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
