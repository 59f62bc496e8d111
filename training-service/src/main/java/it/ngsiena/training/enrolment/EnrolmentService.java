package it.ngsiena.training.enrolment;

import static it.ngsiena.kernel.persistence.AuditedEntity.now;

import it.ngsiena.contracts.training.EnrolmentWithdrawn;
import it.ngsiena.contracts.training.ParticipantEnrolled;
import it.ngsiena.contracts.training.SessionCapacityChanged;
import it.ngsiena.kernel.outbox.Outbox;
import it.ngsiena.kernel.problem.ProblemException;
import it.ngsiena.kernel.security.Caller;
import it.ngsiena.kernel.security.Roles;
import it.ngsiena.kernel.time.OccurredAt;
import it.ngsiena.training.mail.ParticipantMails;
import it.ngsiena.training.participant.Participant;
import it.ngsiena.training.participant.ParticipantService;
import it.ngsiena.training.session.SessionStatus;
import it.ngsiena.training.session.TrainingSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Enrolments: a seat while the session has one, else the waiting list; withdrawing a seat promotes
 * the first on the waiting list. The session row is locked while seats are counted, so two
 * concurrent enrolments never take the same last seat.
 */
@ApplicationScoped
public class EnrolmentService {

    private final ParticipantService participants;
    private final Outbox outbox;
    private final Caller caller;
    private final ParticipantMails mails;
    private final OccurredAt occurredAt;

    EnrolmentService(
            ParticipantService participants,
            Outbox outbox,
            Caller caller,
            ParticipantMails mails,
            OccurredAt occurredAt) {
        this.mails = mails;
        this.occurredAt = occurredAt;
        this.participants = participants;
        this.outbox = outbox;
        this.caller = caller;
    }

    /** The result of an enrolment request: the enrolment, and whether it is new. */
    public record Outcome(Enrolment enrolment, boolean created) {}

    @Transactional
    public Outcome enrol(UUID sessionId, UUID participantId, OffsetDateTime claimed) {
        OffsetDateTime at = occurredAt.orNow("occurredAt", claimed);
        Participant participant = participants.get(participantId);
        TrainingSession session = lockedSession(sessionId);
        if (session.status != SessionStatus.SCHEDULED) {
            throw ProblemException.conflict(
                    "Enrolment is open only while a session is SCHEDULED; it is " + session.status,
                    Map.of("currentStatus", session.status.name()));
        }
        Enrolment existing = Enrolment.<Enrolment>find(
                        "sessionId = ?1 and participantId = ?2 and status <> ?3",
                        sessionId,
                        participantId,
                        EnrolmentStatus.WITHDRAWN)
                .firstResult();
        if (existing != null) {
            return new Outcome(existing, false);
        }
        long seated = Enrolment.count("sessionId = ?1 and status = ?2", sessionId, EnrolmentStatus.ENROLLED);
        Enrolment e = new Enrolment();
        e.id = UUID.randomUUID();
        e.sessionId = sessionId;
        e.participantId = participantId;
        e.municipality = participant.municipality;
        e.status = seated < session.capacity ? EnrolmentStatus.ENROLLED : EnrolmentStatus.WAITING;
        e.createdAt = now();
        e.updatedAt = e.createdAt;
        e.persist();
        enrolled(e, session, false, at);
        return new Outcome(e, true);
    }

