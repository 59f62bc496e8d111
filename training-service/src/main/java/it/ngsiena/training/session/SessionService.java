package it.ngsiena.training.session;

import it.ngsiena.contracts.training.SessionCancelled;
import it.ngsiena.contracts.training.SessionRescheduled;
import it.ngsiena.contracts.training.SessionScheduled;
import it.ngsiena.kernel.http.ETags;
import it.ngsiena.kernel.outbox.Outbox;
import it.ngsiena.kernel.paging.Page;
import it.ngsiena.kernel.paging.PageRequest;
import it.ngsiena.kernel.paging.PagedQuery;
import it.ngsiena.kernel.paging.Where;
import it.ngsiena.kernel.problem.ProblemException;
import it.ngsiena.kernel.time.OccurredAt;
import it.ngsiena.training.course.CourseService;
import it.ngsiena.training.mail.ParticipantMails;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Sessions: scheduled, rescheduled, held or cancelled by the training partner and the admin. */
@ApplicationScoped
public class SessionService {

    private final CourseService courses;
    private final Outbox outbox;
    private final ParticipantMails mails;
    private final OccurredAt occurredAt;

    SessionService(CourseService courses, Outbox outbox, ParticipantMails mails, OccurredAt occurredAt) {
        this.mails = mails;
        this.occurredAt = occurredAt;
        this.courses = courses;
        this.outbox = outbox;
    }

    public TrainingSession get(UUID id) {
        return TrainingSession.<TrainingSession>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Session", id));
    }

    /** Sessions in time order, filtered; null means "any". */
    public Page<TrainingSession> list(
            UUID courseId,
            SessionFormat format,
            SessionStatus status,
            OffsetDateTime from,
            OffsetDateTime to,
            String staffOf,
            PageRequest paging) {
        Where where = new Where()
                .and("courseId = :course", "course", courseId)
                .and("format = :format", "format", format)
                .and("status = :status", "status", status)
                .and("endsAt > :from", "from", from)
                .and("startsAt < :to", "to", to)
                // sessions where people of that municipality hold a seat (not waiting, not withdrawn)
                .and(
                        "id in (select e.sessionId from Enrolment e where e.municipality = :staffOf"
                                + " and e.status = it.ngsiena.training.enrolment.EnrolmentStatus.ENROLLED)",
                        "staffOf",
                        staffOf);
        return PagedQuery.find(TrainingSession.class, where, "order by startsAt, id", paging);
    }

    @Transactional
    public TrainingSession schedule(UUID courseId, SessionRequests.Schedule request) {
        courses.get(courseId);
        TrainingSession s = new TrainingSession();
        s.id = UUID.randomUUID();
        s.courseId = courseId;
        s.title = request.title().strip();
        s.format = request.format();
        s.startsAt = request.startsAt().withOffsetSameInstant(ZoneOffset.UTC);
        s.endsAt = request.endsAt().withOffsetSameInstant(ZoneOffset.UTC);
        s.venue = request.venue();
        s.meetingLink = request.meetingLink();
        s.capacity = request.capacity();
        s.trainer = request.trainer();
        s.status = SessionStatus.SCHEDULED;
        s.createdAt = TrainingSession.now();
        s.updatedAt = s.createdAt;
        s.persist();
        OffsetDateTime at = occurredAt.orNow("occurredAt", request.occurredAt());
        outbox.append(
                s.id,
                new SessionScheduled(
                        s.id, s.courseId, s.title, s.format.name(), s.startsAt, s.endsAt, s.venue, s.capacity, at),
                at);
        return s;
    }

    @Transactional
    public TrainingSession reschedule(UUID id, SessionRequests.Reschedule request, String ifMatch) {
        TrainingSession s = get(id);
        ETags.requireMatch(ifMatch, s.version);
        OffsetDateTime at = occurredAt.orNow("occurredAt", request.occurredAt());
        s.reschedule(
                request.startsAt().withOffsetSameInstant(ZoneOffset.UTC),
                request.endsAt().withOffsetSameInstant(ZoneOffset.UTC),
                request.venue(),
                request.meetingLink());
        TrainingSession.flush();
        outbox.append(s.id, new SessionRescheduled(s.id, s.courseId, s.startsAt, s.endsAt, s.venue, s.version, at), at);
        mails.rescheduled(s);
        return s;
    }

    @Transactional
    public TrainingSession cancel(UUID id, SessionRequests.Cancel request, String ifMatch) {
        TrainingSession s = ETags.ifMatching(get(id), ifMatch);
        OffsetDateTime at = occurredAt.orNow("occurredAt", request.occurredAt());
        s.cancel(request.reason().strip());
        TrainingSession.flush();
        outbox.append(s.id, new SessionCancelled(s.id, s.courseId, s.cancelReason, s.version, at), at);
        mails.cancelled(s);
        return s;
    }

    /**
     * SCHEDULED → HELD with the hours delivered. The held event is published by the caller, which
     * knows the attendance that comes with it (see AttendanceService.hold).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public TrainingSession markHeld(UUID id, BigDecimal deliveredHours, OffsetDateTime heldAt, String ifMatch) {
        TrainingSession s = ETags.ifMatching(get(id), ifMatch);
        s.markHeld(deliveredHours, heldAt);
        TrainingSession.flush();
        return s;
    }
}
