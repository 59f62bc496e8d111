package it.ngsiena.training.mail;

import io.quarkus.qute.Engine;
import it.ngsiena.kernel.calendar.ICalendarWriter;
import it.ngsiena.kernel.mail.MailQueue;
import it.ngsiena.training.attendance.Certificate;
import it.ngsiena.training.course.Course;
import it.ngsiena.training.enrolment.Enrolment;
import it.ngsiena.training.enrolment.EnrolmentStatus;
import it.ngsiena.training.participant.Participant;
import it.ngsiena.training.session.TrainingSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What participants are told by mail: their enrolment (a seat or the waiting list), a promotion from the waiting
 * list, a session moved or cancelled (each with the session as an .ics file), and their certificate with its public
 * verification link. Participants have no account and no language setting, so each mail is written in Italian and
 * then English (Qute templates {@code participant/mail.txt|html}). Every mail is queued in the transaction of the
 * change that causes it, keyed so that a change repeated never mails twice, and carries the person's unsubscribe
 * link; a person erased or unsubscribed is mailed nothing, and nobody is mailed about a session already over.
 */
@ApplicationScoped
public class ParticipantMails {

    /** The kinds of mail, with their subjects. */
    enum Kind {
        ENROLLED("Iscrizione confermata", "Enrolment confirmed"),
        WAITING("In lista d'attesa", "On the waiting list"),
        PROMOTED("Si è liberato un posto: è iscritto/a", "A seat became free: you are enrolled"),
        RESCHEDULED("Sessione spostata", "Session moved"),
        CANCELLED("Sessione annullata", "Session cancelled"),
        CERTIFICATE("Attestato di partecipazione", "Certificate of attendance"),
        REVOKED("Attestato revocato", "Certificate revoked");

        final String subjectIt;
        final String subjectEn;

        Kind(String subjectIt, String subjectEn) {
            this.subjectIt = subjectIt;
            this.subjectEn = subjectEn;
        }
    }

    private static final DateTimeFormatter ITALIAN =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, 'ore' HH:mm", Locale.ITALIAN);
    private static final DateTimeFormatter ENGLISH =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    private final MailQueue queue;
    private final Engine templates;
    private final String base;

    ParticipantMails(
            MailQueue queue, Engine templates, @ConfigProperty(name = "ngs.training.public-base-url") String base) {
        this.queue = queue;
        this.templates = templates;
        this.base = base.replaceAll("/+$", "");
    }

    /**
     * What the mails of one change say, the same for everyone told (worked out once, however many are told): the
     * subject, the template's data, and the calendar file if there is one.
     */
    private record About(String subject, Map<String, Object> data, MailQueue.Attachment ics) {}

    /** A new enrolment (a seat or a waiting place), or a promotion from the waiting list to a seat. */
    public void enrolment(Participant person, Enrolment e, TrainingSession session, boolean promoted) {
        Kind kind = promoted ? Kind.PROMOTED : e.status == EnrolmentStatus.WAITING ? Kind.WAITING : Kind.ENROLLED;
        if (!over(session)) {
            // the waiting list holds no seat: no calendar entry until one is given
            queue(person, "enrolment:" + e.id + ":" + kind, about(kind, session, kind != Kind.WAITING));
        }
    }

    /** A session moved: everybody holding a seat receives the new times (as an update of the same entry). */
    public void rescheduled(TrainingSession session) {
        if (over(session)) {
            return;
        }
        About about = about(Kind.RESCHEDULED, session, true);
        for (Participant person : holders(session, List.of(EnrolmentStatus.ENROLLED))) {
            queue(person, "rescheduled:" + session.id + ":" + session.version + ":" + person.id, about);
        }
    }

    /** A session cancelled: seat holders and the waiting list are told; the entry is cancelled in calendars. */
    public void cancelled(TrainingSession session) {
        if (over(session)) {
            return;
        }
        About about = about(Kind.CANCELLED, session, true);
        for (Participant person : holders(session, List.of(EnrolmentStatus.ENROLLED, EnrolmentStatus.WAITING))) {
            queue(person, "cancelled:" + session.id + ":" + person.id, about);
        }
    }

    /** A certificate issued: its holder receives the code and the public link that verifies it. */
    public void certificate(Certificate c, Course course) {
        certificateMail(Kind.CERTIFICATE, c, course);
    }

    /** A certificate revoked: its holder is told why, and that its link now says so. */
    public void revoked(Certificate c, Course course) {
        certificateMail(Kind.REVOKED, c, course);
    }

