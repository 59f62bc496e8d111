package it.ngsiena.training.attendance;

import it.ngsiena.contracts.training.AttendanceRecorded;
import it.ngsiena.contracts.training.CertificateIssued;
import it.ngsiena.contracts.training.SessionHeld;
import it.ngsiena.kernel.outbox.Outbox;
import it.ngsiena.kernel.problem.Problem;
import it.ngsiena.kernel.problem.ProblemException;
import it.ngsiena.kernel.time.OccurredAt;
import it.ngsiena.training.certificate.CertificateRevocations;
import it.ngsiena.training.course.Course;
import it.ngsiena.training.course.CourseService;
import it.ngsiena.training.enrolment.Enrolment;
import it.ngsiena.training.enrolment.EnrolmentStatus;
import it.ngsiena.training.mail.ParticipantMails;
import it.ngsiena.training.session.SessionService;
import it.ngsiena.training.session.SessionStatus;
import it.ngsiena.training.session.TrainingSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Attendance pushed by the partner's LMS for a held session, and the certificates it earns: the whole
 * list replaces the previous one; the same list again changes nothing. A participant whose attended
 * hours in a course reach the course's threshold share of its length (planned hours, or the hours
 * held when more) gets one certificate, once. A correction that takes someone below the threshold
 * revokes their certificate; one that takes them back above it issues a new one.
 */
