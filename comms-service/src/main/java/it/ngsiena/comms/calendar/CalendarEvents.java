package it.ngsiena.comms.calendar;

import it.ngsiena.contracts.participation.WorkshopCancelled;
import it.ngsiena.contracts.participation.WorkshopPlanned;
import it.ngsiena.contracts.training.SessionCancelled;
import it.ngsiena.contracts.training.SessionRescheduled;
import it.ngsiena.contracts.training.SessionScheduled;
import it.ngsiena.kernel.events.IncomingEvent;
import it.ngsiena.kernel.inbox.TypedEventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Puts the training sessions and the participation workshops into the calendar, moves them when
 * they are rescheduled (a workshop planned again is a move) and marks them cancelled.
 */
@ApplicationScoped
public class CalendarEvents extends TypedEventHandler {

    private static final Logger LOG = Logger.getLogger(CalendarEvents.class);

    private final Calendar calendar;

    CalendarEvents(Calendar calendar) {
        this.calendar = calendar;
        on(
                SessionScheduled.class,
                (event, s) -> calendar.schedule(
                        CalendarEntry.SESSION,
                        s.sessionId(),
                        s.title(),
                        s.startsAt(),
                        s.endsAt(),
                        s.venue(),
                        List.of()));
        on(SessionRescheduled.class, this::rescheduled);
        on(SessionCancelled.class, (event, s) -> calendar.cancel(CalendarEntry.SESSION, s.sessionId()));
        on(
                WorkshopPlanned.class,
                (event, w) -> calendar.schedule(
                        CalendarEntry.WORKSHOP,
                        w.workshopId(),
                        w.title(),
                        w.startsAt(),
                        w.endsAt(),
                        w.place(),
                        w.municipalities()));
        on(WorkshopCancelled.class, (event, w) -> calendar.cancel(CalendarEntry.WORKSHOP, w.workshopId()));
    }

    private void rescheduled(IncomingEvent event, SessionRescheduled s) {
        if (calendar.find(CalendarEntry.SESSION, s.sessionId()).isEmpty()) {
            LOG.warnf("Session %s rescheduled before it was scheduled here: skipped", s.sessionId());
            return;
        }
        calendar.schedule(CalendarEntry.SESSION, s.sessionId(), null, s.startsAt(), s.endsAt(), s.venue(), null);
    }
}