    /** Gives up a seat or a waiting place; a freed seat goes to the first on the waiting list. */
    @Transactional
    public Enrolment withdraw(UUID enrolmentId, OffsetDateTime claimed) {
        OffsetDateTime at = occurredAt.orNow("occurredAt", claimed);
        Enrolment e = Enrolment.findById(enrolmentId);
        if (e == null || !participants.maySee(e.municipality)) {
            throw ProblemException.notFound("Enrolment", enrolmentId);
        }
        if (e.status == EnrolmentStatus.WITHDRAWN) {
            return e;
        }
        TrainingSession session = lockedSession(e.sessionId);
        if (session.status != SessionStatus.SCHEDULED) {
            throw ProblemException.conflict(
                    "Enrolments of a " + session.status + " session cannot change",
                    Map.of("currentStatus", session.status.name()));
        }
        boolean freedSeat = e.status == EnrolmentStatus.ENROLLED;
        e.status = EnrolmentStatus.WITHDRAWN;
        e.updatedAt = now();
        outbox.append(
                e.sessionId,
                new EnrolmentWithdrawn(e.id, e.sessionId, session.courseId, e.participantId, e.municipality, at),
                at);
        if (freedSeat) {
            promoteWaiting(session, 1, at);
        }
        Enrolment.flush();
        return e;
    }

    /**
     * Changes a scheduled session's seats: more seats go to the first on the waiting list, in order; fewer
     * than the seats taken is a 409 (nobody loses a seat they hold).
     */
    @Transactional
    public TrainingSession changeCapacity(UUID sessionId, int capacity, OffsetDateTime claimed) {
        OffsetDateTime at = occurredAt.orNow("occurredAt", claimed);
        TrainingSession session = lockedSession(sessionId);
        if (session.status != SessionStatus.SCHEDULED) {
            throw ProblemException.conflict(
                    "The seats of a " + session.status + " session cannot change",
                    Map.of("currentStatus", session.status.name()));
        }
        long seated = Enrolment.count("sessionId = ?1 and status = ?2", sessionId, EnrolmentStatus.ENROLLED);
        if (capacity < seated) {
            throw ProblemException.conflict(
                    seated + " participants hold a seat: the capacity cannot go below that",
                    Map.of("enrolled", seated));
        }
        int previous = session.capacity;
        if (capacity == previous) {
            return session;
        }
        session.capacity = capacity;
        session.updatedAt = now();
        outbox.append(session.id, new SessionCapacityChanged(session.id, session.courseId, capacity, previous, at), at);
        promoteWaiting(session, (int) (capacity - seated), at);
        TrainingSession.flush();
        return session;
    }

    /** Gives up to {@code seats} free seats to the first on the waiting list, in the order they enrolled. */
    private void promoteWaiting(TrainingSession session, int seats, OffsetDateTime at) {
        if (seats <= 0) {
            return;
        }
        Enrolment.<Enrolment>find(
                        "sessionId = ?1 and status = ?2 order by createdAt, id", session.id, EnrolmentStatus.WAITING)
                .page(0, seats)
                .list()
                .forEach(next -> {
                    next.status = EnrolmentStatus.ENROLLED;
                    next.updatedAt = now();
                    enrolled(next, session, true, at);
                });
    }

    public List<Enrolment> ofSession(UUID sessionId) {
        List<Enrolment> all = Enrolment.list(
                "sessionId = ?1 and status <> ?2 order by createdAt, id", sessionId, EnrolmentStatus.WITHDRAWN);
        if (caller.hasAnyRole(Roles.TRAINING_PARTNER, Roles.PROGRAMME_ADMIN)) {
            return all;
        }
        return all.stream().filter(e -> participants.maySee(e.municipality)).toList();
    }

    /** Tells the platform (the event) and the person (a mail, queued in this transaction). */
    private void enrolled(Enrolment e, TrainingSession session, boolean promoted, OffsetDateTime at) {
        Participant participant = Participant.findById(e.participantId);
        mails.enrolment(participant, e, session, promoted);
        outbox.append(
                e.sessionId,
                new ParticipantEnrolled(
                        e.id,
                        e.sessionId,
                        session.courseId,
                        e.participantId,
                        e.municipality,
                        participant == null ? null : participant.role.name(),
                        e.status.name(),
                        promoted,
                        at),
                at);
    }

    private static TrainingSession lockedSession(UUID id) {
        TrainingSession s = TrainingSession.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (s == null) {
            throw ProblemException.notFound("Session", id);
        }
        return s;
    }
}
