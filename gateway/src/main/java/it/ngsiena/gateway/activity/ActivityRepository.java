package it.ngsiena.gateway.activity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import it.ngsiena.kernel.paging.Where;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

@ApplicationScoped
public class ActivityRepository implements PanacheRepositoryBase<ActivityEntry, String> {

    /**
     * Up to {@code limit} entries after the cursor that a caller with these grants may see, newest first. One
     * municipality's entries are read through {@link ActivityPlace}, its own newest-first index: the whole
     * feed's index would be walked to its end for a municipality with few events, and the municipalities'
     * GIN index would have every event of a busy one sorted.
     */
    public List<ActivityEntry> page(ActivityFilter filter, Set<String> grants, ActivityCursor after, int limit) {
        boolean byPlace = filter.municipality() != null;
        Where where = conditions(filter, grants, !byPlace);
        String order = byPlace ? "p" : "a";
        if (byPlace) {
            // the place and the time range on the municipality's index, so that its walk starts and stops there
            where.always("p.municipality = :municipality", "municipality", filter.municipality())
                    .and("p.occurredAt >= :from", "from", filter.from())
                    .and("p.occurredAt < :to", "to", filter.to());
        }
        if (after != null) {
            where.always(
                    "(%1$s.occurredAt < :afterTime or (%1$s.occurredAt = :afterTime and %1$s.seq < :afterSeq))"
                            .formatted(order),
                    "afterTime",
                    after.time(),
                    "afterSeq",
                    after.seq());
        }
        String from = byPlace
                ? "select a from ActivityPlace p join ActivityEntry a on a.seq = p.seq"
                : "select a from ActivityEntry a";
        var query = getEntityManager()
                .createQuery(
                        from + " where " + where.condition()
                                + " order by %1$s.occurredAt desc, %1$s.seq desc".formatted(order),
                        ActivityEntry.class);
        where.params().map().forEach(query::setParameter);
        return query.setMaxResults(limit).getResultList();
    }

    /** Up to {@code limit} entries stored after position {@code afterSeq}, in arrival order: for the live stream. */
    public List<ActivityEntry> after(ActivityFilter filter, Set<String> grants, long afterSeq, int limit) {
        Where where = conditions(filter, grants, true).always("a.seq > :afterSeq", "afterSeq", afterSeq);
        return find("from ActivityEntry a where " + where.condition() + " order by a.seq", where.params())
                .range(0, limit - 1)
                .list();
    }

    /** Up to {@code limit} entries stored after position {@code afterSeq}, whoever may read them, in arrival order. */
    public List<ActivityEntry> allAfter(long afterSeq, int limit) {
        return find("from ActivityEntry a where a.seq > ?1 order by a.seq", afterSeq)
                .range(0, limit - 1)
                .list();
    }

    /** Up to {@code limit} entries at positions after {@code afterSeq} up to {@code upToSeq}, in feed order. */
    public List<ActivityEntry> between(
            ActivityFilter filter, Set<String> grants, long afterSeq, long upToSeq, int limit) {
        Where where = conditions(filter, grants, true)
                .always("a.seq > :afterSeq", "afterSeq", afterSeq)
                .always("a.seq <= :upToSeq", "upToSeq", upToSeq);
        return find("from ActivityEntry a where " + where.condition() + " order by a.seq", where.params())
                .range(0, limit - 1)
                .list();
    }

    /**
     * The newest position stored at least {@code settle} ago. With several gateway replicas, entries are
     * numbered inside their storing transaction and seen when it commits, possibly out of order; a reader
     * that remembers a position and moves past what it has not seen (the webhooks) reads only up to here,
     * so that no entry can still appear below it (storing transactions last milliseconds, not seconds).
     */
    public long settledSeq(Duration settle) {
        Long last = getEntityManager()
                .createQuery("select max(seq) from ActivityEntry where receivedAt <= :settled", Long.class)
                .setParameter("settled", OffsetDateTime.now().minus(settle))
                .getSingleResult();
        return last == null ? 0 : last;
    }

    /** The position of the first entry received at or after {@code time} minus one: where a replay from that time starts. */
    public long positionBefore(OffsetDateTime time) {
        Long first = getEntityManager()
                .createQuery("select min(seq) from ActivityEntry where receivedAt >= :time", Long.class)
                .setParameter("time", time)
                .getSingleResult();
        return first == null ? lastSeq() : first - 1;
    }

    /** The position of the newest entry, 0 when the feed is empty. */
    public long lastSeq() {
        Long last = getEntityManager()
                .createQuery("select max(seq) from ActivityEntry", Long.class)
                .getSingleResult();
        return last == null ? 0 : last;
    }

    /** The filters as conditions on the entry {@code a}; the municipality's only if {@code withMunicipality}. */
    private static Where conditions(ActivityFilter filter, Set<String> grants, boolean withMunicipality) {
        // only what the caller may see (Visibility, decided when the event was stored)
        return new Where()
                .always("array_intersects(a.readers, :grants)", "grants", grants.toArray(String[]::new))
                .and(
                        "array_contains(a.municipalities, :municipality)",
                        "municipality",
                        withMunicipality ? filter.municipality() : null)
                .and("a.workstream = :workstream", "workstream", filter.workstream())
                .and("a.type in :types", "types", filter.types().isEmpty() ? null : filter.types())
                .and("a.occurredAt >= :from", "from", filter.from())
                .and("a.occurredAt < :to", "to", filter.to());
    }
}
