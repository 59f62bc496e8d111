package it.ngsiena.feasibility.opportunity;

import it.ngsiena.kernel.lifecycle.Lifecycle;
import it.ngsiena.kernel.text.Labelled;
import java.util.Set;

/**
 * OPEN while applications are taken (until its deadline), CLOSED early by the funder, or WITHDRAWN (cancelled):
 * the last two with a reason, neither reopened.
 */
public enum OpportunityStatus implements Labelled, Lifecycle<OpportunityStatus> {
    OPEN,
    CLOSED,
    WITHDRAWN;

    @Override
    public Set<OpportunityStatus> next() {
        return this == OPEN ? Set.of(CLOSED, WITHDRAWN) : Set.of();
    }
}
