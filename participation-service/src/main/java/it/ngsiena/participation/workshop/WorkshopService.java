package it.ngsiena.participation.workshop;

import it.ngsiena.contracts.participation.WorkshopCancelled;
import it.ngsiena.contracts.participation.WorkshopHeld;
import it.ngsiena.contracts.participation.WorkshopPlanned;
import it.ngsiena.kernel.http.ETags;
import it.ngsiena.kernel.municipality.MunicipalityRegistry;
import it.ngsiena.kernel.outbox.Outbox;
import it.ngsiena.kernel.paging.Page;
import it.ngsiena.kernel.paging.PageRequest;
import it.ngsiena.kernel.paging.PagedQuery;
import it.ngsiena.kernel.paging.Where;
import it.ngsiena.kernel.problem.Problem;
import it.ngsiena.kernel.problem.ProblemException;
import it.ngsiena.kernel.time.OccurredAt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Workshops: planned, held or cancelled by the participation partner and the admin. */
@ApplicationScoped
public class WorkshopService {

    private final MunicipalityRegistry municipalities;
    private final Outbox outbox;

    private final OccurredAt occurredAt;

    WorkshopService(MunicipalityRegistry municipalities, Outbox outbox, OccurredAt occurredAt) {
        this.municipalities = municipalities;
        this.outbox = outbox;
        this.occurredAt = occurredAt;
    }

    public Workshop get(UUID id) {
        return Workshop.<Workshop>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Workshop", id));
    }

    public Page<Workshop> list(String municipality, WorkshopStatus status, PageRequest paging) {
        Where where = new Where()
                .and("array_contains(municipalities, :m)", "m", municipality)
                .and("status = :s", "s", status);
        return PagedQuery.find(Workshop.class, where, "order by startsAt desc, id", paging);
    }

    @Transactional
    public Workshop plan(WorkshopRequests.Plan request) {
        List<String> codes = request.municipalities().stream().distinct().toList();
        municipalities.requireKnown(codes, "municipalities");
        Workshop w = new Workshop();
        w.id = UUID.randomUUID();
        w.title = request.title().strip();
        w.startsAt = request.startsAt().withOffsetSameInstant(ZoneOffset.UTC);
        w.endsAt = request.endsAt().withOffsetSameInstant(ZoneOffset.UTC);
        w.place = request.place();
        w.meetingLink = request.meetingLink();
        w.municipalities = codes;
        w.facilitator = request.facilitator();
        w.status = WorkshopStatus.PLANNED;
        w.createdAt = Workshop.now();
        w.updatedAt = w.createdAt;
        w.persist();
        outbox.append(
                w.id,
                new WorkshopPlanned(w.id, w.title, w.startsAt, w.endsAt, w.place, w.municipalities, w.version),
                occurredAt.orNow("occurredAt", request.occurredAt()));
        return w;
    }

    /**
     * A correction: the plan of a PLANNED workshop (published as workshop planned again, with the next
     * sequence, which moves it in the calendars) or the minutes of a HELD one. If-Match is required.
     */
    @Transactional
    public Workshop edit(UUID id, WorkshopRequests.Edit edit, String ifMatch) {
        Workshop w = get(id);
        ETags.requireMatch(ifMatch, w.version);
        if (edit.changesPlan()) {
            OffsetDateTime start =
                    edit.startsAt() == null ? w.startsAt : edit.startsAt().withOffsetSameInstant(ZoneOffset.UTC);
            OffsetDateTime end =
                    edit.endsAt() == null ? w.endsAt : edit.endsAt().withOffsetSameInstant(ZoneOffset.UTC);
            String place = edit.place() == null ? w.place : edit.place();
            String link = edit.meetingLink() == null ? w.meetingLink : edit.meetingLink();
            List<Problem.Violation> violations = new ArrayList<>();
            if (!end.isAfter(start)) {
                violations.add(new Problem.Violation("endsAt", "must be after startsAt"));
            }
            if ((place == null || place.isBlank()) && link == null) {
                violations.add(new Problem.Violation("place", "a place or a meeting link is required"));
            }
            if (!violations.isEmpty()) {
                throw ProblemException.invalid(violations);
            }
            w.replan(
                    edit.title() == null ? w.title : edit.title().strip(),
                    start,
                    end,
                    place,
                    link,
                    edit.facilitator() == null ? w.facilitator : edit.facilitator());
        }
        if (edit.minutes() != null) {
            w.correctMinutes(edit.minutes());
        }
        Workshop.flush(); // the new version is the calendar's sequence
        if (edit.changesPlan()) {
            outbox.append(
                    w.id,
                    new WorkshopPlanned(w.id, w.title, w.startsAt, w.endsAt, w.place, w.municipalities, w.version));
        }
        return w;
    }

    @Transactional
    public Workshop held(UUID id, WorkshopRequests.Held request, String ifMatch) {
        Workshop w = ETags.ifMatching(get(id), ifMatch);
        OffsetDateTime heldAt =
                occurredAt.orNow("occurredAt", request.occurredAt(), w.startsAt, "the workshop's start");
        w.markHeld(request.attendanceCount(), request.minutes(), heldAt);
        outbox.append(w.id, new WorkshopHeld(w.id, w.title, w.municipalities, w.attendanceCount, w.heldAt), w.heldAt);
        Workshop.flush();
        return w;
    }

    @Transactional
    public Workshop cancel(UUID id, WorkshopRequests.Cancel request, String ifMatch) {
        Workshop w = ETags.ifMatching(get(id), ifMatch);
        OffsetDateTime at = occurredAt.orNow("occurredAt", request.occurredAt());
        w.cancel(request.reason().strip());
        outbox.append(w.id, new WorkshopCancelled(w.id, w.municipalities, w.cancelReason, at), at);
        Workshop.flush();
        return w;
    }
}
