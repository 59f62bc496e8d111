package it.ngsiena.gateway.reporting;

import it.ngsiena.contracts.feasibility.StudyCompleted;
import it.ngsiena.contracts.participation.NeedSubmitted;
import it.ngsiena.contracts.participation.WorkshopHeld;
import it.ngsiena.contracts.training.SessionHeld;
import it.ngsiena.kernel.text.Labelled;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the programme sets targets for, each counted from public events (so every caller reads the same
 * achievement): needs collected, workshops held, feasibility studies completed, and training attendances
 * (a person at a session, from the sessions' attendance totals).
 */
@Schema(
        name = "Indicator",
        description = "NEEDS_COLLECTED: needs submitted; WORKSHOPS_HELD: participatory workshops held;"
                + " STUDIES_COMPLETED: feasibility studies completed; TRAINING_ATTENDANCES: people at training"
                + " sessions held (one per person and session)")
public enum Indicator implements Labelled {
    NEEDS_COLLECTED(NeedSubmitted.TYPE),
    WORKSHOPS_HELD(WorkshopHeld.TYPE),
    STUDIES_COMPLETED(StudyCompleted.TYPE),
    TRAINING_ATTENDANCES(SessionHeld.TYPE);

    /** The event type it counts. */
    final String eventType;

    Indicator(String eventType) {
        this.eventType = eventType;
    }
}
