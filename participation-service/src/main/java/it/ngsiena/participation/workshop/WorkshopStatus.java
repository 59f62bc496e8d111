package it.ngsiena.participation.workshop;

import it.ngsiena.kernel.lifecycle.Lifecycle;
import it.ngsiena.kernel.text.Labelled;
import java.util.Set;

/** PLANNED → HELD or CANCELLED. */
public enum WorkshopStatus implements Labelled, Lifecycle<WorkshopStatus> {
    PLANNED,
    HELD,
    CANCELLED;

    @Override
    public Set<WorkshopStatus> next() {
        return this == PLANNED ? Set.of(HELD, CANCELLED) : Set.of();
    }
}
