package it.ngsiena.feasibility.study;

import it.ngsiena.kernel.lifecycle.Lifecycle;
import it.ngsiena.kernel.text.Labelled;
import java.util.Set;

/** REQUESTED → IN_PROGRESS → COMPLETED, or ABANDONED from either open state. */
public enum StudyStatus implements Labelled, Lifecycle<StudyStatus> {
    REQUESTED,
    IN_PROGRESS,
    COMPLETED,
    ABANDONED;

    public boolean isOpen() {
        return this == REQUESTED || this == IN_PROGRESS;
    }

    @Override
    public Set<StudyStatus> next() {
        return switch (this) {
            case REQUESTED -> Set.of(IN_PROGRESS, ABANDONED);
            case IN_PROGRESS -> Set.of(COMPLETED, ABANDONED);
            case COMPLETED, ABANDONED -> Set.of();
        };
    }
}
