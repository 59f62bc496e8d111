package it.ngsiena.gateway.activity;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

@ApplicationScoped
public class ActivityRepository implements PanacheRepositoryBase<ActivityEntry, String> {

    /** Up to {@code limit} entries after the cursor that a caller with these grants may see, newest first. */
    public List<ActivityEntry> page(ActivityFilter filter, Set<String> grants, ActivityCursor after, int limit) {
        Parameters params = new Parameters();
        List<String> where = conditions(filter, grants, params);
        if (after != null) {
            where.add("(occurredAt < :afterTime or (occurredAt = :afterTime and seq < :afterSeq))");
            params.and("afterTime", after.time()).and("afterSeq", after.seq());
        }
        return find(String.join(" and ", where), Sort.descending("occurredAt", "seq"),
                params).range(0, limit - 1).list();
    }

    /** Up to {@code limit} entries stored after position {@code afterSeq}, in arrival order: for the live stream. */
    public List<ActivityEntry> after(ActivityFilter filter, Set<String> grants, long afterSeq, int limit) {
        Parameters params = new Parameters();
        List<String> where = conditions(filter, grants, params);
        where.add("seq > :afterSeq");
        params.and("afterSeq", afterSeq);
        return find(String.join(" and ", where), Sort.ascending("seq"), params).range(0, limit - 1).list();
    }

    /** Up to {@code limit} entries at positions after {@code afterSeq} up to {@code upToSeq}, in feed order. */
    public List<ActivityEntry> between(ActivityFilter filter, Set<String> grants, long afterSeq, long upToSeq,
            int limit) {
        Parameters params = new Parameters();
        List<String> where = conditions(filter, grants, params);
        where.add("seq > :afterSeq and seq <= :upToSeq");
        params.and("afterSeq", afterSeq).and("upToSeq", upToSeq);
        return find(String.join(" and ", where), Sort.ascending("seq"), params).range(0, limit - 1).list();
    }

    /**
     * The newest position stored at least {@code settle} ago. With several gateway replicas, entries are
     * numbered inside their storing transaction and seen when it commits, possibly out of order; a reader
     * that remembers a position and moves past what it has not seen (the webhooks) reads only up to here,
     * so that no entry can still appear below it (storing transactions last milliseconds, not seconds).
     */
    public long settledSeq(Duration settle) {
        Long last = getEntityManager().createQuery(
                "select max(seq) from ActivityEntry where receivedAt <= :settled", Long.class)
                .setParameter("settled", OffsetDateTime.now().minus(settle)).getSingleResult();
        return last == null ? 0 : last;
    }

    /** The position of the first entry received at or after {@code time} minus one: where a replay from that time starts. */
    public long positionBefore(OffsetDateTime time) {
        Long first = getEntityManager().createQuery("select min(seq) from ActivityEntry where receivedAt >= :time",
                Long.class).setParameter("time", time).getSingleResult();
        return first == null ? lastSeq() : first - 1;
    }

    /** The position of the newest entry, 0 when the feed is empty. */
    public long lastSeq() {
        Long last = getEntityManager().createQuery("select max(seq) from ActivityEntry", Long.class).getSingleResult();
        return last == null ? 0 : last;
    }

    private static List<String> conditions(ActivityFilter filter, Set<String> grants, Parameters params) {
        List<String> where = new ArrayList<>();
        // only what the caller may see (Visibility, decided when the event was stored)
        where.add("array_intersects(readers, :grants)");
        params.and("grants", grants.toArray(String[]::new));
        if (filter.municipality() != null) {
            where.add("array_contains(municipalities, :municipality)");
            params.and("municipality", filter.municipality());
        }
        if (filter.workstream() != null) {
            where.add("workstream = :workstream");
            params.and("workstream", filter.workstream());
        }
        if (!filter.types().isEmpty()) {
            where.add("type in :types");
            params.and("types", filter.types());
        }
        if (filter.from() != null) {
            where.add("occurredAt >= :from");
            params.and("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("occurredAt < :to");
            params.and("to", filter.to());
        }
        return where;
    }
}
