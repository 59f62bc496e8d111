package it.ngsiena.participation.need;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The moves caused by other workstreams' events, with their events dated as the causing event (the caller
 * holds the transaction).
 */
@ApplicationScoped
public class NeedTransitions {

    private final NeedEvents events;

    NeedTransitions(NeedEvents events) {
        this.events = events;
    }

    public void startFeasibility(Need need, UUID studyId, OffsetDateTime at) {
        NeedStatus from = need.status;
        need.startFeasibility(studyId);
        events.statusChanged(need, from, at);
    }

    public void feasibilityAbandoned(Need need, String reason, OffsetDateTime at) {
        NeedStatus from = need.status;
        need.feasibilityAbandoned(reason);
        events.statusChanged(need, from, at);
    }

    public void assess(Need need, UUID studyId, String verdict, OffsetDateTime at) {
        NeedStatus from = need.status;
        need.assess(studyId, verdict);
        events.statusChanged(need, from, at);
    }
}
