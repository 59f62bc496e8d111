package it.ngsiena.training.session;

import it.ngsiena.kernel.lifecycle.Lifecycle;
import java.util.Set;

/** SCHEDULED → HELD or CANCELLED. */
public enum SessionStatus implements Lifecycle<SessionStatus> {
    SCHEDULED,
    HELD,
    CANCELLED;

    @Override
    public Set<SessionStatus> next() {
        return this == SCHEDULED ? Set.of(HELD, CANCELLED) : Set.of();
    }
}