    private void certificateMail(Kind kind, Certificate c, Course course) {
        Map<String, Object> data = new HashMap<>(Map.of(
                "kind",
                kind.name(),
                "code",
                c.code,
                "hours",
                c.attendedHours.stripTrailingZeros().toPlainString(),
                "verify",
                it.ngsiena.training.certificate.CertificateResource.verificationUrl(base, c.code),
                "course",
                course.title,
                "reason",
                c.revocationReason == null ? "" : c.revocationReason));
        queue(
                Participant.findById(c.participantId),
                (kind == Kind.CERTIFICATE ? "certificate:" : "revoked:") + c.id,
                new About(subject(kind, course.title), data, null));
    }

    /**
     * A session already over (an LMS recording the past, a backfill): nothing to attend or to put in a calendar, so
     * nobody is mailed about it; the certificate it earns still is.
     */
    private static boolean over(TrainingSession session) {
        return session.endsAt.isBefore(OffsetDateTime.now());
    }

    private About about(Kind kind, TrainingSession session, boolean calendar) {
        Course c = Course.findById(session.courseId);
        String course = c == null ? session.title : c.title;
        Map<String, Object> data = new HashMap<>();
        data.put("kind", kind.name());
        data.put("course", course);
        data.put("session", session.title);
        data.put("whenIt", when(session, ITALIAN));
        data.put("whenEn", when(session, ENGLISH) + " (Rome time)");
        data.put("place", place(session));
        data.put("reason", session.cancelReason == null ? "" : session.cancelReason);
        return new About(subject(kind, course), data, calendar ? calendarFile(session, course, kind) : null);
    }

    private static String subject(Kind kind, String course) {
        return "Next Generation Siena: " + kind.subjectIt + " / " + kind.subjectEn + " – " + course;
    }

    /** One person's mail of a change, with their name and their own unsubscribe link. */
    private void queue(Participant person, String key, About about) {
        if (person == null || !person.mayBeMailed()) {
            return;
        }
        Map<String, Object> data = new HashMap<>(about.data());
        data.put("name", person.givenName);
        data.put("unsubscribe", unsubscribeLink(person));
        queue.enqueue(new MailQueue.OutgoingMail(
                "training:" + key,
                person.email,
                about.subject(),
                templates.getTemplate("participant/mail.txt").render(data),
                templates.getTemplate("participant/mail.html").render(data),
                about.ics(),
                unsubscribeLink(person)));
    }

    String unsubscribeLink(Participant person) {
        return base + "/v1/training/mail/unsubscribe?token=" + person.mailToken;
    }

    /**
     * The session as a calendar file: the same UID in every mail of the session, so that a calendar program updates
     * (a later SEQUENCE) or removes (STATUS:CANCELLED) the entry the first mail made.
     */
    private static MailQueue.Attachment calendarFile(TrainingSession s, String course, Kind kind) {
        String status = kind == Kind.CANCELLED ? "CANCELLED" : "CONFIRMED";
        var event = new ICalendarWriter.Event(
                "training-session-" + s.id + "@ngsiena",
                s.updatedAt,
                s.startsAt,
                s.endsAt,
                course + " – " + s.title,
                place(s),
                "Formazione",
                status,
                s.version);
        return new MailQueue.Attachment(
                "sessione.ics",
                "text/calendar; charset=utf-8",
                ICalendarWriter.write("Next Generation Siena", List.of(event)));
    }

    private static String when(TrainingSession s, DateTimeFormatter day) {
        OffsetDateTime start =
                s.startsAt.atZoneSameInstant(ICalendarWriter.ROME).toOffsetDateTime();
        OffsetDateTime end = s.endsAt.atZoneSameInstant(ICalendarWriter.ROME).toOffsetDateTime();
        return day.format(start) + "–" + HOUR.format(end);
    }

    private static String place(TrainingSession s) {
        if (s.venue != null && !s.venue.isBlank()) {
            return s.venue;
        }
        return s.meetingLink == null ? "" : s.meetingLink;
    }

    private static List<Participant> holders(TrainingSession session, List<EnrolmentStatus> statuses) {
        List<java.util.UUID> ids = Enrolment.<Enrolment>list(
                        "sessionId = ?1 and status in ?2 order by createdAt, id", session.id, statuses)
                .stream()
                .map(e -> e.participantId)
                .toList();
        return ids.isEmpty() ? List.of() : Participant.list("id in ?1", ids);
    }
}
