package it.ngsiena.participation.workshop;

import it.ngsiena.kernel.lifecycle.Lifecycle;
import it.ngsiena.kernel.text.Labelled;
import java.util.Set;

/** PLANNED → HELD or CANCELLED. */
public enum WorkshopStatus implements Labelled, Lifecycle<WorkshopStatus> {
    PLANNED("Programmato", "Planned"),
    HELD("Svolto", "Held"),
    CANCELLED("Annullato", "Cancelled");

    private final Label label;

    WorkshopStatus(String it, String en) {
        this.label = new Label(it, en);
    }

    @Override
    public Label label() {
        return label;
    }

    @Override
    public Set<WorkshopStatus> next() {
        return this == PLANNED ? Set.of(HELD, CANCELLED) : Set.of();
    }
}
