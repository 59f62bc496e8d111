package it.ngsiena.participation.need;

import it.ngsiena.kernel.lifecycle.Lifecycle;
import it.ngsiena.kernel.text.Labelled;
import java.util.Set;

/**
 * A need's lifecycle: SUBMITTED → UNDER_REVIEW → PRIORITISED → IN_FEASIBILITY → ASSESSED, or
 * REJECTED from SUBMITTED or UNDER_REVIEW. A study abandoned takes the need from IN_FEASIBILITY to
 * FEASIBILITY_ABANDONED, from which a new study (opened by hand, or by prioritising the need again)
 * takes it back to IN_FEASIBILITY, or the partner rejects it: no need is left without a way on. Its
 * submitters may withdraw it (WITHDRAWN, with their reason) until it is prioritised or rejected.
 * Italian and English labels for clients.
 */
public enum NeedStatus implements Labelled, Lifecycle<NeedStatus> {
    SUBMITTED,
    UNDER_REVIEW,
    PRIORITISED,
    IN_FEASIBILITY,
    ASSESSED,
    REJECTED,
    FEASIBILITY_ABANDONED,
    WITHDRAWN;

    /** The states a need may move to from this one. */
    @Override
    public Set<NeedStatus> next() {
        return switch (this) {
            case SUBMITTED -> Set.of(UNDER_REVIEW, REJECTED, WITHDRAWN);
            case UNDER_REVIEW -> Set.of(PRIORITISED, REJECTED, WITHDRAWN);
            case PRIORITISED -> Set.of(IN_FEASIBILITY, ASSESSED);
            case IN_FEASIBILITY -> Set.of(ASSESSED, FEASIBILITY_ABANDONED);
            case FEASIBILITY_ABANDONED -> Set.of(PRIORITISED, IN_FEASIBILITY, ASSESSED, REJECTED);
            case ASSESSED, REJECTED, WITHDRAWN -> Set.of();
        };
    }

    /** Text may be edited only before a need is prioritised or rejected. */
    public boolean editable() {
        return this == SUBMITTED || this == UNDER_REVIEW;
    }
}
