package it.ngsiena.comms.calendar;

import static it.ngsiena.kernel.persistence.AuditedEntity.now;

import it.ngsiena.kernel.paging.Where;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Keeps the calendar entries in step with the sessions and workshops the other workstreams announce. */
@ApplicationScoped
public class Calendar {

    /** Schedules (or, when it exists, moves) an entry; a change raises its sequence. */
    @Transactional(Transactional.TxType.MANDATORY)
    public CalendarEntry schedule(
            String kind,
            UUID sourceId,
            String title,
            OffsetDateTime startsAt,
            OffsetDateTime endsAt,
            String location,
            List<String> municipalities) {
        String uid = CalendarEntry.uidOf(kind, sourceId);
        CalendarEntry e = CalendarEntry.findById(uid);
        boolean isNew = e == null;
        if (isNew) {
            e = new CalendarEntry();
            e.uid = uid;
            e.kind = kind;
            e.sourceId = sourceId;
            e.sequence = 0;
            e.municipalities = List.of();
        } else {
            e.sequence++;
        }
        if (title != null) {
            e.title = title;
        }
        e.startsAt = startsAt.withOffsetSameInstant(ZoneOffset.UTC);
        e.endsAt = endsAt.withOffsetSameInstant(ZoneOffset.UTC);
        e.location = location;
        if (municipalities != null) {
            e.municipalities = List.copyOf(municipalities);
        }
        e.status = "CONFIRMED";
        e.updatedAt = now();
        if (isNew) {
            // Persisted complete: a query in the same transaction flushes it.
            e.persist();
        }
        return e;
    }

    /** Marks an entry CANCELLED with a higher sequence; unknown entries are left alone. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<CalendarEntry> cancel(String kind, UUID sourceId) {
        CalendarEntry e = CalendarEntry.findById(CalendarEntry.uidOf(kind, sourceId));
        if (e == null || "CANCELLED".equals(e.status)) {
            return Optional.ofNullable(e);
        }
        e.status = "CANCELLED";
        e.sequence++;
        e.updatedAt = now();
        return Optional.of(e);
    }

    public Optional<CalendarEntry> find(String kind, UUID sourceId) {
        return CalendarEntry.findByIdOptional(CalendarEntry.uidOf(kind, sourceId));
    }

    /**
     * Entries in time order; with a municipality, those that concern it and the programme-wide ones;
     * with from/to, those that end after from and start before to.
     */
    public List<CalendarEntry> list(String municipality, OffsetDateTime from, OffsetDateTime to, int limit) {
        Where where = new Where()
                .and(
                        "(array_contains(municipalities, :m) or coalesce(array_length(municipalities), 0) = 0)",
                        "m",
                        municipality)
                .and("endsAt > :from", "from", from)
                .and("startsAt < :to", "to", to);
        return CalendarEntry.<CalendarEntry>find(where.query("order by startsAt, uid"), where.params())
                .page(0, limit)
                .list();
    }
}
