package it.ngsiena.gateway.programme;

import it.ngsiena.kernel.text.Labelled;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How a municipality takes part in the programme during a period. */
@Schema(
        name = "MembershipRole",
        description =
                "LEAD: leads the programme (Comune di Siena at the kickoff); MEMBER:"
                        + " takes part in the workstreams; OBSERVER: follows the programme without taking part in its decisions")
public enum MembershipRole implements Labelled {
    LEAD,
    MEMBER,
    OBSERVER
}
