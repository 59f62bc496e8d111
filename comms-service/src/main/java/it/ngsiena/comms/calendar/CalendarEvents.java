package it.ngsiena.comms.calendar;

import it.ngsiena.contracts.participation.WorkshopCancelled;
import it.ngsiena.contracts.participation.WorkshopPlanned;
import it.ngsiena.contracts.training.SessionCancelled;
import it.ngsiena.contracts.training.SessionRescheduled;
import it.ngsiena.contracts.training.SessionScheduled;
import it.ngsiena.kernel.events.IncomingEvent;
import it.ngsiena.kernel.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Puts the training sessions and the participation workshops into the calendar, moves them when
 * they are rescheduled (a workshop planned again is a move) and marks them cancelled.
 */
@ApplicationScoped
public class CalendarEvents implements EventHandler {

    private static final Logger LOG = Logger.getLogger(CalendarEvents.class);

    private final Calendar calendar;

    CalendarEvents(Calendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public void handle(IncomingEvent event) {
        switch (event.type()) {
            case SessionScheduled.TYPE -> {
                SessionScheduled s = event.dataAs(SessionScheduled.class);
                calendar.schedule(CalendarEntry.SESSION, s.sessionId(), s.title(), s.startsAt(), s.endsAt(), s.venue(),
                        List.of());
            }
            case SessionRescheduled.TYPE -> {
                SessionRescheduled s = event.dataAs(SessionRescheduled.class);
                if (calendar.find(CalendarEntry.SESSION, s.sessionId()).isEmpty()) {
                    LOG.warnf("Session %s rescheduled before it was scheduled here: skipped", s.sessionId());
                    return;
                }
                calendar.schedule(CalendarEntry.SESSION, s.sessionId(), null, s.startsAt(), s.endsAt(), s.venue(),
                        null);
            }
            case SessionCancelled.TYPE -> calendar.cancel(CalendarEntry.SESSION,
                    event.dataAs(SessionCancelled.class).sessionId());
            case WorkshopPlanned.TYPE -> {
                WorkshopPlanned w = event.dataAs(WorkshopPlanned.class);
                calendar.schedule(CalendarEntry.WORKSHOP, w.workshopId(), w.title(), w.startsAt(), w.endsAt(),
                        w.place(), w.municipalities());
            }
            case WorkshopCancelled.TYPE -> calendar.cancel(CalendarEntry.WORKSHOP,
                    event.dataAs(WorkshopCancelled.class).workshopId());
            default -> {
                // Other events do not concern the calendar.
            }
        }
    }
}
