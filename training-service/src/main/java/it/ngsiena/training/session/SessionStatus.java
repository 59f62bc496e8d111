package it.ngsiena.training.session;

import it.ngsiena.kernel.lifecycle.Lifecycle;
import it.ngsiena.kernel.text.Labelled;
import java.util.Set;

/** SCHEDULED → HELD or CANCELLED. */
public enum SessionStatus implements Labelled, Lifecycle<SessionStatus> {
    SCHEDULED,
    HELD,
    CANCELLED;

    @Override
    public Set<SessionStatus> next() {
        return this == SCHEDULED ? Set.of(HELD, CANCELLED) : Set.of();
    }
}
