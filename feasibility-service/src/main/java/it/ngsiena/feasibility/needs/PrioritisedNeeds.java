package it.ngsiena.feasibility.needs;

import it.ngsiena.contracts.participation.NeedPrioritised;
import it.ngsiena.feasibility.study.StudyService;
import it.ngsiena.kernel.events.IncomingEvent;
import it.ngsiena.kernel.events.MalformedEventException;
import it.ngsiena.kernel.inbox.TypedEventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Opens a REQUESTED study for every need the participation workstream prioritises. The kernel's
 * consumer applies each event once; the study service also refuses a second study for the same need,
 * so a need prioritised again (a new event) does not get a duplicate either.
 */
@ApplicationScoped
public class PrioritisedNeeds extends TypedEventHandler {

    private static final Logger LOG = Logger.getLogger(PrioritisedNeeds.class);

    private final StudyService studies;

    PrioritisedNeeds(StudyService studies) {
        this.studies = studies;
        on(NeedPrioritised.class, this::prioritised);
    }

    private void prioritised(IncomingEvent event, NeedPrioritised need) {
        if (need.needId() == null
                || need.municipalities() == null
                || need.municipalities().isEmpty()) {
            throw new MalformedEventException("need prioritised without need id or municipalities", null);
        }
        studies.openForNeed(
                        need.needId(),
                        need.title() == null ? need.needId().toString() : need.title(),
                        need.theme(),
                        need.municipalities(),
                        event.id(),
                        event.time())
                .ifPresentOrElse(
                        s -> LOG.infof(
                                "Study %s requested for prioritised need %s (event %s)",
                                s.id, need.needId(), event.id()),
                        () -> LOG.infof(
                                "Need %s already has a study: event %s changes nothing", need.needId(), event.id()));
    }
}
