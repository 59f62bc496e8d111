package it.ngsiena.participation.feasibility;

import it.ngsiena.contracts.feasibility.StudyAbandoned;
import it.ngsiena.contracts.feasibility.StudyCompleted;
import it.ngsiena.contracts.feasibility.StudyRequested;
import it.ngsiena.kernel.events.IncomingEvent;
import it.ngsiena.kernel.inbox.TypedEventHandler;
import it.ngsiena.participation.need.Need;
import it.ngsiena.participation.need.NeedRepository;
import it.ngsiena.participation.need.NeedStatus;
import it.ngsiena.participation.need.NeedTransitions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Moves needs along with the feasibility workstream: a study requested for a prioritised need (or one
 * whose study was abandoned) takes it to IN_FEASIBILITY; a completed study takes it to ASSESSED with the
 * study and its verdict; an abandoned study takes it to FEASIBILITY_ABANDONED with the study's reason as
 * its answer, when it was the need's current study. Each move is dated as the event that caused it. Runs in the
 * kernel's idempotent consumer: a redelivered event changes nothing. An event about a need this
 * service does not know, or in a state that does not allow the move, is logged and skipped.
 */
@ApplicationScoped
public class StudyReactions extends TypedEventHandler {

    private static final Logger LOG = Logger.getLogger(StudyReactions.class);

    private final NeedRepository needs;
    private final NeedTransitions transitions;

    StudyReactions(NeedRepository needs, NeedTransitions transitions) {
        this.needs = needs;
        this.transitions = transitions;
        on(StudyRequested.class, this::requested);
        on(StudyCompleted.class, this::completed);
        on(StudyAbandoned.class, this::abandoned);
    }

    private void requested(IncomingEvent event, StudyRequested requested) {
        for (UUID needId : requested.needIds()) {
            withNeed(needId, event, need -> {
                if (need.status == NeedStatus.PRIORITISED || need.status == NeedStatus.FEASIBILITY_ABANDONED) {
                    transitions.startFeasibility(need, requested.studyId(), event.time());
                } else {
                    LOG.infof(
                            "Study %s requested for need %s in state %s: no move",
                            requested.studyId(), needId, need.status);
                }
            });
        }
    }

    private void completed(IncomingEvent event, StudyCompleted completed) {
        for (UUID needId : completed.needIds()) {
            withNeed(needId, event, need -> {
                if (need.status == NeedStatus.PRIORITISED
                        || need.status == NeedStatus.IN_FEASIBILITY
                        || need.status == NeedStatus.FEASIBILITY_ABANDONED) {
                    transitions.assess(need, completed.studyId(), completed.verdict(), event.time());
                } else {
                    LOG.infof(
                            "Study %s completed for need %s in state %s: no move",
                            completed.studyId(), needId, need.status);
                }
            });
        }
    }

    private void abandoned(IncomingEvent event, StudyAbandoned abandoned) {
        for (UUID needId : abandoned.needIds()) {
            withNeed(needId, event, need -> {
                // Only the study the need is in: an older study abandoned late says nothing of the current one.
                if (need.status == NeedStatus.IN_FEASIBILITY
                        && abandoned.studyId().equals(need.studyId)) {
                    transitions.feasibilityAbandoned(need, abandoned.reason(), event.time());
                } else {
                    LOG.infof(
                            "Study %s abandoned for need %s in state %s (study %s): no move",
                            abandoned.studyId(), needId, need.status, need.studyId);
                }
            });
        }
    }

    private void withNeed(UUID needId, IncomingEvent event, java.util.function.Consumer<Need> action) {
        if (needId == null) {
            return;
        }
        needs.findByIdOptional(needId)
                .ifPresentOrElse(
                        action,
                        () -> LOG.warnf(
                                "Event %s (%s) refers to unknown need %s: skipped", event.id(), event.type(), needId));
    }
}
