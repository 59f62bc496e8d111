package it.ngsiena.comms.drafts;

import it.ngsiena.comms.announcement.AnnouncementService;
import it.ngsiena.comms.calendar.Calendar;
import it.ngsiena.comms.calendar.CalendarEntry;
import it.ngsiena.contracts.comms.ItemReference;
import it.ngsiena.contracts.feasibility.StudyCompleted;
import it.ngsiena.contracts.participation.WorkshopHeld;
import it.ngsiena.contracts.training.SessionHeld;
import it.ngsiena.contracts.training.SessionScheduled;
import it.ngsiena.kernel.events.IncomingEvent;
import it.ngsiena.kernel.inbox.TypedEventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Writes a DRAFT announcement in Italian for the editors when something worth telling happens in
 * another workstream: a session scheduled or held, a workshop held, a study completed. One draft per
 * source event, however often it is delivered; the editors then rewrite, publish or leave it.
 */
@ApplicationScoped
public class EventDrafts extends TypedEventHandler {

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMMM yyyy 'alle' HH:mm", Locale.ITALIAN);

    private final AnnouncementService announcements;
    private final Calendar calendar;

    EventDrafts(AnnouncementService announcements, Calendar calendar) {
        this.announcements = announcements;
        this.calendar = calendar;
        on(SessionScheduled.class, this::sessionScheduled);
        on(SessionHeld.class, this::sessionHeld);
        on(WorkshopHeld.class, this::workshopHeld);
        on(StudyCompleted.class, this::studyCompleted);
    }

    private void sessionScheduled(IncomingEvent event, SessionScheduled s) {
        String when = DAY.format(s.startsAt().atZoneSameInstant(java.time.ZoneId.of("Europe/Rome")));
        announcements.draftFromEvent(
                event.id(),
                "In programma: " + s.title(),
                "Il " + when + " si terrà *" + s.title() + "*"
                        + (s.venue() == null ? " online." : " presso " + s.venue() + ".")
                        + "\n\nPosti disponibili: " + s.capacity() + ".",
                List.of("formazione"),
                List.of(),
                new ItemReference("TRAINING_SESSION", s.sessionId().toString()),
                event.time());
    }

    private void sessionHeld(IncomingEvent event, SessionHeld s) {
        String title = calendar.find(CalendarEntry.SESSION, s.sessionId())
                .map(e -> e.title)
                .orElse("una sessione di formazione");
        int attendees = s.attendance() == null
                ? 0
                : s.attendance().stream()
                        .mapToInt(SessionHeld.MunicipalityAttendance::attendees)
                        .sum();
        List<String> concerned = s.attendance() == null
                ? List.of()
                : s.attendance().stream()
                        .map(SessionHeld.MunicipalityAttendance::municipality)
                        .toList();
        announcements.draftFromEvent(
                event.id(),
                "Si è svolta: " + title,
                "Si è svolta *" + title + "*: "
                        + s.deliveredHours().stripTrailingZeros().toPlainString()
                        + " ore di formazione"
                        + (attendees > 0
                                ? ", con " + attendees + " partecipanti da " + concerned.size() + " comuni."
                                : "."),
                List.of("formazione"),
                concerned,
                new ItemReference("TRAINING_SESSION", s.sessionId().toString()),
                event.time());
    }

    private void workshopHeld(IncomingEvent event, WorkshopHeld w) {
        announcements.draftFromEvent(
                event.id(),
                "Laboratorio partecipativo: " + w.title(),
                "Si è svolto il laboratorio *" + w.title() + "*, con " + w.attendanceCount()
                        + " partecipanti dai comuni coinvolti.",
                List.of("partecipazione"),
                w.municipalities(),
                new ItemReference("WORKSHOP", w.workshopId().toString()),
                event.time());
    }

    private void studyCompleted(IncomingEvent event, StudyCompleted s) {
        String title = s.title() == null ? "uno studio di fattibilità" : s.title();
        announcements.draftFromEvent(
                event.id(),
                "Studio completato: " + title,
                "Open Impact ha completato *" + title + "* con esito **" + verdict(s.verdict()) + "**"
                        + (s.estimatedCostEur() == null ? "." : "; costo stimato " + euro(s.estimatedCostEur()) + "."),
                List.of("fattibilita"),
                s.municipalities(),
                new ItemReference("STUDY", s.studyId().toString()),
                event.time());
    }

    private static String verdict(String verdict) {
        return switch (verdict) {
            case "FEASIBLE" -> "fattibile";
            case "FEASIBLE_WITH_CONDITIONS" -> "fattibile a condizioni";
            case "NOT_FEASIBLE" -> "non fattibile";
            default -> verdict;
        };
    }

    private static String euro(BigDecimal amount) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.ITALY);
        return format.format(amount);
    }
}
