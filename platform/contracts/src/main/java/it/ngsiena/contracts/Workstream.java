package it.ngsiena.contracts;

import java.util.Arrays;
import java.util.Optional;

/**
 * The four workstreams of the programme, each owning one Kafka topic and one CloudEvents source.
 */
public enum Workstream {
    TRAINING("training"),
    PARTICIPATION("participation"),
    FEASIBILITY("feasibility"),
    COMMS("comms");

    private final String id;

    Workstream(String id) {
        this.id = id;
    }

    /** Lower-case name used in paths, topics and event types, e.g. {@code participation}. */
    public String id() {
        return id;
    }

    /** The workstream's topic, e.g. {@code ngs.participation.v1}. */
    public String topic() {
        return "ngs." + id + ".v1";
    }

    /** Where records that cannot be parsed end up: {@code <topic>.dlq}. */
    public String deadLetterTopic() {
        return topic() + ".dlq";
    }

    /** CloudEvents {@code source} of the owning service, e.g. {@code /participation-service}. */
    public String source() {
        return "/" + id + "-service";
    }

    /** The event type prefix, e.g. {@code it.ngsiena.participation.}. */
    public String typePrefix() {
        return "it.ngsiena." + id + ".";
    }

    public static Optional<Workstream> fromId(String id) {
        return Arrays.stream(values()).filter(w -> w.id.equals(id)).findFirst();
    }

    /** The workstream an event type belongs to, read from the type's second segment. */
    public static Optional<Workstream> ofEventType(String type) {
        return Arrays.stream(values()).filter(w -> type != null && type.startsWith(w.typePrefix())).findFirst();
    }
}
