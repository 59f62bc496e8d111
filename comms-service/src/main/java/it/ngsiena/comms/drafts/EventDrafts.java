package it.ngsiena.comms.drafts;

import it.ngsiena.comms.announcement.AnnouncementService;
import it.ngsiena.comms.announcement.AnnouncementService.Wording;
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
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes DRAFT announcements for the editors, in Italian and in English (a translation of the Italian one),
 * when something worth telling happens in another workstream: a session scheduled or held, a workshop held,
 * a study completed. One pair per source event, however often it is delivered; the editors then rewrite,
 * publish or leave them.
 */
@ApplicationScoped
public class EventDrafts extends TypedEventHandler {

    private static final ZoneId ROME = ZoneId.of("Europe/Rome");
    private static final DateTimeFormatter DAY_IT =
            DateTimeFormatter.ofPattern("d MMMM yyyy 'alle' HH:mm", Locale.ITALIAN);
    private static final DateTimeFormatter DAY_EN =
            DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.ENGLISH);

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
        ZonedDateTime starts = s.startsAt().atZoneSameInstant(ROME);
        announcements.draftFromEvent(
                event.id(),
                new Wording(
                        "In programma: " + s.title(),
                        "Il " + DAY_IT.format(starts) + " si terrà *" + s.title() + "*"
                                + (s.venue() == null ? " online." : " presso " + s.venue() + ".")
                                + "\n\nPosti disponibili: " + s.capacity() + "."),
                new Wording(
                        "Coming up: " + s.title(),
                        "On " + DAY_EN.format(starts) + ", *" + s.title() + "* takes place"
                                + (s.venue() == null ? " online." : " at " + s.venue() + ".")
                                + "\n\nPlaces available: " + s.capacity() + "."),
                List.of("formazione"),
                List.of(),
                new ItemReference("TRAINING_SESSION", s.sessionId().toString()),
                event.time());
    }

    private void sessionHeld(IncomingEvent event, SessionHeld s) {
        Optional<String> known =
                calendar.find(CalendarEntry.SESSION, s.sessionId()).map(e -> e.title);
        String titleIt = known.orElse("una sessione di formazione");
        String titleEn = known.orElse("a training session");
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
        String hours = s.deliveredHours().stripTrailingZeros().toPlainString();
        announcements.draftFromEvent(
                event.id(),
                new Wording(
                        "Si è svolta: " + titleIt,
                        "Si è svolta *" + titleIt + "*: " + hours + " ore di formazione"
                                + (attendees > 0
                                        ? ", con " + attendees + " partecipanti da " + concerned.size() + " comuni."
                                        : ".")),
                new Wording(
                        "Held: " + titleEn,
                        "*" + capitalised(titleEn) + "* was held: " + hours + " hours of training"
                                + (attendees > 0
                                        ? ", with " + attendees + " participants from " + concerned.size()
                                                + " municipalities."
                                        : ".")),
                List.of("formazione"),
                concerned,
                new ItemReference("TRAINING_SESSION", s.sessionId().toString()),
                event.time());
    }

    private void workshopHeld(IncomingEvent event, WorkshopHeld w) {
        announcements.draftFromEvent(
                event.id(),
                new Wording(
                        "Laboratorio partecipativo: " + w.title(),
                        "Si è svolto il laboratorio *" + w.title() + "*, con " + w.attendanceCount()
                                + " partecipanti dai comuni coinvolti."),
                new Wording(
                        "Participatory workshop: " + w.title(),
                        "The workshop *" + w.title() + "* was held, with " + w.attendanceCount()
                                + " participants from the municipalities involved."),
                List.of("partecipazione"),
                w.municipalities(),
                new ItemReference("WORKSHOP", w.workshopId().toString()),
                event.time());
    }

    private void studyCompleted(IncomingEvent event, StudyCompleted s) {
        String titleIt = s.title() == null ? "uno studio di fattibilità" : s.title();
        String titleEn = s.title() == null ? "a feasibility study" : s.title();
        announcements.draftFromEvent(
                event.id(),
                new Wording(
                        "Studio completato: " + titleIt,
                        "Open Impact ha completato *" + titleIt + "* con esito **" + verdictIt(s.verdict()) + "**"
                                + (s.estimatedCostEur() == null
                                        ? "."
                                        : "; costo stimato " + euro(s.estimatedCostEur(), Locale.ITALY) + ".")),
                new Wording(
                        "Study completed: " + titleEn,
                        "Open Impact completed *" + titleEn + "*: **" + verdictEn(s.verdict()) + "**"
                                + (s.estimatedCostEur() == null
                                        ? "."
                                        : "; estimated cost " + euro(s.estimatedCostEur(), Locale.UK) + ".")),
                List.of("fattibilita"),
                s.municipalities(),
                new ItemReference("STUDY", s.studyId().toString()),
                event.time());
    }

    private static String verdictIt(String verdict) {
        return switch (verdict) {
            case "FEASIBLE" -> "fattibile";
            case "FEASIBLE_WITH_CONDITIONS" -> "fattibile a condizioni";
            case "NOT_FEASIBLE" -> "non fattibile";
            default -> verdict;
        };
    }

    private static String verdictEn(String verdict) {
        return switch (verdict) {
            case "FEASIBLE" -> "feasible";
            case "FEASIBLE_WITH_CONDITIONS" -> "feasible with conditions";
            case "NOT_FEASIBLE" -> "not feasible";
            default -> verdict;
        };
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** An amount in euro as written in the language's country (Italy's 125.000,50 €, the UK's €125,000.50). */
    private static String euro(BigDecimal amount, Locale country) {
        NumberFormat format = NumberFormat.getCurrencyInstance(country);
        format.setCurrency(java.util.Currency.getInstance("EUR"));
        return format.format(amount);
    }
}
