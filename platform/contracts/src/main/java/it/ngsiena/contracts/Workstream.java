package it.ngsiena.contracts;

import java.util.Arrays;
import java.util.Optional;

/**
 * The four workstreams of the programme, each owning one Kafka topic and one CloudEvents source.
 */
public enum Workstream implements EventSource {
    TRAINING("training"),
    PARTICIPATION("participation"),
    FEASIBILITY("feasibility"),
    COMMS("comms");

    private final String id;

    Workstream(String id) {
        this.id = id;
    }

    /** Lower-case name used in paths, topics and event types, e.g. {@code participation}. */
    @Override
    public String id() {
        return id;
    }

    /** CloudEvents {@code source} of the owning service, e.g. {@code /participation-service}. */
    @Override
    public String source() {
        return "/" + id + "-service";
    }

    public static Optional<Workstream> fromId(String id) {
        return Arrays.stream(values()).filter(w -> w.id.equals(id)).findFirst();
    }

    /** The workstream an event type belongs to, read from the type's second segment. */
    public static Optional<Workstream> ofEventType(String type) {
        return Arrays.stream(values())
                .filter(w -> type != null && type.startsWith(w.typePrefix()))
                .findFirst();
    }
}