@ApplicationScoped
public class AttendanceService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final SessionService sessions;
    private final CourseService courses;
    private final Outbox outbox;

    private final OccurredAt occurredAt;
    private final ParticipantMails mails;
    private final CertificateRevocations revocations;

    AttendanceService(
            SessionService sessions,
            CourseService courses,
            Outbox outbox,
            OccurredAt occurredAt,
            ParticipantMails mails,
            CertificateRevocations revocations) {
        this.mails = mails;
        this.revocations = revocations;
        this.occurredAt = occurredAt;
        this.sessions = sessions;
        this.courses = courses;
        this.outbox = outbox;
    }

    /** One line of the pushed list. */
    public record Line(UUID participantId, BigDecimal hoursAttended) {}

    /** What a push did. */
    public record Result(boolean changed, int lines, List<UUID> certificatesIssued) {}

    /** A session closed as HELD, with what the attendance that came with it earned. */
    public record Held(TrainingSession session, List<UUID> certificatesIssued) {}

    /**
     * Closes a session as HELD and, when the LMS sends it along, stores its attendance first, so
     * that the held event carries the totals per municipality.
     */
    @Transactional
    public Held hold(
            UUID sessionId, BigDecimal deliveredHours, List<Line> lines, OffsetDateTime claimed, String ifMatch) {
        OffsetDateTime heldAt =
                occurredAt.orNow("occurredAt", claimed, sessions.get(sessionId).startsAt, "the session's start");
        TrainingSession session = sessions.markHeld(sessionId, deliveredHours, heldAt, ifMatch);
        TrainingSession.findById(sessionId, LockModeType.PESSIMISTIC_WRITE);
        Map<UUID, String> enrolled = enrolled(session.id);
        Map<UUID, BigDecimal> pushed = validated(session, enrolled, lines);
        replace(session, enrolled, pushed);
        outbox.append(
                session.id,
                new SessionHeld(
                        session.id,
                        session.courseId,
                        session.format.name(),
                        session.deliveredHours,
                        totals(sessionId),
                        heldAt),
                heldAt);
        Course course = courses.get(session.courseId);
        return new Held(session, certify(course, threshold(course), pushed.keySet(), heldAt));
    }

    /** Replaces the attendance of a held session; the same list again changes nothing. */
    @Transactional
    public Result record(UUID sessionId, List<Line> lines, OffsetDateTime claimed) {
        TrainingSession session = sessions.get(sessionId);
        OffsetDateTime at = occurredAt.orNow("occurredAt", claimed, session.startsAt, "the session's start");
        TrainingSession.findById(sessionId, LockModeType.PESSIMISTIC_WRITE);
        if (session.status != SessionStatus.HELD) {
            throw ProblemException.conflict(
                    "Attendance is recorded for HELD sessions; this one is " + session.status,
                    Map.of("currentStatus", session.status.name()));
        }
        Map<UUID, BigDecimal> stored = new HashMap<>();
        Attendance.<Attendance>list("sessionId", sessionId).forEach(a -> stored.put(a.participantId, a.hours));
        Map<UUID, String> enrolled = enrolled(sessionId);
        Map<UUID, BigDecimal> pushed = validated(session, enrolled, lines);
        if (same(stored, pushed)) {
            return new Result(false, lines.size(), List.of());
        }
        replace(session, enrolled, pushed);
        outbox.append(sessionId, new AttendanceRecorded(sessionId, session.courseId, totals(sessionId), at), at);
        Course course = courses.get(session.courseId);
        Set<UUID> concerned = new java.util.HashSet<>(stored.keySet());
        concerned.addAll(pushed.keySet());
        BigDecimal threshold = threshold(course); // one look at the held sessions for both
        revokeBelowThreshold(course, threshold, concerned, at);
        return new Result(true, lines.size(), certify(course, threshold, pushed.keySet(), at));
    }

    /** Checks the lines against the enrolments and the hours delivered; hours by participant. */
    private static Map<UUID, BigDecimal> validated(
            TrainingSession session, Map<UUID, String> enrolledMunicipality, List<Line> lines) {
        Set<UUID> enrolled = enrolledMunicipality.keySet();
        List<Problem.Violation> violations = new ArrayList<>();
        Map<UUID, BigDecimal> pushed = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            String at = "attendance[" + i + "]";
            if (pushed.containsKey(line.participantId())) {
                violations.add(new Problem.Violation(at + ".participantId", "appears more than once"));
            } else if (!enrolled.contains(line.participantId())) {
                violations.add(new Problem.Violation(at + ".participantId", "is not enrolled in this session"));
            }
            if (line.hoursAttended().compareTo(session.deliveredHours) > 0) {
                violations.add(new Problem.Violation(
                        at + ".hoursAttended", "must be at most the " + session.deliveredHours + " hours delivered"));
            }
            pushed.putIfAbsent(line.participantId(), line.hoursAttended());
        }
        if (!violations.isEmpty()) {
            throw ProblemException.unprocessable("Attendance does not fit the session", violations);
        }
        return pushed;
    }

    /** Replaces the session's stored attendance with validated hours by participant. */
    private static void replace(
            TrainingSession session, Map<UUID, String> municipalityOf, Map<UUID, BigDecimal> hours) {
        // Removed one by one, not by a bulk delete: the rows read before (record's comparison) stay in the
        // persistence context, and a new row with the same key would clash with them.
        Attendance.<Attendance>list("sessionId", session.id).forEach(Attendance::delete);
        Attendance.flush();
        hours.forEach((participant, attended) -> {
            Attendance a = new Attendance();
            a.sessionId = session.id;
            a.participantId = participant;
            a.courseId = session.courseId;
            a.municipality = municipalityOf.get(participant);
            a.hours = attended;
            a.persist();
        });
    }

    private static Map<UUID, String> enrolled(UUID sessionId) {
        Map<UUID, String> enrolled = new HashMap<>();
        Enrolment.<Enrolment>list("sessionId = ?1 and status = ?2", sessionId, EnrolmentStatus.ENROLLED)
                .forEach(e -> enrolled.put(e.participantId, e.municipality));
        return enrolled;
    }

    /** Attendance totals of a session per municipality, for events. */
    public static List<SessionHeld.MunicipalityAttendance> totals(UUID sessionId) {
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, BigDecimal> hours = new TreeMap<>();
        for (Attendance a : Attendance.<Attendance>list("sessionId", sessionId)) {
            if (a.hours.signum() > 0) {
                counts.computeIfAbsent(a.municipality, m -> new int[1])[0]++;
                hours.merge(a.municipality, a.hours, BigDecimal::add);
            }
        }
        return counts.keySet().stream()
                .map(m -> new SessionHeld.MunicipalityAttendance(m, counts.get(m)[0], hours.get(m)))
                .toList();
    }

    /** The hours of the course a participant must attend for a certificate. */
    private static BigDecimal threshold(Course course) {
        BigDecimal heldHours =
                TrainingSession.<TrainingSession>list("courseId = ?1 and status = ?2", course.id, SessionStatus.HELD)
                        .stream()
                        .map(s -> s.deliveredHours)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
        // The course's length is its planned hours, or more if more were held: a certificate after the
        // first session of a long course would mean nothing.
        BigDecimal length = heldHours.max(course.plannedHours);
        return length.multiply(BigDecimal.valueOf(course.certificateThresholdPercent))
                .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal attendedHours(UUID courseId, UUID participant) {
        return Attendance.<Attendance>list("courseId = ?1 and participantId = ?2", courseId, participant).stream()
                .map(a -> a.hours)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** A corrected attendance that no longer reaches the threshold revokes the certificate it earned. */
    private void revokeBelowThreshold(Course course, BigDecimal threshold, Set<UUID> participants, OffsetDateTime at) {
        for (UUID participant : participants) {
            Certificate.validOf(course.id, participant).ifPresent(c -> {
                BigDecimal total = attendedHours(course.id, participant);
                if (total.compareTo(threshold) < 0) {
                    String hours = total.stripTrailingZeros().toPlainString() + " / "
                            + threshold.stripTrailingZeros().toPlainString();
                    revocations.revoke(
                            c,
                            "Presenze corrette sotto la soglia del corso (ore " + hours + ") / Attendance corrected"
                                    + " below the course's threshold (hours " + hours + ")",
                            at);
                }
            });
        }
    }

    /** Certificates the attendance taken at {@code at} completes are issued at that time. */
    private List<UUID> certify(Course course, BigDecimal threshold, Set<UUID> participants, OffsetDateTime at) {
        List<UUID> issued = new ArrayList<>();
        for (UUID participant : participants) {
            if (Certificate.validOf(course.id, participant).isPresent()) {
                continue;
            }
            List<Attendance> attended = Attendance.list("courseId = ?1 and participantId = ?2", course.id, participant);
            BigDecimal total = attended.stream().map(a -> a.hours).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (total.signum() > 0 && total.compareTo(threshold) >= 0) {
                Certificate c = new Certificate();
                c.id = UUID.randomUUID();
                c.code = newCode();
                c.courseId = course.id;
                c.participantId = participant;
                c.municipality = attended.get(0).municipality;
                c.attendedHours = total;
                c.issuedAt = at;
                c.persist();
                outbox.append(c.id, new CertificateIssued(c.id, course.id, participant, c.municipality, total, at), at);
                mails.certificate(c, course);
                issued.add(c.id);
            }
        }
        return issued;
    }

    private static boolean same(Map<UUID, BigDecimal> a, Map<UUID, BigDecimal> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        return a.entrySet().stream().allMatch(e -> e.getValue().compareTo(b.get(e.getKey())) == 0);
    }

    private static String newCode() {
        StringBuilder code = new StringBuilder("NGS-");
        for (int i = 0; i < 10; i++) {
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }
}
